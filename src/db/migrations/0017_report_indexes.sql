-- Distinct and repeat customers over long periods (issue 16): the KPIs count the
-- customers with a non-cancelled order in the period, in total and per channel.
-- Read through orders_by_placed, a year is ~300,000 table lookups and a sort of
-- them by customer; this partial index holds exactly the orders those counts
-- read (non-cancelled, with a customer), ordered by customer and channel, so a
-- long period is one pass over the index with no table lookup and no sort for
-- the total (a short period still reads orders_by_placed: fewer rows).
-- Written once per order insert (and on a change of its customer, channel,
-- placed_at or status); the rollups' refresh does not touch it.
CREATE INDEX orders_customers_by_channel ON orders (customer_id, channel_id, placed_at, status)
  WHERE status <> 'cancelled' AND customer_id IS NOT NULL;

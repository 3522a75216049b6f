-- Indexes for reads of the rollups and the returns (issue 16).
--
-- The product rollup (0006/0014) read product by product: 0013's index in
-- (product, hour) order becomes a covering one.
--
-- A year of sales per product (the dashboard's sales mix and the returns
-- report over 365 days) is about 550,000 product-hour rows on the large demo
-- shop. Read through the table's (hour, product) key they arrive in hour
-- order, and SQLite sorts all of them to group them by product (≈ 7x one bare
-- scan of the order lines). Walking a (product, hour) index gives them grouped
-- by product already, but 0013's index holds only the key, so every entry
-- costs a lookup in the table. With every column the reads sum in the index,
-- the walk is one pass, nothing sorted, no lookup (≈ 2x). The promotions'
-- seeks by product (0013) read the same index, now without the lookups too.
-- Short periods keep reading the hour key (a few thousand rows per day).
DROP INDEX sales_product_hourly_by_product;
CREATE INDEX sales_product_hourly_by_product
  ON sales_product_hourly (product_id, hour, orders, gmv, discounts, units, cogs_sold, refunds, cogs_returned);

-- The return lag (return-maturity.ts: days within which 90 % of a year's
-- returned units came back) is measured again whenever returns are recorded,
-- so the dashboard's first load after them pays for it: a year of returns
-- (≈ 28,000 on the large demo), each looked up in returns, orders and
-- return_lines. With the order in the date index and the quantity in the
-- lines' index, two of those four lookups are gone (≈ 35 % less). Both keep
-- their names and leading columns: every other read of them is unchanged.
DROP INDEX returns_by_date;
CREATE INDEX returns_by_date ON returns (returned_at, order_id);
DROP INDEX return_lines_by_return;
CREATE INDEX return_lines_by_return ON return_lines (return_id, quantity);

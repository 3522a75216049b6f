-- Rollups per variant and per customer (issue 16), beside the hourly rollups per
-- channel and per product of 0006: the reports below the dashboard (sales by
-- product, ABC, product health, returns, RFM, cohorts, lifetime value, reorder)
-- read these instead of joining a million order lines to their orders.
--
-- Same rules as 0006: keyed by the UTC hour ('YYYY-MM-DDTHH') so any period of
-- whole local days in a whole-hour time zone is a range of hours; the triggers
-- of 0006 mark the hours a change touches in sales_hourly_dirty, and the next
-- read recomputes those hours of every rollup from the orders themselves
-- (src/analytics/sales-rollup.ts) with the same SQL rules as the direct queries.
-- Hourly rather than daily rows: on a catalogue of 100,000 variants a variant
-- rarely sells twice in a day, so a day per variant holds almost as many rows
-- as an hour per variant, and hours keep every time zone exact.

-- Per variant (0: lines whose variant is gone) and hour the lines' orders were
-- placed; refunds, returned cost and refunded units in the hour the return happened.
CREATE TABLE sales_variant_hourly (
  variant_id INTEGER NOT NULL,
  hour TEXT NOT NULL,
  -- Distinct non-cancelled orders with a line of the variant placed in the hour.
  orders INTEGER NOT NULL DEFAULT 0,
  units INTEGER NOT NULL DEFAULT 0,
  gmv INTEGER NOT NULL DEFAULT 0,
  -- Σ the lines' own discounts (what a SKU carries, products-store.ts).
  own_discounts INTEGER NOT NULL DEFAULT 0,
  -- Σ the lines' share of their orders' discounts (line-discount-sql.ts), unrounded.
  discounts REAL NOT NULL DEFAULT 0,
  cogs_sold INTEGER NOT NULL DEFAULT 0,
  -- The latest placed_at of those lines (NULL when the hour holds only returns).
  last_placed_at TEXT,
  -- Units later returned from the lines placed in the hour (whenever returned).
  units_returned INTEGER NOT NULL DEFAULT 0,
  -- Dated by the return: refunds, returned cost, returned units.
  refunds INTEGER NOT NULL DEFAULT 0,
  cogs_returned INTEGER NOT NULL DEFAULT 0,
  units_refunded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (variant_id, hour)
) WITHOUT ROWID;
CREATE INDEX sales_variant_hourly_by_hour ON sales_variant_hourly (hour);

-- Per customer (guests are not customers: left out) and hour their orders were
-- placed; refunds and returned cost in the hour the return happened.
CREATE TABLE sales_customer_hourly (
  customer_id INTEGER NOT NULL,
  hour TEXT NOT NULL,
  orders INTEGER NOT NULL DEFAULT 0,
  gmv INTEGER NOT NULL DEFAULT 0,
  -- Σ orders.discount_total.
  discounts INTEGER NOT NULL DEFAULT 0,
  units INTEGER NOT NULL DEFAULT 0,
  cogs_sold INTEGER NOT NULL DEFAULT 0,
  -- The first and latest placed_at in the hour (NULL when the hour holds only returns).
  first_placed_at TEXT,
  last_placed_at TEXT,
  refunds INTEGER NOT NULL DEFAULT 0,
  cogs_returned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, hour)
) WITHOUT ROWID;
CREATE INDEX sales_customer_hourly_by_hour ON sales_customer_hourly (hour);

-- Distinct orders per product and per (leaf) category and hour: an order with two
-- lines of one product counts once for it, so these cannot be summed from variants.
ALTER TABLE sales_product_hourly ADD COLUMN orders INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sales_category_hourly (
  hour TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  orders INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, category_id)
) WITHOUT ROWID;

-- Everything is rebuilt once: the new tables are empty and the product rollup gains a column.
INSERT OR IGNORE INTO sales_hourly_dirty (hour)
  SELECT DISTINCT substr(placed_at, 1, 13) FROM orders
  UNION SELECT DISTINCT substr(returned_at, 1, 13) FROM returns;

-- What 0006 did not watch: a line moved to another variant or given another
-- discount (a channel's edited order), a variant moved to another product, a
-- product moved to another category — each re-marks the hours it sold in.
CREATE TRIGGER sales_hourly_line_variant_update AFTER UPDATE OF variant_id, discount ON order_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id IN (OLD.order_id, NEW.order_id);
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(r.returned_at, 1, 13) FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE rl.order_line_id = NEW.id;
END;
CREATE TRIGGER sales_hourly_variant_product_update AFTER UPDATE OF product_id ON variants BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT hour FROM sales_variant_hourly WHERE variant_id = NEW.id;
END;
CREATE TRIGGER sales_hourly_product_category_update AFTER UPDATE OF category_id ON products BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT hour FROM sales_product_hourly WHERE product_id = NEW.id;
END;

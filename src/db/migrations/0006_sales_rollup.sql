-- Hourly sales rollup per channel, so the dashboard reads a few thousand rows
-- instead of a million order lines, and stays exact as orders arrive.
--
-- Keyed by the UTC hour ('YYYY-MM-DDTHH', the first 13 characters of the ISO
-- timestamps) so any period of whole local days in a time zone with a whole-
-- hour offset is a range of hours. Triggers only mark hours dirty; the rollup
-- of a dirty hour is recomputed from the orders themselves on the next read
-- (src/analytics/sales-rollup.ts), so the definitions live in one place and a
-- bulk write costs one index probe per row, not a rollup update.

CREATE TABLE sales_hourly (
  hour TEXT NOT NULL,
  channel_id INTEGER NOT NULL,
  -- Orders placed in the hour (non-cancelled), metrics.md "Sales".
  orders INTEGER NOT NULL DEFAULT 0,
  gmv INTEGER NOT NULL DEFAULT 0,
  discounts INTEGER NOT NULL DEFAULT 0,
  units INTEGER NOT NULL DEFAULT 0,
  cogs_sold INTEGER NOT NULL DEFAULT 0,
  -- Customers whose first non-cancelled order ever was placed in the hour (on this channel).
  new_customers INTEGER NOT NULL DEFAULT 0,
  -- Units later returned from the orders placed in the hour (return-rate numerator).
  units_returned INTEGER NOT NULL DEFAULT 0,
  -- Refunds and returned cost dated in the hour (whenever the order was placed).
  refunds INTEGER NOT NULL DEFAULT 0,
  cogs_returned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, channel_id)
) WITHOUT ROWID;

-- The same per product (0: lines whose variant is gone), for the dashboard's
-- category mix and top / bottom products. Discounts are each line's share of
-- its order's discounts (as in the sales report), summed unrounded.
CREATE TABLE sales_product_hourly (
  hour TEXT NOT NULL,
  product_id INTEGER NOT NULL,
  gmv INTEGER NOT NULL DEFAULT 0,
  discounts REAL NOT NULL DEFAULT 0,
  units INTEGER NOT NULL DEFAULT 0,
  cogs_sold INTEGER NOT NULL DEFAULT 0,
  refunds INTEGER NOT NULL DEFAULT 0,
  cogs_returned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, product_id)
) WITHOUT ROWID;

CREATE TABLE sales_hourly_dirty (hour TEXT PRIMARY KEY) WITHOUT ROWID;

-- Everything already in the shop is dirty: the first read builds the rollup.
INSERT OR IGNORE INTO sales_hourly_dirty (hour)
  SELECT DISTINCT substr(placed_at, 1, 13) FROM orders
  UNION SELECT DISTINCT substr(returned_at, 1, 13) FROM returns;

-- Orders: the hour placed (old and new), the hour of the customer's first order
-- (a new earlier order makes a later one "returning"), and the hours of its returns
-- (cancelling an order takes its refunds out of sales).
CREATE TRIGGER sales_hourly_order_insert AFTER INSERT ON orders BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(NEW.placed_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(MIN(placed_at), 1, 13) FROM orders
    WHERE customer_id = NEW.customer_id AND id <> NEW.id AND status <> 'cancelled' AND NEW.customer_id IS NOT NULL
    HAVING MIN(placed_at) IS NOT NULL;
END;

CREATE TRIGGER sales_hourly_order_update AFTER UPDATE OF placed_at, status, channel_id, discount_total, customer_id ON orders BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(OLD.placed_at, 1, 13)), (substr(NEW.placed_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(MIN(placed_at), 1, 13) FROM orders
    WHERE customer_id IN (OLD.customer_id, NEW.customer_id) AND id <> NEW.id AND status <> 'cancelled'
    GROUP BY customer_id;
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT DISTINCT substr(returned_at, 1, 13) FROM returns WHERE order_id = NEW.id;
END;

CREATE TRIGGER sales_hourly_order_delete AFTER DELETE ON orders BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(OLD.placed_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(MIN(placed_at), 1, 13) FROM orders
    WHERE customer_id = OLD.customer_id AND status <> 'cancelled' AND OLD.customer_id IS NOT NULL
    HAVING MIN(placed_at) IS NOT NULL;
END;

-- Order lines: the hour their order was placed (if the order is gone, its own trigger marked it).
CREATE TRIGGER sales_hourly_line_insert AFTER INSERT ON order_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id = NEW.order_id;
END;
CREATE TRIGGER sales_hourly_line_update AFTER UPDATE OF order_id, quantity, unit_price, unit_cost ON order_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER sales_hourly_line_delete AFTER DELETE ON order_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id = OLD.order_id;
END;

-- Returns: the hour they happened (refunds) and the hour their order was placed (units returned).
CREATE TRIGGER sales_hourly_return_insert AFTER INSERT ON returns BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(NEW.returned_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id = NEW.order_id;
END;
CREATE TRIGGER sales_hourly_return_update AFTER UPDATE OF returned_at, order_id ON returns BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(OLD.returned_at, 1, 13)), (substr(NEW.returned_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER sales_hourly_return_delete AFTER DELETE ON returns BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (substr(OLD.returned_at, 1, 13));
  INSERT OR IGNORE INTO sales_hourly_dirty (hour) SELECT substr(placed_at, 1, 13) FROM orders WHERE id = OLD.order_id;
END;

-- Return lines: through their return (if the return is gone, its own trigger marked both hours).
CREATE TRIGGER sales_hourly_return_line_insert AFTER INSERT ON return_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(r.returned_at, 1, 13) FROM returns r WHERE r.id = NEW.return_id
    UNION SELECT substr(o.placed_at, 1, 13) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = NEW.return_id;
END;
CREATE TRIGGER sales_hourly_return_line_update AFTER UPDATE OF return_id, order_line_id, quantity, refund_amount ON return_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(r.returned_at, 1, 13) FROM returns r WHERE r.id IN (OLD.return_id, NEW.return_id)
    UNION SELECT substr(o.placed_at, 1, 13) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id IN (OLD.return_id, NEW.return_id);
END;
CREATE TRIGGER sales_hourly_return_line_delete AFTER DELETE ON return_lines BEGIN
  INSERT OR IGNORE INTO sales_hourly_dirty (hour)
    SELECT substr(r.returned_at, 1, 13) FROM returns r WHERE r.id = OLD.return_id
    UNION SELECT substr(o.placed_at, 1, 13) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = OLD.return_id;
END;

-- Incremental alert evaluation (issue 16): triggers mark what a change touched,
-- and the next evaluation (src/alerts/incremental.ts) re-runs only the rules
-- and variants those marks reach; every other finding is kept from the last run.
-- Every mark is inserted only when absent (NOT EXISTS, not OR IGNORE: an upsert that
-- fires the trigger would impose its own conflict handling on the trigger's insert).
-- Like sales_hourly_dirty (0006), a trigger only records a key: the rules
-- themselves recompute from the shop data, so a mark never defines a figure.
--
-- scope 'variant': key = a variant id whose stock, sales, supplier terms, open
--   purchase orders or stock rule changed (stock-out, low stock, below reorder point).
-- scope 'hour': key = the UTC hour ('YYYY-MM-DDTHH') of an order placed, a return
--   made, a stock movement or an undone change set: the sales rules re-run only
--   when a mark falls before today (they read complete past days).
-- scope 'all': key '' = something every rule reads (settings, categories,
--   locations, bundles, product names, limits): the next evaluation is a full one.
CREATE TABLE alert_dirty (
  scope TEXT NOT NULL CHECK (scope IN ('variant', 'hour', 'all')),
  key TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;

-- Reorder demand and the alert rules (sold since, net sales per day, return rates) read
-- these columns per variant over a range of hours: covering them keeps each read inside
-- the index, one sequential range instead of a table lookup per row.
CREATE INDEX sales_variant_hourly_units_by_hour ON sales_variant_hourly (hour, variant_id, units, orders, gmv, own_discounts, units_returned);

-- Order lines: the variant (and a bundle's components, whose demand it is) and the order's hour.
CREATE TRIGGER alert_dirty_line_insert AFTER INSERT ON order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(component_variant_id AS TEXT) AS key FROM bundle_components WHERE bundle_variant_id = NEW.variant_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id = NEW.order_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_line_update AFTER UPDATE ON order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key UNION SELECT 'variant', CAST(NEW.variant_id AS TEXT)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(component_variant_id AS TEXT) AS key FROM bundle_components WHERE bundle_variant_id IN (OLD.variant_id, NEW.variant_id)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id IN (OLD.order_id, NEW.order_id)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_line_delete AFTER DELETE ON order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(component_variant_id AS TEXT) AS key FROM bundle_components WHERE bundle_variant_id = OLD.variant_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id = OLD.order_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

-- Orders: the hours placed (old and new) and, when an existing order changes (cancelled,
-- moved in time), every variant on it and the hours of its returns.
CREATE TRIGGER alert_dirty_order_insert AFTER INSERT ON orders BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(NEW.placed_at, 1, 13) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_order_update AFTER UPDATE OF placed_at, status, discount_total ON orders BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(OLD.placed_at, 1, 13) AS key UNION SELECT 'hour', substr(NEW.placed_at, 1, 13)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(variant_id AS TEXT) AS key FROM order_lines WHERE order_id = NEW.id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(bc.component_variant_id AS TEXT) AS key FROM order_lines l JOIN bundle_components bc ON bc.bundle_variant_id = l.variant_id WHERE l.order_id = NEW.id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(returned_at, 1, 13) AS key FROM returns WHERE order_id = NEW.id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_order_delete AFTER DELETE ON orders BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(OLD.placed_at, 1, 13) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

-- Returns: the hour returned and the hour its order was placed (return rates count by the order).
CREATE TRIGGER alert_dirty_return_insert AFTER INSERT ON returns BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(NEW.returned_at, 1, 13) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id = NEW.order_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_return_update AFTER UPDATE ON returns BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(OLD.returned_at, 1, 13) AS key UNION SELECT 'hour', substr(NEW.returned_at, 1, 13)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id IN (OLD.order_id, NEW.order_id)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_return_delete AFTER DELETE ON returns BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(OLD.returned_at, 1, 13) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(placed_at, 1, 13) AS key FROM orders WHERE id = OLD.order_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_return_line_insert AFTER INSERT ON return_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(returned_at, 1, 13) AS key FROM returns WHERE id = NEW.return_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(o.placed_at, 1, 13) AS key FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = NEW.order_line_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_return_line_update AFTER UPDATE ON return_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(returned_at, 1, 13) AS key FROM returns WHERE id IN (OLD.return_id, NEW.return_id)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(o.placed_at, 1, 13) AS key FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id IN (OLD.order_line_id, NEW.order_line_id)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_return_line_delete AFTER DELETE ON return_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(returned_at, 1, 13) AS key FROM returns WHERE id = OLD.return_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(o.placed_at, 1, 13) AS key FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = OLD.order_line_id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

-- Stock: levels (available, committed, incoming, safety stock) and movements (dated: a
-- back-dated movement changes past stock, which dead stock and the sales-drop causes read).
CREATE TRIGGER alert_dirty_level_insert AFTER INSERT ON stock_levels BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_level_update AFTER UPDATE ON stock_levels BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key UNION SELECT 'variant', CAST(NEW.variant_id AS TEXT)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_level_delete AFTER DELETE ON stock_levels BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_movement_insert AFTER INSERT ON stock_movements BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key UNION SELECT 'hour', substr(NEW.occurred_at, 1, 13)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_movement_change AFTER UPDATE ON stock_movements BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_movement_delete AFTER DELETE ON stock_movements BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

-- What the reorder model reads per variant: the variant, its stock rule, supplier items, purchase orders.
CREATE TRIGGER alert_dirty_variant_insert AFTER INSERT ON variants BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_variant_update AFTER UPDATE OF sku, status, product_id, on_hand_total ON variants BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_variant_product_update AFTER UPDATE OF product_id ON variants BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_variant_delete AFTER DELETE ON variants BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_rule_insert AFTER INSERT ON variant_stock_rules BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_rule_update AFTER UPDATE ON variant_stock_rules BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key UNION SELECT 'variant', CAST(NEW.variant_id AS TEXT)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_rule_delete AFTER DELETE ON variant_stock_rules BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_supplier_item_insert AFTER INSERT ON supplier_items BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_supplier_item_update AFTER UPDATE ON supplier_items BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key UNION SELECT 'variant', CAST(NEW.variant_id AS TEXT)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_supplier_item_delete AFTER DELETE ON supplier_items BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_po_line_insert AFTER INSERT ON purchase_order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(NEW.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_po_line_update AFTER UPDATE ON purchase_order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key UNION SELECT 'variant', CAST(NEW.variant_id AS TEXT)) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_po_line_delete AFTER DELETE ON purchase_order_lines BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(OLD.variant_id AS TEXT) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_po_update AFTER UPDATE OF status ON purchase_orders BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'variant' AS scope, CAST(variant_id AS TEXT) AS key FROM purchase_order_lines WHERE purchase_order_id = NEW.id) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

-- Read by every rule or by many variants at once: the next evaluation is a full one.
CREATE TRIGGER alert_dirty_product_update AFTER UPDATE OF title, status, category_id ON products BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_product_delete AFTER DELETE ON products BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_supplier_update AFTER UPDATE ON suppliers BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_category_insert AFTER INSERT ON categories BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_category_update AFTER UPDATE ON categories BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_category_delete AFTER DELETE ON categories BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_settings_update AFTER UPDATE ON shop_settings BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_location_insert AFTER INSERT ON locations BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_location_update AFTER UPDATE ON locations BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_bundle_insert AFTER INSERT ON bundle_components BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_bundle_update AFTER UPDATE ON bundle_components BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_bundle_delete AFTER DELETE ON bundle_components BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_limit_insert AFTER INSERT ON alert_limits BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_limit_update AFTER UPDATE ON alert_limits BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
CREATE TRIGGER alert_dirty_limit_delete AFTER DELETE ON alert_limits BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'all' AS scope, '' AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;
-- An old price change undone changes the causes a sales drop names.
CREATE TRIGGER alert_dirty_change_set_update AFTER UPDATE OF undone_at ON change_sets BEGIN
  INSERT INTO alert_dirty (scope, key) SELECT DISTINCT scope, key FROM (SELECT 'hour' AS scope, substr(NEW.created_at, 1, 13) AS key) src
    WHERE key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM alert_dirty d WHERE d.scope = src.scope AND d.key = src.key);
END;

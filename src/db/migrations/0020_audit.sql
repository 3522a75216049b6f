-- The audit log (issue 17): who did what, when, from where, with before and after.
--
-- audit_log is append-only: the triggers below refuse any UPDATE or DELETE, as for the
-- stock ledger. Each row also carries a hash chain (hash = sha256(prev_hash + the row's
-- fields), computed by src/audit/chain.ts when the row is written), so a row edited,
-- inserted or deleted with plain SQL after dropping those triggers is detected by
-- audit.verify and named in History.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                 -- UTC ISO 8601
  person_id INTEGER NOT NULL,       -- people.id; 0 = the shop itself (schedules, command line)
  person_name TEXT NOT NULL,        -- as it was at the time
  origin TEXT NOT NULL CHECK (origin IN ('desktop', 'serve', 'import', 'sync', 'schedule', 'cli')),
  area TEXT NOT NULL,
  kind TEXT NOT NULL,               -- the contract method (suppliers.update) or an event (signIn, forbidden)
  subject TEXT,                     -- what: 'supplier:12', a label
  summary TEXT,                     -- a short English line for logs and exports; the UI words it from kind
  input_json TEXT CHECK (input_json IS NULL OR json_valid(input_json)),   -- the call's input, secrets removed
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)), -- { "table:key": row | null }
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  extra_json TEXT CHECK (extra_json IS NULL OR json_valid(extra_json)),   -- change sets, ledger range, rows left out
  change_set_id INTEGER,            -- the catalog/stock change set the call made (its items keep their own values)
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_person ON audit_log (person_id, id);
CREATE INDEX audit_log_by_area ON audit_log (area, id);
CREATE INDEX audit_log_by_kind ON audit_log (kind, id);
CREATE INDEX audit_log_by_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Scratch rows written by the capture triggers below while a call runs; the recorder
-- (src/audit/recorder.ts) folds the rows of one call into its audit row and deletes them.
-- AUTOINCREMENT: a seq is never reused after the rows are deleted, so a mark taken
-- before a call ("everything after seq N") stays right.
CREATE TABLE audit_capture (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);

-- Capture triggers for the small configuration tables: the row's old and new values, as
-- JSON objects listing the columns that mean something to a person. Never credentials
-- (channel_credentials.sealed, people.password_hash/pin_hash: only whether one is set),
-- never bookkeeping stamps (updated_at, a sign-in time). Hot tables (variants,
-- order_lines, stock_movements, stock_levels) have none: their changes are in change sets
-- and the ledger, which the audit row links. Updates that change none of the listed
-- columns write nothing. supplier_items: a flip of is_preferred alone is in the bulk
-- change set that made it, so it is not captured twice.

-- shop_settings
CREATE TRIGGER audit_capture_shop_settings_insert AFTER INSERT ON shop_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'shop_settings', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'name', NEW.name, 'currency', NEW.currency, 'time_zone', NEW.time_zone, 'locale', NEW.locale, 'is_demo', NEW.is_demo, 'barcode_mode', NEW.barcode_mode, 'demand_window_days', NEW.demand_window_days, 'service_level', NEW.service_level, 'review_period_days', NEW.review_period_days, 'price_change_confirm_percent', NEW.price_change_confirm_percent, 'decimal_mark', NEW.decimal_mark);
END;
CREATE TRIGGER audit_capture_shop_settings_update AFTER UPDATE ON shop_settings WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.currency IS NOT NEW.currency OR OLD.time_zone IS NOT NEW.time_zone OR OLD.locale IS NOT NEW.locale OR OLD.is_demo IS NOT NEW.is_demo OR OLD.barcode_mode IS NOT NEW.barcode_mode OR OLD.demand_window_days IS NOT NEW.demand_window_days OR OLD.service_level IS NOT NEW.service_level OR OLD.review_period_days IS NOT NEW.review_period_days OR OLD.price_change_confirm_percent IS NOT NEW.price_change_confirm_percent OR OLD.decimal_mark IS NOT NEW.decimal_mark BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'shop_settings', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'currency', OLD.currency, 'time_zone', OLD.time_zone, 'locale', OLD.locale, 'is_demo', OLD.is_demo, 'barcode_mode', OLD.barcode_mode, 'demand_window_days', OLD.demand_window_days, 'service_level', OLD.service_level, 'review_period_days', OLD.review_period_days, 'price_change_confirm_percent', OLD.price_change_confirm_percent, 'decimal_mark', OLD.decimal_mark), json_object('id', NEW.id, 'name', NEW.name, 'currency', NEW.currency, 'time_zone', NEW.time_zone, 'locale', NEW.locale, 'is_demo', NEW.is_demo, 'barcode_mode', NEW.barcode_mode, 'demand_window_days', NEW.demand_window_days, 'service_level', NEW.service_level, 'review_period_days', NEW.review_period_days, 'price_change_confirm_percent', NEW.price_change_confirm_percent, 'decimal_mark', NEW.decimal_mark);
END;
CREATE TRIGGER audit_capture_shop_settings_delete AFTER DELETE ON shop_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'shop_settings', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'currency', OLD.currency, 'time_zone', OLD.time_zone, 'locale', OLD.locale, 'is_demo', OLD.is_demo, 'barcode_mode', OLD.barcode_mode, 'demand_window_days', OLD.demand_window_days, 'service_level', OLD.service_level, 'review_period_days', OLD.review_period_days, 'price_change_confirm_percent', OLD.price_change_confirm_percent, 'decimal_mark', OLD.decimal_mark), NULL;
END;

-- suppliers
CREATE TRIGGER audit_capture_suppliers_insert AFTER INSERT ON suppliers BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'suppliers', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'name', NEW.name, 'contact_name', NEW.contact_name, 'email', NEW.email, 'phone', NEW.phone, 'currency', NEW.currency, 'payment_terms', NEW.payment_terms, 'lead_time_days', NEW.lead_time_days, 'notes', NEW.notes);
END;
CREATE TRIGGER audit_capture_suppliers_update AFTER UPDATE ON suppliers WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.contact_name IS NOT NEW.contact_name OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone OR OLD.currency IS NOT NEW.currency OR OLD.payment_terms IS NOT NEW.payment_terms OR OLD.lead_time_days IS NOT NEW.lead_time_days OR OLD.notes IS NOT NEW.notes BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'suppliers', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'contact_name', OLD.contact_name, 'email', OLD.email, 'phone', OLD.phone, 'currency', OLD.currency, 'payment_terms', OLD.payment_terms, 'lead_time_days', OLD.lead_time_days, 'notes', OLD.notes), json_object('id', NEW.id, 'name', NEW.name, 'contact_name', NEW.contact_name, 'email', NEW.email, 'phone', NEW.phone, 'currency', NEW.currency, 'payment_terms', NEW.payment_terms, 'lead_time_days', NEW.lead_time_days, 'notes', NEW.notes);
END;
CREATE TRIGGER audit_capture_suppliers_delete AFTER DELETE ON suppliers BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'suppliers', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'contact_name', OLD.contact_name, 'email', OLD.email, 'phone', OLD.phone, 'currency', OLD.currency, 'payment_terms', OLD.payment_terms, 'lead_time_days', OLD.lead_time_days, 'notes', OLD.notes), NULL;
END;

-- supplier_items
CREATE TRIGGER audit_capture_supplier_items_insert AFTER INSERT ON supplier_items BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_items', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'supplier_id', NEW.supplier_id, 'variant_id', NEW.variant_id, 'supplier_sku', NEW.supplier_sku, 'cost', NEW.cost, 'pack_size', NEW.pack_size, 'moq', NEW.moq, 'lead_time_days', NEW.lead_time_days, 'is_preferred', NEW.is_preferred);
END;
CREATE TRIGGER audit_capture_supplier_items_update AFTER UPDATE ON supplier_items WHEN OLD.id IS NOT NEW.id OR OLD.supplier_id IS NOT NEW.supplier_id OR OLD.variant_id IS NOT NEW.variant_id OR OLD.supplier_sku IS NOT NEW.supplier_sku OR OLD.cost IS NOT NEW.cost OR OLD.pack_size IS NOT NEW.pack_size OR OLD.moq IS NOT NEW.moq OR OLD.lead_time_days IS NOT NEW.lead_time_days BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_items', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'supplier_id', OLD.supplier_id, 'variant_id', OLD.variant_id, 'supplier_sku', OLD.supplier_sku, 'cost', OLD.cost, 'pack_size', OLD.pack_size, 'moq', OLD.moq, 'lead_time_days', OLD.lead_time_days, 'is_preferred', OLD.is_preferred), json_object('id', NEW.id, 'supplier_id', NEW.supplier_id, 'variant_id', NEW.variant_id, 'supplier_sku', NEW.supplier_sku, 'cost', NEW.cost, 'pack_size', NEW.pack_size, 'moq', NEW.moq, 'lead_time_days', NEW.lead_time_days, 'is_preferred', NEW.is_preferred);
END;
CREATE TRIGGER audit_capture_supplier_items_delete AFTER DELETE ON supplier_items BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_items', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'supplier_id', OLD.supplier_id, 'variant_id', OLD.variant_id, 'supplier_sku', OLD.supplier_sku, 'cost', OLD.cost, 'pack_size', OLD.pack_size, 'moq', OLD.moq, 'lead_time_days', OLD.lead_time_days, 'is_preferred', OLD.is_preferred), NULL;
END;

-- supplier_exchange_rates
CREATE TRIGGER audit_capture_supplier_exchange_rates_insert AFTER INSERT ON supplier_exchange_rates BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_exchange_rates', NEW.supplier_id || ':' || NEW.currency, NULL, json_object('supplier_id', NEW.supplier_id, 'currency', NEW.currency, 'rate', NEW.rate);
END;
CREATE TRIGGER audit_capture_supplier_exchange_rates_update AFTER UPDATE ON supplier_exchange_rates WHEN OLD.supplier_id IS NOT NEW.supplier_id OR OLD.currency IS NOT NEW.currency OR OLD.rate IS NOT NEW.rate BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_exchange_rates', NEW.supplier_id || ':' || NEW.currency, json_object('supplier_id', OLD.supplier_id, 'currency', OLD.currency, 'rate', OLD.rate), json_object('supplier_id', NEW.supplier_id, 'currency', NEW.currency, 'rate', NEW.rate);
END;
CREATE TRIGGER audit_capture_supplier_exchange_rates_delete AFTER DELETE ON supplier_exchange_rates BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'supplier_exchange_rates', OLD.supplier_id || ':' || OLD.currency, json_object('supplier_id', OLD.supplier_id, 'currency', OLD.currency, 'rate', OLD.rate), NULL;
END;

-- locations
CREATE TRIGGER audit_capture_locations_insert AFTER INSERT ON locations BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'locations', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'active', NEW.active);
END;
CREATE TRIGGER audit_capture_locations_update AFTER UPDATE ON locations WHEN OLD.id IS NOT NEW.id OR OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR OLD.active IS NOT NEW.active BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'locations', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'active', OLD.active), json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind, 'active', NEW.active);
END;
CREATE TRIGGER audit_capture_locations_delete AFTER DELETE ON locations BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'locations', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind, 'active', OLD.active), NULL;
END;

-- adjustment_reasons
CREATE TRIGGER audit_capture_adjustment_reasons_insert AFTER INSERT ON adjustment_reasons BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'adjustment_reasons', CAST(NEW.code AS TEXT), NULL, json_object('code', NEW.code, 'label', NEW.label, 'direction', NEW.direction, 'active', NEW.active);
END;
CREATE TRIGGER audit_capture_adjustment_reasons_update AFTER UPDATE ON adjustment_reasons WHEN OLD.code IS NOT NEW.code OR OLD.label IS NOT NEW.label OR OLD.direction IS NOT NEW.direction OR OLD.active IS NOT NEW.active BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'adjustment_reasons', CAST(NEW.code AS TEXT), json_object('code', OLD.code, 'label', OLD.label, 'direction', OLD.direction, 'active', OLD.active), json_object('code', NEW.code, 'label', NEW.label, 'direction', NEW.direction, 'active', NEW.active);
END;
CREATE TRIGGER audit_capture_adjustment_reasons_delete AFTER DELETE ON adjustment_reasons BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'adjustment_reasons', CAST(OLD.code AS TEXT), json_object('code', OLD.code, 'label', OLD.label, 'direction', OLD.direction, 'active', OLD.active), NULL;
END;

-- purchase_orders
CREATE TRIGGER audit_capture_purchase_orders_insert AFTER INSERT ON purchase_orders BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_orders', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'number', NEW.number, 'supplier_id', NEW.supplier_id, 'location_id', NEW.location_id, 'status', NEW.status, 'currency', NEW.currency, 'note', NEW.note, 'expected_at', NEW.expected_at, 'sent_at', NEW.sent_at, 'received_at', NEW.received_at, 'closed_at', NEW.closed_at, 'cancelled_at', NEW.cancelled_at);
END;
CREATE TRIGGER audit_capture_purchase_orders_update AFTER UPDATE ON purchase_orders WHEN OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.supplier_id IS NOT NEW.supplier_id OR OLD.location_id IS NOT NEW.location_id OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.note IS NOT NEW.note OR OLD.expected_at IS NOT NEW.expected_at OR OLD.sent_at IS NOT NEW.sent_at OR OLD.received_at IS NOT NEW.received_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.cancelled_at IS NOT NEW.cancelled_at BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_orders', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'number', OLD.number, 'supplier_id', OLD.supplier_id, 'location_id', OLD.location_id, 'status', OLD.status, 'currency', OLD.currency, 'note', OLD.note, 'expected_at', OLD.expected_at, 'sent_at', OLD.sent_at, 'received_at', OLD.received_at, 'closed_at', OLD.closed_at, 'cancelled_at', OLD.cancelled_at), json_object('id', NEW.id, 'number', NEW.number, 'supplier_id', NEW.supplier_id, 'location_id', NEW.location_id, 'status', NEW.status, 'currency', NEW.currency, 'note', NEW.note, 'expected_at', NEW.expected_at, 'sent_at', NEW.sent_at, 'received_at', NEW.received_at, 'closed_at', NEW.closed_at, 'cancelled_at', NEW.cancelled_at);
END;
CREATE TRIGGER audit_capture_purchase_orders_delete AFTER DELETE ON purchase_orders BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_orders', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'number', OLD.number, 'supplier_id', OLD.supplier_id, 'location_id', OLD.location_id, 'status', OLD.status, 'currency', OLD.currency, 'note', OLD.note, 'expected_at', OLD.expected_at, 'sent_at', OLD.sent_at, 'received_at', OLD.received_at, 'closed_at', OLD.closed_at, 'cancelled_at', OLD.cancelled_at), NULL;
END;

-- purchase_order_lines
CREATE TRIGGER audit_capture_purchase_order_lines_insert AFTER INSERT ON purchase_order_lines BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_order_lines', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'purchase_order_id', NEW.purchase_order_id, 'variant_id', NEW.variant_id, 'supplier_sku', NEW.supplier_sku, 'quantity_ordered', NEW.quantity_ordered, 'quantity_received', NEW.quantity_received, 'unit_cost', NEW.unit_cost);
END;
CREATE TRIGGER audit_capture_purchase_order_lines_update AFTER UPDATE ON purchase_order_lines WHEN OLD.id IS NOT NEW.id OR OLD.purchase_order_id IS NOT NEW.purchase_order_id OR OLD.variant_id IS NOT NEW.variant_id OR OLD.supplier_sku IS NOT NEW.supplier_sku OR OLD.quantity_ordered IS NOT NEW.quantity_ordered OR OLD.quantity_received IS NOT NEW.quantity_received OR OLD.unit_cost IS NOT NEW.unit_cost BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_order_lines', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'purchase_order_id', OLD.purchase_order_id, 'variant_id', OLD.variant_id, 'supplier_sku', OLD.supplier_sku, 'quantity_ordered', OLD.quantity_ordered, 'quantity_received', OLD.quantity_received, 'unit_cost', OLD.unit_cost), json_object('id', NEW.id, 'purchase_order_id', NEW.purchase_order_id, 'variant_id', NEW.variant_id, 'supplier_sku', NEW.supplier_sku, 'quantity_ordered', NEW.quantity_ordered, 'quantity_received', NEW.quantity_received, 'unit_cost', NEW.unit_cost);
END;
CREATE TRIGGER audit_capture_purchase_order_lines_delete AFTER DELETE ON purchase_order_lines BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'purchase_order_lines', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'purchase_order_id', OLD.purchase_order_id, 'variant_id', OLD.variant_id, 'supplier_sku', OLD.supplier_sku, 'quantity_ordered', OLD.quantity_ordered, 'quantity_received', OLD.quantity_received, 'unit_cost', OLD.unit_cost), NULL;
END;

-- receipts
CREATE TRIGGER audit_capture_receipts_insert AFTER INSERT ON receipts BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipts', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'purchase_order_id', NEW.purchase_order_id, 'location_id', NEW.location_id, 'received_at', NEW.received_at, 'note', NEW.note, 'change_set_id', NEW.change_set_id);
END;
CREATE TRIGGER audit_capture_receipts_update AFTER UPDATE ON receipts WHEN OLD.id IS NOT NEW.id OR OLD.purchase_order_id IS NOT NEW.purchase_order_id OR OLD.location_id IS NOT NEW.location_id OR OLD.received_at IS NOT NEW.received_at OR OLD.note IS NOT NEW.note OR OLD.change_set_id IS NOT NEW.change_set_id BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipts', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'purchase_order_id', OLD.purchase_order_id, 'location_id', OLD.location_id, 'received_at', OLD.received_at, 'note', OLD.note, 'change_set_id', OLD.change_set_id), json_object('id', NEW.id, 'purchase_order_id', NEW.purchase_order_id, 'location_id', NEW.location_id, 'received_at', NEW.received_at, 'note', NEW.note, 'change_set_id', NEW.change_set_id);
END;
CREATE TRIGGER audit_capture_receipts_delete AFTER DELETE ON receipts BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipts', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'purchase_order_id', OLD.purchase_order_id, 'location_id', OLD.location_id, 'received_at', OLD.received_at, 'note', OLD.note, 'change_set_id', OLD.change_set_id), NULL;
END;

-- receipt_lines
CREATE TRIGGER audit_capture_receipt_lines_insert AFTER INSERT ON receipt_lines BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipt_lines', NEW.receipt_id || ':' || NEW.purchase_order_line_id, NULL, json_object('receipt_id', NEW.receipt_id, 'purchase_order_line_id', NEW.purchase_order_line_id, 'quantity', NEW.quantity, 'unit_cost', NEW.unit_cost, 'landed_unit_cost', NEW.landed_unit_cost);
END;
CREATE TRIGGER audit_capture_receipt_lines_update AFTER UPDATE ON receipt_lines WHEN OLD.receipt_id IS NOT NEW.receipt_id OR OLD.purchase_order_line_id IS NOT NEW.purchase_order_line_id OR OLD.quantity IS NOT NEW.quantity OR OLD.unit_cost IS NOT NEW.unit_cost OR OLD.landed_unit_cost IS NOT NEW.landed_unit_cost BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipt_lines', NEW.receipt_id || ':' || NEW.purchase_order_line_id, json_object('receipt_id', OLD.receipt_id, 'purchase_order_line_id', OLD.purchase_order_line_id, 'quantity', OLD.quantity, 'unit_cost', OLD.unit_cost, 'landed_unit_cost', OLD.landed_unit_cost), json_object('receipt_id', NEW.receipt_id, 'purchase_order_line_id', NEW.purchase_order_line_id, 'quantity', NEW.quantity, 'unit_cost', NEW.unit_cost, 'landed_unit_cost', NEW.landed_unit_cost);
END;
CREATE TRIGGER audit_capture_receipt_lines_delete AFTER DELETE ON receipt_lines BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'receipt_lines', OLD.receipt_id || ':' || OLD.purchase_order_line_id, json_object('receipt_id', OLD.receipt_id, 'purchase_order_line_id', OLD.purchase_order_line_id, 'quantity', OLD.quantity, 'unit_cost', OLD.unit_cost, 'landed_unit_cost', OLD.landed_unit_cost), NULL;
END;

-- alert_limits
CREATE TRIGGER audit_capture_alert_limits_insert AFTER INSERT ON alert_limits BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'alert_limits', CAST(NEW.kpi AS TEXT), NULL, json_object('kpi', NEW.kpi, 'lower_limit', NEW.lower_limit, 'upper_limit', NEW.upper_limit);
END;
CREATE TRIGGER audit_capture_alert_limits_update AFTER UPDATE ON alert_limits WHEN OLD.kpi IS NOT NEW.kpi OR OLD.lower_limit IS NOT NEW.lower_limit OR OLD.upper_limit IS NOT NEW.upper_limit BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'alert_limits', CAST(NEW.kpi AS TEXT), json_object('kpi', OLD.kpi, 'lower_limit', OLD.lower_limit, 'upper_limit', OLD.upper_limit), json_object('kpi', NEW.kpi, 'lower_limit', NEW.lower_limit, 'upper_limit', NEW.upper_limit);
END;
CREATE TRIGGER audit_capture_alert_limits_delete AFTER DELETE ON alert_limits BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'alert_limits', CAST(OLD.kpi AS TEXT), json_object('kpi', OLD.kpi, 'lower_limit', OLD.lower_limit, 'upper_limit', OLD.upper_limit), NULL;
END;

-- variant_stock_rules
CREATE TRIGGER audit_capture_variant_stock_rules_insert AFTER INSERT ON variant_stock_rules BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'variant_stock_rules', CAST(NEW.variant_id AS TEXT), NULL, json_object('variant_id', NEW.variant_id, 'low_stock_at', NEW.low_stock_at, 'safety_mode', NEW.safety_mode, 'service_level', NEW.service_level);
END;
CREATE TRIGGER audit_capture_variant_stock_rules_update AFTER UPDATE ON variant_stock_rules WHEN OLD.variant_id IS NOT NEW.variant_id OR OLD.low_stock_at IS NOT NEW.low_stock_at OR OLD.safety_mode IS NOT NEW.safety_mode OR OLD.service_level IS NOT NEW.service_level BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'variant_stock_rules', CAST(NEW.variant_id AS TEXT), json_object('variant_id', OLD.variant_id, 'low_stock_at', OLD.low_stock_at, 'safety_mode', OLD.safety_mode, 'service_level', OLD.service_level), json_object('variant_id', NEW.variant_id, 'low_stock_at', NEW.low_stock_at, 'safety_mode', NEW.safety_mode, 'service_level', NEW.service_level);
END;
CREATE TRIGGER audit_capture_variant_stock_rules_delete AFTER DELETE ON variant_stock_rules BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'variant_stock_rules', CAST(OLD.variant_id AS TEXT), json_object('variant_id', OLD.variant_id, 'low_stock_at', OLD.low_stock_at, 'safety_mode', OLD.safety_mode, 'service_level', OLD.service_level), NULL;
END;

-- categories
CREATE TRIGGER audit_capture_categories_insert AFTER INSERT ON categories BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'categories', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'parent_id', NEW.parent_id, 'name', NEW.name, 'path', NEW.path, 'demand_window_days', NEW.demand_window_days);
END;
CREATE TRIGGER audit_capture_categories_update AFTER UPDATE ON categories WHEN OLD.id IS NOT NEW.id OR OLD.parent_id IS NOT NEW.parent_id OR OLD.name IS NOT NEW.name OR OLD.path IS NOT NEW.path OR OLD.demand_window_days IS NOT NEW.demand_window_days BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'categories', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'parent_id', OLD.parent_id, 'name', OLD.name, 'path', OLD.path, 'demand_window_days', OLD.demand_window_days), json_object('id', NEW.id, 'parent_id', NEW.parent_id, 'name', NEW.name, 'path', NEW.path, 'demand_window_days', NEW.demand_window_days);
END;
CREATE TRIGGER audit_capture_categories_delete AFTER DELETE ON categories BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'categories', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'parent_id', OLD.parent_id, 'name', OLD.name, 'path', OLD.path, 'demand_window_days', OLD.demand_window_days), NULL;
END;

-- category_margin_floors
CREATE TRIGGER audit_capture_category_margin_floors_insert AFTER INSERT ON category_margin_floors BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'category_margin_floors', CAST(NEW.category_id AS TEXT), NULL, json_object('category_id', NEW.category_id, 'min_margin_bp', NEW.min_margin_bp);
END;
CREATE TRIGGER audit_capture_category_margin_floors_update AFTER UPDATE ON category_margin_floors WHEN OLD.category_id IS NOT NEW.category_id OR OLD.min_margin_bp IS NOT NEW.min_margin_bp BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'category_margin_floors', CAST(NEW.category_id AS TEXT), json_object('category_id', OLD.category_id, 'min_margin_bp', OLD.min_margin_bp), json_object('category_id', NEW.category_id, 'min_margin_bp', NEW.min_margin_bp);
END;
CREATE TRIGGER audit_capture_category_margin_floors_delete AFTER DELETE ON category_margin_floors BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'category_margin_floors', CAST(OLD.category_id AS TEXT), json_object('category_id', OLD.category_id, 'min_margin_bp', OLD.min_margin_bp), NULL;
END;

-- channels
CREATE TRIGGER audit_capture_channels_insert AFTER INSERT ON channels BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channels', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'platform', NEW.platform, 'active', NEW.active, 'settings', NEW.settings, 'fee_bp', NEW.fee_bp);
END;
CREATE TRIGGER audit_capture_channels_update AFTER UPDATE ON channels WHEN OLD.id IS NOT NEW.id OR OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.platform IS NOT NEW.platform OR OLD.active IS NOT NEW.active OR OLD.settings IS NOT NEW.settings OR OLD.fee_bp IS NOT NEW.fee_bp BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channels', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'platform', OLD.platform, 'active', OLD.active, 'settings', OLD.settings, 'fee_bp', OLD.fee_bp), json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'platform', NEW.platform, 'active', NEW.active, 'settings', NEW.settings, 'fee_bp', NEW.fee_bp);
END;
CREATE TRIGGER audit_capture_channels_delete AFTER DELETE ON channels BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channels', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'platform', OLD.platform, 'active', OLD.active, 'settings', OLD.settings, 'fee_bp', OLD.fee_bp), NULL;
END;

-- channel_credentials
CREATE TRIGGER audit_capture_channel_credentials_insert AFTER INSERT ON channel_credentials BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_credentials', CAST(NEW.channel_id AS TEXT), NULL, json_object('channel_id', NEW.channel_id, 'scheme', NEW.scheme, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER audit_capture_channel_credentials_update AFTER UPDATE ON channel_credentials WHEN OLD.channel_id IS NOT NEW.channel_id OR OLD.scheme IS NOT NEW.scheme OR OLD.updated_at IS NOT NEW.updated_at BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_credentials', CAST(NEW.channel_id AS TEXT), json_object('channel_id', OLD.channel_id, 'scheme', OLD.scheme, 'updated_at', OLD.updated_at), json_object('channel_id', NEW.channel_id, 'scheme', NEW.scheme, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER audit_capture_channel_credentials_delete AFTER DELETE ON channel_credentials BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_credentials', CAST(OLD.channel_id AS TEXT), json_object('channel_id', OLD.channel_id, 'scheme', OLD.scheme, 'updated_at', OLD.updated_at), NULL;
END;

-- channel_location_map
CREATE TRIGGER audit_capture_channel_location_map_insert AFTER INSERT ON channel_location_map BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_location_map', NEW.channel_id || ':' || NEW.remote_location_id, NULL, json_object('channel_id', NEW.channel_id, 'remote_location_id', NEW.remote_location_id, 'remote_location_name', NEW.remote_location_name, 'location_id', NEW.location_id);
END;
CREATE TRIGGER audit_capture_channel_location_map_update AFTER UPDATE ON channel_location_map WHEN OLD.channel_id IS NOT NEW.channel_id OR OLD.remote_location_id IS NOT NEW.remote_location_id OR OLD.remote_location_name IS NOT NEW.remote_location_name OR OLD.location_id IS NOT NEW.location_id BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_location_map', NEW.channel_id || ':' || NEW.remote_location_id, json_object('channel_id', OLD.channel_id, 'remote_location_id', OLD.remote_location_id, 'remote_location_name', OLD.remote_location_name, 'location_id', OLD.location_id), json_object('channel_id', NEW.channel_id, 'remote_location_id', NEW.remote_location_id, 'remote_location_name', NEW.remote_location_name, 'location_id', NEW.location_id);
END;
CREATE TRIGGER audit_capture_channel_location_map_delete AFTER DELETE ON channel_location_map BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_location_map', OLD.channel_id || ':' || OLD.remote_location_id, json_object('channel_id', OLD.channel_id, 'remote_location_id', OLD.remote_location_id, 'remote_location_name', OLD.remote_location_name, 'location_id', OLD.location_id), NULL;
END;

-- channel_links
CREATE TRIGGER audit_capture_channel_links_update AFTER UPDATE OF buffer, share_basis_points ON channel_links WHEN OLD.channel_id IS NOT NEW.channel_id OR OLD.variant_id IS NOT NEW.variant_id OR OLD.buffer IS NOT NEW.buffer OR OLD.share_basis_points IS NOT NEW.share_basis_points BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'channel_links', NEW.channel_id || ':' || NEW.variant_id, json_object('channel_id', OLD.channel_id, 'variant_id', OLD.variant_id, 'buffer', OLD.buffer, 'share_basis_points', OLD.share_basis_points), json_object('channel_id', NEW.channel_id, 'variant_id', NEW.variant_id, 'buffer', NEW.buffer, 'share_basis_points', NEW.share_basis_points);
END;

-- promotion_settings
CREATE TRIGGER audit_capture_promotion_settings_insert AFTER INSERT ON promotion_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_settings', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'min_margin_bp', NEW.min_margin_bp);
END;
CREATE TRIGGER audit_capture_promotion_settings_update AFTER UPDATE ON promotion_settings WHEN OLD.id IS NOT NEW.id OR OLD.min_margin_bp IS NOT NEW.min_margin_bp BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_settings', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'min_margin_bp', OLD.min_margin_bp), json_object('id', NEW.id, 'min_margin_bp', NEW.min_margin_bp);
END;
CREATE TRIGGER audit_capture_promotion_settings_delete AFTER DELETE ON promotion_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_settings', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'min_margin_bp', OLD.min_margin_bp), NULL;
END;

-- promotion_key_dates
CREATE TRIGGER audit_capture_promotion_key_dates_insert AFTER INSERT ON promotion_key_dates BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_key_dates', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'date', NEW.date, 'name', NEW.name);
END;
CREATE TRIGGER audit_capture_promotion_key_dates_update AFTER UPDATE ON promotion_key_dates WHEN OLD.id IS NOT NEW.id OR OLD.date IS NOT NEW.date OR OLD.name IS NOT NEW.name BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_key_dates', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'date', OLD.date, 'name', OLD.name), json_object('id', NEW.id, 'date', NEW.date, 'name', NEW.name);
END;
CREATE TRIGGER audit_capture_promotion_key_dates_delete AFTER DELETE ON promotion_key_dates BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_key_dates', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'date', OLD.date, 'name', OLD.name), NULL;
END;

-- promotions
CREATE TRIGGER audit_capture_promotions_insert AFTER INSERT ON promotions BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotions', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'name', NEW.name, 'type', NEW.type, 'status', NEW.status, 'starts_at', NEW.starts_at, 'ends_at', NEW.ends_at, 'stacking', NEW.stacking, 'priority', NEW.priority, 'scope', NEW.scope, 'all_channels', NEW.all_channels, 'rule', NEW.rule, 'segment_code', NEW.segment_code, 'control_share_bp', NEW.control_share_bp, 'uplift_assumption_bp', NEW.uplift_assumption_bp, 'override_reason', NEW.override_reason, 'note', NEW.note);
END;
CREATE TRIGGER audit_capture_promotions_update AFTER UPDATE ON promotions WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.type IS NOT NEW.type OR OLD.status IS NOT NEW.status OR OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at OR OLD.stacking IS NOT NEW.stacking OR OLD.priority IS NOT NEW.priority OR OLD.scope IS NOT NEW.scope OR OLD.all_channels IS NOT NEW.all_channels OR OLD.rule IS NOT NEW.rule OR OLD.segment_code IS NOT NEW.segment_code OR OLD.control_share_bp IS NOT NEW.control_share_bp OR OLD.uplift_assumption_bp IS NOT NEW.uplift_assumption_bp OR OLD.override_reason IS NOT NEW.override_reason OR OLD.note IS NOT NEW.note BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotions', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'type', OLD.type, 'status', OLD.status, 'starts_at', OLD.starts_at, 'ends_at', OLD.ends_at, 'stacking', OLD.stacking, 'priority', OLD.priority, 'scope', OLD.scope, 'all_channels', OLD.all_channels, 'rule', OLD.rule, 'segment_code', OLD.segment_code, 'control_share_bp', OLD.control_share_bp, 'uplift_assumption_bp', OLD.uplift_assumption_bp, 'override_reason', OLD.override_reason, 'note', OLD.note), json_object('id', NEW.id, 'name', NEW.name, 'type', NEW.type, 'status', NEW.status, 'starts_at', NEW.starts_at, 'ends_at', NEW.ends_at, 'stacking', NEW.stacking, 'priority', NEW.priority, 'scope', NEW.scope, 'all_channels', NEW.all_channels, 'rule', NEW.rule, 'segment_code', NEW.segment_code, 'control_share_bp', NEW.control_share_bp, 'uplift_assumption_bp', NEW.uplift_assumption_bp, 'override_reason', NEW.override_reason, 'note', NEW.note);
END;
CREATE TRIGGER audit_capture_promotions_delete AFTER DELETE ON promotions BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotions', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'type', OLD.type, 'status', OLD.status, 'starts_at', OLD.starts_at, 'ends_at', OLD.ends_at, 'stacking', OLD.stacking, 'priority', OLD.priority, 'scope', OLD.scope, 'all_channels', OLD.all_channels, 'rule', OLD.rule, 'segment_code', OLD.segment_code, 'control_share_bp', OLD.control_share_bp, 'uplift_assumption_bp', OLD.uplift_assumption_bp, 'override_reason', OLD.override_reason, 'note', OLD.note), NULL;
END;

-- promotion_targets
CREATE TRIGGER audit_capture_promotion_targets_insert AFTER INSERT ON promotion_targets BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_targets', NEW.promotion_id || ':' || NEW.kind || ':' || NEW.target_id, NULL, json_object('promotion_id', NEW.promotion_id, 'kind', NEW.kind, 'target_id', NEW.target_id);
END;
CREATE TRIGGER audit_capture_promotion_targets_update AFTER UPDATE ON promotion_targets WHEN OLD.promotion_id IS NOT NEW.promotion_id OR OLD.kind IS NOT NEW.kind OR OLD.target_id IS NOT NEW.target_id BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_targets', NEW.promotion_id || ':' || NEW.kind || ':' || NEW.target_id, json_object('promotion_id', OLD.promotion_id, 'kind', OLD.kind, 'target_id', OLD.target_id), json_object('promotion_id', NEW.promotion_id, 'kind', NEW.kind, 'target_id', NEW.target_id);
END;
CREATE TRIGGER audit_capture_promotion_targets_delete AFTER DELETE ON promotion_targets BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_targets', OLD.promotion_id || ':' || OLD.kind || ':' || OLD.target_id, json_object('promotion_id', OLD.promotion_id, 'kind', OLD.kind, 'target_id', OLD.target_id), NULL;
END;

-- promotion_channels
CREATE TRIGGER audit_capture_promotion_channels_insert AFTER INSERT ON promotion_channels BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_channels', NEW.promotion_id || ':' || NEW.channel_id, NULL, json_object('promotion_id', NEW.promotion_id, 'channel_id', NEW.channel_id);
END;
CREATE TRIGGER audit_capture_promotion_channels_update AFTER UPDATE ON promotion_channels WHEN OLD.promotion_id IS NOT NEW.promotion_id OR OLD.channel_id IS NOT NEW.channel_id BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_channels', NEW.promotion_id || ':' || NEW.channel_id, json_object('promotion_id', OLD.promotion_id, 'channel_id', OLD.channel_id), json_object('promotion_id', NEW.promotion_id, 'channel_id', NEW.channel_id);
END;
CREATE TRIGGER audit_capture_promotion_channels_delete AFTER DELETE ON promotion_channels BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'promotion_channels', OLD.promotion_id || ':' || OLD.channel_id, json_object('promotion_id', OLD.promotion_id, 'channel_id', OLD.channel_id), NULL;
END;

-- coupon_codes
CREATE TRIGGER audit_capture_coupon_codes_insert AFTER INSERT ON coupon_codes BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'coupon_codes', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'promotion_id', NEW.promotion_id, 'code', NEW.code, 'customer_id', NEW.customer_id);
END;
CREATE TRIGGER audit_capture_coupon_codes_update AFTER UPDATE ON coupon_codes WHEN OLD.id IS NOT NEW.id OR OLD.promotion_id IS NOT NEW.promotion_id OR OLD.code IS NOT NEW.code OR OLD.customer_id IS NOT NEW.customer_id BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'coupon_codes', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'promotion_id', OLD.promotion_id, 'code', OLD.code, 'customer_id', OLD.customer_id), json_object('id', NEW.id, 'promotion_id', NEW.promotion_id, 'code', NEW.code, 'customer_id', NEW.customer_id);
END;
CREATE TRIGGER audit_capture_coupon_codes_delete AFTER DELETE ON coupon_codes BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'coupon_codes', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'promotion_id', OLD.promotion_id, 'code', OLD.code, 'customer_id', OLD.customer_id), NULL;
END;

-- roles
CREATE TRIGGER audit_capture_roles_insert AFTER INSERT ON roles BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'roles', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'builtin_key', NEW.builtin_key, 'name', NEW.name);
END;
CREATE TRIGGER audit_capture_roles_update AFTER UPDATE ON roles WHEN OLD.id IS NOT NEW.id OR OLD.builtin_key IS NOT NEW.builtin_key OR OLD.name IS NOT NEW.name BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'roles', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'builtin_key', OLD.builtin_key, 'name', OLD.name), json_object('id', NEW.id, 'builtin_key', NEW.builtin_key, 'name', NEW.name);
END;
CREATE TRIGGER audit_capture_roles_delete AFTER DELETE ON roles BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'roles', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'builtin_key', OLD.builtin_key, 'name', OLD.name), NULL;
END;

-- role_permissions
CREATE TRIGGER audit_capture_role_permissions_insert AFTER INSERT ON role_permissions BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'role_permissions', NEW.role_id || ':' || NEW.permission, NULL, json_object('role_id', NEW.role_id, 'permission', NEW.permission);
END;
CREATE TRIGGER audit_capture_role_permissions_update AFTER UPDATE ON role_permissions WHEN OLD.role_id IS NOT NEW.role_id OR OLD.permission IS NOT NEW.permission BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'role_permissions', NEW.role_id || ':' || NEW.permission, json_object('role_id', OLD.role_id, 'permission', OLD.permission), json_object('role_id', NEW.role_id, 'permission', NEW.permission);
END;
CREATE TRIGGER audit_capture_role_permissions_delete AFTER DELETE ON role_permissions BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'role_permissions', OLD.role_id || ':' || OLD.permission, json_object('role_id', OLD.role_id, 'permission', OLD.permission), NULL;
END;

-- people
CREATE TRIGGER audit_capture_people_insert AFTER INSERT ON people BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'people', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'name', NEW.name, 'login', NEW.login, 'role_id', NEW.role_id, 'active', NEW.active, 'password', CASE WHEN NEW.password_hash IS NULL THEN 'none' ELSE 'set' END, 'pin', CASE WHEN NEW.pin_hash IS NULL THEN 'none' ELSE 'set' END);
END;
CREATE TRIGGER audit_capture_people_update AFTER UPDATE ON people WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.login IS NOT NEW.login OR OLD.role_id IS NOT NEW.role_id OR OLD.active IS NOT NEW.active OR OLD.password_hash IS NOT NEW.password_hash OR OLD.pin_hash IS NOT NEW.pin_hash BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'people', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'login', OLD.login, 'role_id', OLD.role_id, 'active', OLD.active, 'password', CASE WHEN OLD.password_hash IS NULL THEN 'none' ELSE 'set' END, 'pin', CASE WHEN OLD.pin_hash IS NULL THEN 'none' ELSE 'set' END), json_object('id', NEW.id, 'name', NEW.name, 'login', NEW.login, 'role_id', NEW.role_id, 'active', NEW.active, 'password', CASE WHEN NEW.password_hash IS NULL THEN 'none' ELSE 'set' END, 'pin', CASE WHEN NEW.pin_hash IS NULL THEN 'none' ELSE 'set' END);
END;
CREATE TRIGGER audit_capture_people_delete AFTER DELETE ON people BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'people', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'name', OLD.name, 'login', OLD.login, 'role_id', OLD.role_id, 'active', OLD.active, 'password', CASE WHEN OLD.password_hash IS NULL THEN 'none' ELSE 'set' END, 'pin', CASE WHEN OLD.pin_hash IS NULL THEN 'none' ELSE 'set' END), NULL;
END;

-- team_settings
CREATE TRIGGER audit_capture_team_settings_insert AFTER INSERT ON team_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'team_settings', CAST(NEW.id AS TEXT), NULL, json_object('id', NEW.id, 'sign_in_required', NEW.sign_in_required, 'idle_lock_minutes', NEW.idle_lock_minutes);
END;
CREATE TRIGGER audit_capture_team_settings_update AFTER UPDATE ON team_settings WHEN OLD.id IS NOT NEW.id OR OLD.sign_in_required IS NOT NEW.sign_in_required OR OLD.idle_lock_minutes IS NOT NEW.idle_lock_minutes BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'team_settings', CAST(NEW.id AS TEXT), json_object('id', OLD.id, 'sign_in_required', OLD.sign_in_required, 'idle_lock_minutes', OLD.idle_lock_minutes), json_object('id', NEW.id, 'sign_in_required', NEW.sign_in_required, 'idle_lock_minutes', NEW.idle_lock_minutes);
END;
CREATE TRIGGER audit_capture_team_settings_delete AFTER DELETE ON team_settings BEGIN
  INSERT INTO audit_capture (table_name, row_key, before_json, after_json)
  SELECT 'team_settings', CAST(OLD.id AS TEXT), json_object('id', OLD.id, 'sign_in_required', OLD.sign_in_required, 'idle_lock_minutes', OLD.idle_lock_minutes), NULL;
END;

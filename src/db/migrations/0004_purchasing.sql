-- Purchasing: purchase orders with partial receipts, and the shop's replenishment settings.
-- Open quantities are mirrored in stock_levels.incoming (per variant and destination)
-- in the same transaction as every PO change, so stock views read them without joins.

CREATE TABLE purchase_orders (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
  -- Where the goods are expected; a receipt may still go to another location.
  location_id INTEGER NOT NULL REFERENCES locations (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled')),
  currency TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  -- The supplier's promised delivery date (sent_at + lead time unless agreed otherwise).
  expected_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  received_at TEXT,
  closed_at TEXT,
  cancelled_at TEXT,
  actor TEXT NOT NULL
);
CREATE INDEX purchase_orders_by_supplier ON purchase_orders (supplier_id, created_at);
CREATE INDEX purchase_orders_by_status ON purchase_orders (status);

CREATE TABLE purchase_order_lines (
  id INTEGER PRIMARY KEY,
  purchase_order_id INTEGER NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id),
  supplier_sku TEXT,
  quantity_ordered INTEGER NOT NULL CHECK (quantity_ordered > 0),
  quantity_received INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0),
  -- Agreed unit cost in minor units of the PO currency.
  unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0),
  UNIQUE (purchase_order_id, variant_id)
);
CREATE INDEX purchase_order_lines_by_variant ON purchase_order_lines (variant_id);

-- One delivery against a PO (a PO may take several).
CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  purchase_order_id INTEGER NOT NULL REFERENCES purchase_orders (id),
  location_id INTEGER NOT NULL REFERENCES locations (id),
  received_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  change_set_id INTEGER REFERENCES change_sets (id)
);
CREATE INDEX receipts_by_order ON receipts (purchase_order_id);

CREATE TABLE receipt_lines (
  receipt_id INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
  purchase_order_line_id INTEGER NOT NULL REFERENCES purchase_order_lines (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0),
  -- The same cost in the shop currency (unit_cost × the rate given at receipt when the PO is in
  -- another currency); this is what the moving-average cost and the ledger use.
  landed_unit_cost INTEGER NOT NULL CHECK (landed_unit_cost >= 0),
  PRIMARY KEY (receipt_id, purchase_order_line_id)
) WITHOUT ROWID;

-- Replenishment model settings (metrics.md): demand window, service level, review period.
ALTER TABLE shop_settings ADD COLUMN demand_window_days INTEGER NOT NULL DEFAULT 56 CHECK (demand_window_days BETWEEN 3 AND 365);
ALTER TABLE shop_settings ADD COLUMN service_level REAL NOT NULL DEFAULT 0.95 CHECK (service_level > 0.5 AND service_level < 1);
ALTER TABLE shop_settings ADD COLUMN review_period_days INTEGER NOT NULL DEFAULT 7 CHECK (review_period_days BETWEEN 0 AND 90);
-- Fast-moving categories (fashion) use a shorter demand window.
ALTER TABLE categories ADD COLUMN demand_window_days INTEGER CHECK (demand_window_days IS NULL OR demand_window_days BETWEEN 3 AND 365);

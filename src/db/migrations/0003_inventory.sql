-- Inventory: adjustment reasons, transfers through an in-transit location,
-- stocktakes counted against the level at count time, bins and stock rules.
-- Every change of on hand still goes through stock_movements (src/inventory/ledger.ts).

-- Why stock was adjusted. Built-in codes have translated labels in the UI; shops add their own.
CREATE TABLE adjustment_reasons (
  code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND length(code) <= 40),
  label TEXT NOT NULL,
  -- 'in' only adds stock, 'out' only removes it, 'either' both (a correction).
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'either')),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;
INSERT INTO adjustment_reasons (code, label, direction, builtin) VALUES
  ('damage', 'Damaged', 'out', 1),
  ('loss', 'Lost', 'out', 1),
  ('theft', 'Theft', 'out', 1),
  ('expired', 'Expired', 'out', 1),
  ('sample', 'Sample / gift', 'out', 1),
  ('found', 'Found', 'in', 1),
  ('correction', 'Correction', 'either', 1);

-- Where a unit sits inside a location, for picking and for counting by bin.
ALTER TABLE stock_levels ADD COLUMN bin TEXT;
CREATE INDEX stock_levels_by_bin ON stock_levels (location_id, bin);

-- Per-variant stock rules: when to call stock "low", and whether safety stock is the
-- manual per-location value (stock_levels.safety_stock) or computed from demand (metrics.md).
CREATE TABLE variant_stock_rules (
  variant_id INTEGER PRIMARY KEY REFERENCES variants (id) ON DELETE CASCADE,
  low_stock_at INTEGER CHECK (low_stock_at IS NULL OR low_stock_at >= 0),
  safety_mode TEXT NOT NULL DEFAULT 'manual' CHECK (safety_mode IN ('manual', 'computed')),
  -- Target service level for computed safety stock (0.90, 0.95, 0.98); NULL uses the shop's.
  service_level REAL CHECK (service_level IS NULL OR (service_level > 0.5 AND service_level < 1)),
  updated_at TEXT NOT NULL
);

-- A transfer moves stock from one location to another through an in-transit
-- location (kind 'transit'): sending posts out of the source and into transit;
-- receiving (possibly in parts) posts out of transit and into the destination.
CREATE TABLE transfers (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  from_location_id INTEGER NOT NULL REFERENCES locations (id),
  to_location_id INTEGER NOT NULL REFERENCES locations (id),
  transit_location_id INTEGER NOT NULL REFERENCES locations (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'in_transit', 'partially_received', 'received', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  received_at TEXT,
  cancelled_at TEXT,
  CHECK (from_location_id <> to_location_id)
);
CREATE INDEX transfers_by_status ON transfers (status, created_at);

CREATE TABLE transfer_lines (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  received_quantity INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0 AND received_quantity <= quantity),
  UNIQUE (transfer_id, variant_id)
);
CREATE INDEX transfer_lines_by_variant ON transfer_lines (variant_id);

-- A stocktake counts one location (all of it, a category, or a bin). Each line keeps
-- the on-hand level at the moment it was counted, so sales and receipts during the
-- count do not show up as variances: posting adjusts by counted − on_hand_at_count.
CREATE TABLE stocktakes (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  location_id INTEGER NOT NULL REFERENCES locations (id),
  scope TEXT NOT NULL CHECK (scope IN ('all', 'category', 'bin')),
  scope_category_id INTEGER REFERENCES categories (id),
  scope_bin TEXT,
  status TEXT NOT NULL CHECK (status IN ('counting', 'posted', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  posted_at TEXT,
  cancelled_at TEXT,
  change_set_id INTEGER REFERENCES change_sets (id),
  CHECK ((scope = 'category') = (scope_category_id IS NOT NULL)),
  CHECK ((scope = 'bin') = (scope_bin IS NOT NULL))
);
CREATE INDEX stocktakes_by_location ON stocktakes (location_id, status);

CREATE TABLE stocktake_lines (
  stocktake_id INTEGER NOT NULL REFERENCES stocktakes (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id),
  on_hand_at_open INTEGER NOT NULL,
  counted INTEGER CHECK (counted IS NULL OR counted >= 0),
  on_hand_at_count INTEGER,
  counted_at TEXT,
  -- Unit cost when counted, so a variance has a value even if cost changes later.
  unit_cost INTEGER,
  PRIMARY KEY (stocktake_id, variant_id),
  CHECK ((counted IS NULL) = (on_hand_at_count IS NULL))
) WITHOUT ROWID;

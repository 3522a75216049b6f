-- Shopdesk schema, first version: what the demo shop holds.
-- Money: INTEGER minor units of the shop currency. Quantities: INTEGER.
-- Timestamps: UTC ISO-8601 text. Rates are computed, never stored.

CREATE TABLE shop_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  locale TEXT NOT NULL CHECK (locale IN ('en', 'zh-CN')),
  -- A generated demo shop is labelled everywhere in the UI.
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  demo_seed INTEGER,
  demo_size TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Change sets: every bulk change with who, when and what, undoable as a unit.
CREATE TABLE change_sets (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,            -- 'bulk_edit', 'import', 'price_change', 'sync_pull', 'demo', ...
  summary TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  undone_at TEXT,
  undone_by INTEGER REFERENCES change_sets (id)
);

-- One row per changed field; before/after are JSON-encoded values (NULL row value = SQL NULL).
CREATE TABLE change_set_items (
  id INTEGER PRIMARY KEY,
  change_set_id INTEGER NOT NULL REFERENCES change_sets (id) ON DELETE CASCADE,
  entity TEXT NOT NULL,          -- table name: 'variants', 'products', ...
  entity_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  before_value TEXT,
  after_value TEXT
);
CREATE INDEX change_set_items_by_set ON change_set_items (change_set_id);
CREATE INDEX change_set_items_by_entity ON change_set_items (entity, entity_id, field);

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories (id),
  name TEXT NOT NULL,
  -- Full path with ' > ' separators, e.g. 'Apparel > Hoodies'; unique so imports can match by path.
  path TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX categories_by_parent ON categories (parent_id);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  brand TEXT,
  category_id INTEGER REFERENCES categories (id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'draft', 'archived')),
  option1_name TEXT,
  option2_name TEXT,
  option3_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX products_by_category ON products (category_id);
CREATE INDEX products_by_title ON products (title);
CREATE INDEX products_by_brand ON products (brand);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE product_tags (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX product_tags_by_tag ON product_tags (tag_id);

CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku TEXT NOT NULL UNIQUE,
  barcode TEXT,
  option1 TEXT,
  option2 TEXT,
  option3 TEXT,
  price INTEGER NOT NULL CHECK (price >= 0),
  compare_at_price INTEGER CHECK (compare_at_price IS NULL OR compare_at_price >= 0),
  cost INTEGER CHECK (cost IS NULL OR cost >= 0),
  weight_grams INTEGER CHECK (weight_grams IS NULL OR weight_grams >= 0),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'draft', 'archived')),
  position INTEGER NOT NULL DEFAULT 1,
  -- Denormalised sum of stock_levels.on_hand, kept by triggers below, so the
  -- Products grid can sort and filter by stock on 100k variants through an index.
  on_hand_total INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX variants_by_product ON variants (product_id, position);
CREATE INDEX variants_by_price ON variants (price);
CREATE INDEX variants_by_compare_at ON variants (compare_at_price);
CREATE INDEX variants_by_cost ON variants (cost);
CREATE INDEX variants_by_barcode ON variants (barcode);
CREATE INDEX variants_by_status ON variants (status);
CREATE INDEX variants_by_weight ON variants (weight_grams);
CREATE INDEX variants_by_on_hand ON variants (on_hand_total);
CREATE INDEX variants_by_updated ON variants (updated_at);

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('warehouse', 'store', 'transit')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

-- Materialised stock per variant per location; always equal to the ledger sums
-- (on_hand) and to open documents (committed: open orders, incoming: open POs).
CREATE TABLE stock_levels (
  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL REFERENCES locations (id),
  on_hand INTEGER NOT NULL DEFAULT 0,
  committed INTEGER NOT NULL DEFAULT 0 CHECK (committed >= 0),
  incoming INTEGER NOT NULL DEFAULT 0 CHECK (incoming >= 0),
  safety_stock INTEGER CHECK (safety_stock IS NULL OR safety_stock >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (variant_id, location_id)
) WITHOUT ROWID;
CREATE INDEX stock_levels_by_location ON stock_levels (location_id);

CREATE TRIGGER stock_levels_total_insert AFTER INSERT ON stock_levels BEGIN
  UPDATE variants SET on_hand_total = on_hand_total + NEW.on_hand WHERE id = NEW.variant_id;
END;
CREATE TRIGGER stock_levels_total_update AFTER UPDATE OF on_hand ON stock_levels BEGIN
  UPDATE variants SET on_hand_total = on_hand_total + NEW.on_hand - OLD.on_hand WHERE id = NEW.variant_id;
END;
CREATE TRIGGER stock_levels_total_delete AFTER DELETE ON stock_levels BEGIN
  UPDATE variants SET on_hand_total = on_hand_total - OLD.on_hand WHERE id = OLD.variant_id;
END;

-- The append-only stock ledger. Every change of on hand is one row here.
CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  variant_id INTEGER NOT NULL REFERENCES variants (id),
  location_id INTEGER NOT NULL REFERENCES locations (id),
  delta INTEGER NOT NULL CHECK (delta <> 0),
  reason TEXT NOT NULL CHECK (reason IN (
    'initial', 'receive', 'sale', 'return', 'adjustment', 'transfer_out', 'transfer_in',
    'stocktake', 'damage', 'sync')),
  reason_code TEXT,              -- adjustment detail: 'damage', 'loss', 'found', 'correction', 'sample', ...
  note TEXT,
  ref_type TEXT,                 -- 'order', 'return', 'receipt', 'transfer', 'stocktake', 'import', ...
  ref_id TEXT,
  -- Unit cost of the units moved (receipts: purchase cost; sales: cost at sale), for valuation.
  unit_cost INTEGER,
  actor TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  change_set_id INTEGER REFERENCES change_sets (id)
);
CREATE INDEX stock_movements_by_variant ON stock_movements (variant_id, occurred_at);
CREATE INDEX stock_movements_by_location ON stock_movements (location_id, occurred_at);
CREATE INDEX stock_movements_by_ref ON stock_movements (ref_type, ref_id);

CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only');
END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN
  SELECT RAISE(ABORT, 'stock_movements is append-only');
END;

CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  contact_name TEXT,
  email TEXT,
  phone TEXT,
  currency TEXT NOT NULL,
  payment_terms TEXT,
  lead_time_days INTEGER NOT NULL DEFAULT 14 CHECK (lead_time_days >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE supplier_items (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  supplier_sku TEXT,
  cost INTEGER NOT NULL CHECK (cost >= 0),
  pack_size INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
  moq INTEGER NOT NULL DEFAULT 1 CHECK (moq >= 1),
  lead_time_days INTEGER CHECK (lead_time_days IS NULL OR lead_time_days >= 0),
  is_preferred INTEGER NOT NULL DEFAULT 0 CHECK (is_preferred IN (0, 1)),
  UNIQUE (supplier_id, variant_id)
);
CREATE INDEX supplier_items_by_variant ON supplier_items (variant_id);

CREATE TABLE channels (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- 'shopify', 'woocommerce', 'tmall', 'douyin', 'pos', 'manual', ...; connectors come later.
  platform TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  -- Customers are identified by e-mail (case-insensitive) or a platform id (metrics.md).
  email TEXT UNIQUE COLLATE NOCASE,
  external_id TEXT,
  name TEXT NOT NULL,
  phone TEXT,
  city TEXT,
  country TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX customers_by_external ON customers (external_id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  order_number TEXT NOT NULL,
  external_id TEXT,
  customer_id INTEGER REFERENCES customers (id),
  -- Location the order ships from (stock is committed and sold there).
  location_id INTEGER NOT NULL REFERENCES locations (id),
  -- open: placed, stock committed; fulfilled: shipped, stock sold; cancelled: counts nowhere.
  status TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'cancelled')),
  placed_at TEXT NOT NULL,
  fulfilled_at TEXT,
  cancelled_at TEXT,
  currency TEXT NOT NULL,
  -- Sums of the lines, in minor units; kept for listing speed, recomputable from lines.
  subtotal INTEGER NOT NULL,
  discount_total INTEGER NOT NULL DEFAULT 0,
  shipping INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  UNIQUE (channel_id, order_number)
);
CREATE INDEX orders_by_placed ON orders (placed_at);
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at);
CREATE INDEX orders_by_status ON orders (status);

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  variant_id INTEGER REFERENCES variants (id),
  sku TEXT NOT NULL,             -- as sold, kept even if the variant is later removed
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),   -- charged, before discounts
  discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),  -- whole line
  unit_cost INTEGER              -- cost recorded when sold (COGS)
);
CREATE INDEX order_lines_by_order ON order_lines (order_id);
CREATE INDEX order_lines_by_variant ON order_lines (variant_id);

-- Reason codes for returns, grouped so analytics can split quality vs transit.
CREATE TABLE return_reasons (
  code TEXT PRIMARY KEY,
  reason_group TEXT NOT NULL CHECK (reason_group IN ('quality', 'transit', 'fit', 'preference', 'other')),
  name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL
);
INSERT INTO return_reasons (code, reason_group, name_en, name_zh) VALUES
  ('defective', 'quality', 'Defective or broken', '质量问题/损坏'),
  ('not_as_described', 'quality', 'Not as described', '与描述不符'),
  ('damaged_in_transit', 'transit', 'Damaged in transit', '运输途中损坏'),
  ('late_delivery', 'transit', 'Arrived too late', '物流太慢'),
  ('wrong_item', 'transit', 'Wrong item sent', '发错货'),
  ('too_small', 'fit', 'Too small', '尺码偏小'),
  ('too_large', 'fit', 'Too large', '尺码偏大'),
  ('changed_mind', 'preference', 'Changed mind', '不想要了'),
  ('colour_differs', 'preference', 'Colour differs from photos', '颜色与图片不符'),
  ('other', 'other', 'Other', '其他');

CREATE TABLE returns (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  -- Returns and refunds are dated when they happen (metrics.md).
  returned_at TEXT NOT NULL,
  location_id INTEGER REFERENCES locations (id),
  note TEXT
);
CREATE INDEX returns_by_order ON returns (order_id);
CREATE INDEX returns_by_date ON returns (returned_at);

CREATE TABLE return_lines (
  id INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  reason_code TEXT NOT NULL REFERENCES return_reasons (code),
  refund_amount INTEGER NOT NULL CHECK (refund_amount >= 0),  -- at the net price paid
  restocked INTEGER NOT NULL DEFAULT 0 CHECK (restocked IN (0, 1))
);
CREATE INDEX return_lines_by_return ON return_lines (return_id);
CREATE INDEX return_lines_by_line ON return_lines (order_line_id);

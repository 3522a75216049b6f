-- Catalog editing: product images, bundles, and the shop's barcode rule.

-- Images in display order; position 1 is the main image (completeness needs one).
CREATE TABLE product_images (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  path TEXT NOT NULL CHECK (path <> ''),
  position INTEGER NOT NULL CHECK (position >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (product_id, position)
);

-- A bundle is a variant sold as a kit of other variants; its stock is computed, never held.
CREATE TABLE bundle_components (
  bundle_variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  component_variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (bundle_variant_id, component_variant_id),
  CHECK (bundle_variant_id <> component_variant_id)
) WITHOUT ROWID;
CREATE INDEX bundle_components_by_component ON bundle_components (component_variant_id);

-- 'gtin': barcodes must be GTIN-8/12/13/14 with a valid check digit; 'free': any non-empty text
-- (shops using their own labels or legacy codes).
ALTER TABLE shop_settings ADD COLUMN barcode_mode TEXT NOT NULL DEFAULT 'gtin' CHECK (barcode_mode IN ('gtin', 'free'));

-- Undo looks up every change set after a given one that touched a field; the index on
-- (entity, entity_id, field) finds them, this one lists a set's kind/undone state fast.
CREATE INDEX change_sets_by_created ON change_sets (created_at);

-- Where a product is listed for sale (the marketplace sync area fills external ids and state).
CREATE TABLE channel_listings (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  external_id TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'removed')),
  listed_at TEXT NOT NULL,
  PRIMARY KEY (product_id, channel_id)
) WITHOUT ROWID;
CREATE INDEX channel_listings_by_channel ON channel_listings (channel_id);

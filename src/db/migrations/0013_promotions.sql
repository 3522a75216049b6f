-- Promotions (issue 15): what a promotion is (type, window, stacking, targets, channels, its
-- type's rule as validated JSON), the local sale prices of the running ones, coupon codes, the
-- audience of segment campaigns with its control group, the shop's key dates, margin floors.
-- Portable SQL: TEXT/INTEGER only, JSON as TEXT; percentages are basis points (1 % = 100).

CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  -- src/promotions/rules.ts holds each type's rule schema (rule column) and its names.
  type TEXT NOT NULL CHECK (type IN ('percent_off', 'amount_off', 'fixed_price', 'spend_tiers',
    'quantity_tiers', 'buy_x_get_y', 'bundle_price', 'gift_with_purchase', 'flash_sale', 'coupon', 'member_price')),
  -- draft -> scheduled -> running -> ended; draft/scheduled/running -> cancelled.
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'running', 'ended', 'cancelled')),
  -- UTC instants; the editor takes them in the shop's time zone. ends_at is exclusive.
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  stacking TEXT NOT NULL DEFAULT 'exclusive' CHECK (stacking IN ('exclusive', 'stackable')),
  -- Lower applies first; among exclusive promotions on one SKU the lowest priority wins.
  priority INTEGER NOT NULL DEFAULT 100,
  -- 'shop': every variant; 'targets': the rows of promotion_targets.
  scope TEXT NOT NULL DEFAULT 'shop' CHECK (scope IN ('shop', 'targets')),
  -- 1: every channel (and orders entered locally); 0: only the channels in promotion_channels.
  all_channels INTEGER NOT NULL DEFAULT 1 CHECK (all_channels IN (0, 1)),
  rule TEXT NOT NULL CHECK (json_valid(rule)),
  -- RFM segment code (src/analytics/segments.ts) of a coupon campaign or member price, the as-of
  -- date its audience was taken on, and the share of it held out as a control group.
  segment_code TEXT,
  control_share_bp INTEGER NOT NULL DEFAULT 0 CHECK (control_share_bp BETWEEN 0 AND 5000),
  -- The owner's expected uplift when the shop has no comparable past promotion (an assumption).
  uplift_assumption_bp INTEGER,
  -- Scheduled below the margin floor: the stated reason, who and when (also in History).
  override_reason TEXT,
  override_by TEXT,
  override_at TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX promotions_by_window ON promotions (starts_at, ends_at);
CREATE INDEX promotions_by_status ON promotions (status, starts_at);

-- What a 'targets' promotion applies to: products, variants, categories (with their
-- subcategories) or tags.
CREATE TABLE promotion_targets (
  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('product', 'variant', 'category', 'tag')),
  target_id INTEGER NOT NULL,
  PRIMARY KEY (promotion_id, kind, target_id)
);
CREATE INDEX promotion_targets_by_target ON promotion_targets (kind, target_id);

CREATE TABLE promotion_channels (
  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  PRIMARY KEY (promotion_id, channel_id)
);

-- The sale price of each variant under the running price promotions (percent/amount off, fixed
-- price, flash sale), written when one starts and deleted when it ends, is cancelled or a flash
-- sale's cap is reached. variants.price stays the regular price throughout, so ending restores
-- it exactly; "current price" = COALESCE(promotion_prices.price, variants.price).
CREATE TABLE promotion_prices (
  variant_id INTEGER PRIMARY KEY REFERENCES variants (id) ON DELETE CASCADE,
  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
  price INTEGER NOT NULL CHECK (price >= 0),
  applied_at TEXT NOT NULL
);
CREATE INDEX promotion_prices_by_promotion ON promotion_prices (promotion_id);

-- A sale price came or went: linked channels get the new price with the regular one as
-- compare-at, through the same outbox as every other price change (0011_sync.sql).
CREATE TRIGGER sync_outbox_promotion_price_insert AFTER INSERT ON promotion_prices
WHEN EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'price', NEW.applied_at FROM channel_links l WHERE l.variant_id = NEW.variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_promotion_price_update AFTER UPDATE OF price ON promotion_prices
WHEN NEW.price <> OLD.price AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'price', NEW.applied_at FROM channel_links l WHERE l.variant_id = NEW.variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_promotion_price_delete AFTER DELETE ON promotion_prices
WHEN EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'price', v.updated_at FROM channel_links l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id = OLD.variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

-- Coupon codes of a 'coupon' promotion: one shared code or a generated batch of unique ones,
-- optionally assigned to one customer (segment campaigns). Uses are counted from orders.coupon_code.
CREATE TABLE coupon_codes (
  id INTEGER PRIMARY KEY,
  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (code <> ''),
  customer_id INTEGER REFERENCES customers (id),
  created_at TEXT NOT NULL
);
CREATE INDEX coupon_codes_by_promotion ON coupon_codes (promotion_id, customer_id);

-- The code a customer entered at checkout (imported, synced or typed); attribution reads it.
ALTER TABLE orders ADD COLUMN coupon_code TEXT;
-- Codes are matched case-insensitively (as coupon_codes.code), so the index is NOCASE too.
CREATE INDEX orders_by_coupon ON orders (coupon_code COLLATE NOCASE);

-- The customers of a segment campaign, taken when it is scheduled; in_control = held out
-- (deterministic: a hash of promotion and customer against control_share_bp), never sent a code.
CREATE TABLE promotion_audience (
  promotion_id INTEGER NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  in_control INTEGER NOT NULL CHECK (in_control IN (0, 1)),
  PRIMARY KEY (promotion_id, customer_id)
);

-- Dates the owner adds to the calendar (the built-in festivals are computed: keys-dates.ts).
CREATE TABLE promotion_key_dates (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,            -- local calendar date, YYYY-MM-DD
  name TEXT NOT NULL CHECK (name <> ''),
  created_at TEXT NOT NULL
);
CREATE INDEX promotion_key_dates_by_date ON promotion_key_dates (date);

-- Margin guard floors: the shop-wide minimum margin (one row) and per-category overrides.
CREATE TABLE promotion_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  min_margin_bp INTEGER NOT NULL CHECK (min_margin_bp BETWEEN -10000 AND 10000),
  updated_at TEXT NOT NULL
);
INSERT INTO promotion_settings (id, min_margin_bp, updated_at) VALUES (1, 1000, '1970-01-01T00:00:00.000Z');

CREATE TABLE category_margin_floors (
  category_id INTEGER PRIMARY KEY REFERENCES categories (id) ON DELETE CASCADE,
  min_margin_bp INTEGER NOT NULL CHECK (min_margin_bp BETWEEN -10000 AND 10000)
);

-- A channel's fee (commission) where known, counted by the margin guard.
ALTER TABLE channels ADD COLUMN fee_bp INTEGER CHECK (fee_bp IS NULL OR fee_bp BETWEEN 0 AND 10000);

-- A promotion's baseline sums its products' hours over two years (baseline-store.ts); the
-- rollup's key starts with the hour, so without this every product's hours would be scanned.
CREATE INDEX sales_product_hourly_by_product ON sales_product_hourly (product_id, hour);

-- A gift-with-purchase promotion started or stopped: the gift's reserve (stock-source.ts holds it
-- back from the channels while the promotion runs) changed, so its channels get a stock push.
CREATE TRIGGER sync_outbox_gift_reserve AFTER UPDATE OF status ON promotions
WHEN NEW.type = 'gift_with_purchase' AND NEW.status <> OLD.status AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', NEW.updated_at FROM channel_links l
    WHERE l.variant_id = json_extract(NEW.rule, '$.giftVariantId')
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

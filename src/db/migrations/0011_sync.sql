-- Marketplace sync (issue 14): connections to Shopify / WooCommerce / Vendure, links between
-- local and remote variants, a durable outbox of pending pushes, pull watermarks, imported
-- channel orders, the review queue and the sync log. Design note: src/sync/README.md.
-- Portable SQL: TEXT/INTEGER only, JSON as TEXT, upserts with ON CONFLICT (PostgreSQL has all).

-- A connected channel is a row of the existing `channels` table (orders, listings and the sales
-- rollup already point at it). `platform` is the connector kind; which kinds can connect is
-- decided by the connector registry (src/sync/connector-registry.ts), not by a CHECK here, so a
-- new connector (Amazon, eBay, Taobao) needs no table rebuild.
-- settings: JSON (shop domain / site URL / admin URL, API version, buffer, share, cap, pull
-- interval, paused); NULL for channels with no connector (POS, manual entry).
ALTER TABLE channels ADD COLUMN settings TEXT CHECK (settings IS NULL OR json_valid(settings));
ALTER TABLE channels ADD COLUMN sync_status TEXT NOT NULL DEFAULT 'none'
  CHECK (sync_status IN ('none', 'connected', 'failing', 'disconnected'));
ALTER TABLE channels ADD COLUMN updated_at TEXT;

-- Secrets only ever sealed (src/sync/credential-vault.ts): base64 of nonce + ciphertext + tag,
-- TEXT rather than BLOB so the PostgreSQL edition stores it the same way.
CREATE TABLE channel_credentials (
  channel_id INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  -- Which sealer made it: the key-file vault (serve mode, tests) or Electron safeStorage.
  scheme TEXT NOT NULL CHECK (scheme IN ('keyfile-aes-256-gcm', 'electron-safe-storage')),
  sealed TEXT NOT NULL CHECK (sealed <> ''),
  updated_at TEXT NOT NULL
);

-- One local variant ↔ one remote variant per channel. The synced_* values are what Shopdesk
-- last set (or accepted) remotely: the base of the three-way compare (last synced, local,
-- remote) for prices, and of remote-stock-edit detection for quantities.
CREATE TABLE channel_links (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  remote_variant_id TEXT NOT NULL CHECK (remote_variant_id <> ''),
  remote_inventory_item_id TEXT,
  remote_product_id TEXT,
  synced_price INTEGER,
  synced_compare_at_price INTEGER,
  synced_quantity INTEGER,
  synced_at TEXT,
  -- Per-product overrides of the channel's buffer / share (NULL: the channel's).
  buffer INTEGER CHECK (buffer IS NULL OR buffer >= 0),
  share_basis_points INTEGER CHECK (share_basis_points IS NULL OR share_basis_points BETWEEN 0 AND 10000),
  created_at TEXT NOT NULL,
  UNIQUE (channel_id, variant_id),
  UNIQUE (channel_id, remote_variant_id)
);
-- The outbox triggers look links up by variant on every level change: this index keeps that
-- one probe of an empty (or small) b-tree when no channel links the variant.
CREATE INDEX channel_links_by_variant ON channel_links (variant_id);

-- Which local stock feeds a remote location: a local location, or NULL = all local stock.
CREATE TABLE channel_location_map (
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  remote_location_id TEXT NOT NULL CHECK (remote_location_id <> ''),
  remote_location_name TEXT NOT NULL DEFAULT '',
  location_id INTEGER REFERENCES locations (id),
  PRIMARY KEY (channel_id, remote_location_id)
);

-- Durable outbox: "this variant's stock / price must be (re)pushed to this channel". One row per
-- (channel, variant, kind): a later change bumps `version` instead of adding a row (the worker
-- always pushes the current value, so only the fact of a change matters). The worker deletes a
-- row only if its version is still the one it pushed, so a change made during a push is never
-- lost. `idempotency_key` is written (for `key_version`) before the request leaves, so a retry
-- after a lost answer reuses it; a newer version gets a new key.
CREATE TABLE sync_outbox (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('stock', 'price')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  changed_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- NULL: due now. Set only by a failed attempt's backoff.
  next_try_at TEXT,
  last_error TEXT,
  idempotency_key TEXT,
  key_version INTEGER,
  UNIQUE (channel_id, variant_id, kind),
  CHECK ((idempotency_key IS NULL) = (key_version IS NULL))
);
CREATE INDEX sync_outbox_due ON sync_outbox (channel_id, next_try_at);

-- Stock of a linked variant moved (on hand or committed, from the ledger, an order, an import,
-- anything): queue a push to every channel linking it, and to every channel linking a bundle
-- it is a component of (a bundle's stock is computed from its components). Runs inside the
-- writer's transaction, so the outbox row commits or rolls back with the change itself.
-- Cost: a shop with no links pays the WHEN guard (first row of an empty table) and never runs the
-- body; with links, one probe of channel_links_by_variant plus one of bundle_components_by_component.
CREATE TRIGGER sync_outbox_stock_insert AFTER INSERT ON stock_levels
WHEN (NEW.on_hand <> 0 OR NEW.committed <> 0) AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', NEW.updated_at FROM channel_links l
    WHERE l.variant_id = NEW.variant_id
       OR l.variant_id IN (SELECT b.bundle_variant_id FROM bundle_components b WHERE b.component_variant_id = NEW.variant_id)
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_stock_update AFTER UPDATE OF on_hand, committed ON stock_levels
WHEN (NEW.on_hand <> OLD.on_hand OR NEW.committed <> OLD.committed) AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', NEW.updated_at FROM channel_links l
    WHERE l.variant_id = NEW.variant_id
       OR l.variant_id IN (SELECT b.bundle_variant_id FROM bundle_components b WHERE b.component_variant_id = NEW.variant_id)
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
-- A bundle's recipe changed: its computed stock did too. (bundle_components has no time of its
-- own; the bundle variant's updated_at is the edit's.)
CREATE TRIGGER sync_outbox_bundle_insert AFTER INSERT ON bundle_components
WHEN EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', v.updated_at FROM channel_links l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id = NEW.bundle_variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_bundle_update AFTER UPDATE OF quantity ON bundle_components
WHEN NEW.quantity <> OLD.quantity AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', v.updated_at FROM channel_links l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id = NEW.bundle_variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_bundle_delete AFTER DELETE ON bundle_components
WHEN EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'stock', v.updated_at FROM channel_links l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id = OLD.bundle_variant_id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;
CREATE TRIGGER sync_outbox_price_update AFTER UPDATE OF price, compare_at_price ON variants
WHEN (NEW.price IS NOT OLD.price OR NEW.compare_at_price IS NOT OLD.compare_at_price) AND EXISTS (SELECT 1 FROM channel_links) BEGIN
  INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
    SELECT l.channel_id, l.variant_id, 'price', NEW.updated_at FROM channel_links l WHERE l.variant_id = NEW.id
  ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at;
END;

-- Where each incremental pull resumes: the newest remote timestamp (or cursor) fully
-- committed, re-read with an overlap window for remote clock skew and one-second timestamps.
CREATE TABLE sync_watermarks (
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  stream TEXT NOT NULL CHECK (stream IN ('orders', 'products')),
  value TEXT NOT NULL,
  overlap_seconds INTEGER NOT NULL DEFAULT 0 CHECK (overlap_seconds >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, stream)
);

-- Each remote order imported once per channel; a re-read updates it instead of duplicating.
CREATE TABLE channel_orders (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  remote_order_id TEXT NOT NULL CHECK (remote_order_id <> ''),
  remote_number TEXT,
  order_id INTEGER REFERENCES orders (id),
  remote_updated_at TEXT NOT NULL,
  remote_status TEXT NOT NULL DEFAULT '',
  -- imported: a local order reflects it; held: waits on the review queue (e.g. an unlinked line).
  state TEXT NOT NULL CHECK (state IN ('imported', 'held', 'ignored')),
  imported_at TEXT NOT NULL,
  UNIQUE (channel_id, remote_order_id)
);
CREATE INDEX channel_orders_by_order ON channel_orders (order_id);

-- Everything that needs a person, or that failed and is being retried, with its reason as a
-- translation key + params and the values side by side (JSON: lastSynced / local / remote …).
CREATE TABLE review_queue (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('conflict', 'unlinked_line', 'remote_stock_edit', 'failed_item')),
  -- What it is about, e.g. 'variant:12:price' or 'order:gid://shopify/Order/5'.
  subject TEXT NOT NULL CHECK (subject <> ''),
  vals TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(vals)),
  reason_key TEXT NOT NULL,
  reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params)),
  remote_answer TEXT,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_try_at TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT
);
-- At most one open item per subject and kind: a repeated failure updates it.
CREATE UNIQUE INDEX review_queue_open_subject ON review_queue (channel_id, kind, subject) WHERE status = 'open';
CREATE INDEX review_queue_by_status ON review_queue (status, channel_id);

-- What was sent and received, for the status page and its export. Excerpts are stored only
-- after credentials are stripped (src/sync/redact.ts: logExcerpt).
CREATE TABLE sync_log (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('push', 'pull', 'test')),
  summary_key TEXT NOT NULL,
  summary_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary_params)),
  request_excerpt TEXT,
  answer_excerpt TEXT
);
CREATE INDEX sync_log_by_channel ON sync_log (channel_id, at);

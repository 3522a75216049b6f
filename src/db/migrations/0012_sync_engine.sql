-- Marketplace sync, second part (issue 14): the remote catalogue as last read (linker, remote
-- price / stock edit detection), the remote order snapshot (re-applied when a held line gets
-- linked), and each channel's sync health for the status page and the sync-failure alert.
-- Portable SQL: TEXT/INTEGER only, JSON as TEXT.

-- Every remote variant of a channel as last read: a full read when linking, incremental
-- (updatedSince) before price pushes. match_state is the linker's verdict at its last pass:
-- linked (a channel_links row exists), matched (one local candidate, not linked yet),
-- ambiguous (several candidates, ids in `candidates`), remote_only (no candidate).
CREATE TABLE channel_remote_variants (
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  remote_variant_id TEXT NOT NULL CHECK (remote_variant_id <> ''),
  remote_product_id TEXT NOT NULL,
  remote_inventory_item_id TEXT,
  product_title TEXT NOT NULL DEFAULT '',
  variant_title TEXT NOT NULL DEFAULT '',
  sku TEXT,
  barcode TEXT,
  price INTEGER,
  compare_at_price INTEGER,
  quantity INTEGER,
  remote_updated_at TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  match_state TEXT NOT NULL DEFAULT 'remote_only'
    CHECK (match_state IN ('linked', 'matched', 'ambiguous', 'remote_only')),
  -- How the candidates were found ('sku' | 'barcode' | NULL) and their local variant ids (JSON array).
  matched_by TEXT CHECK (matched_by IS NULL OR matched_by IN ('sku', 'barcode')),
  candidates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
  PRIMARY KEY (channel_id, remote_variant_id)
);
CREATE INDEX channel_remote_variants_by_state ON channel_remote_variants (channel_id, match_state);
CREATE INDEX channel_remote_variants_by_sku ON channel_remote_variants (channel_id, sku);

-- The remote order as last read (JSON of the connector's RemoteOrder, validated on read), so an
-- order held for an unlinked line is re-applied from it once the line's variant is linked.
ALTER TABLE channel_orders ADD COLUMN snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot));

-- One row per connected channel: when pulls and pushes last ran and last succeeded, since when it
-- fails (the sync-failure alert fires after 30 minutes), the last whole-call error as a reason
-- key + params, and today's counters (day = UTC date they count; reset when it changes).
CREATE TABLE channel_sync_state (
  channel_id INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  last_pull_at TEXT,
  last_pull_ok_at TEXT,
  last_push_at TEXT,
  last_push_ok_at TEXT,
  failing_since TEXT,
  last_error_key TEXT,
  last_error_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(last_error_params)),
  day TEXT,
  pushed_today INTEGER NOT NULL DEFAULT 0 CHECK (pushed_today >= 0),
  pulled_today INTEGER NOT NULL DEFAULT 0 CHECK (pulled_today >= 0),
  throttle_wait_ms_today INTEGER NOT NULL DEFAULT 0 CHECK (throttle_wait_ms_today >= 0),
  updated_at TEXT NOT NULL
);

-- Stock push bookkeeping (push-worker.ts):
-- sent_quantities: what was sent under keys whose answer never came (JSON object: remote location
--   id, '' for per-variant stock → [{quantity, at}], oldest first). Written in the same commit as
--   the key, before the request; cleared once a push is confirmed applied and no late arrival is awaited. A refused
--   compare-and-set whose remote figure is one of these is our own lost write, not a remote edit.
-- check_state: on platforms without compare-and-set, 'unsure' = an attempt ended without an
--   answer (timeout, connection lost) and may still be applied late; 'verify' = a later push was
--   applied, and the row waits (next_try_at) past any late arrival to push the current figure once
--   more, so an old write landing after the new one is overwritten.
ALTER TABLE sync_outbox ADD COLUMN sent_quantities TEXT CHECK (sent_quantities IS NULL OR json_valid(sent_quantities));
ALTER TABLE sync_outbox ADD COLUMN check_state TEXT CHECK (check_state IS NULL OR check_state IN ('unsure', 'verify'));

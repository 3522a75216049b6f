-- The stock ledger summed per variant and UTC hour (issue 16), so stock-outs,
-- inventory aging, new-product sell-through and the stock at a past instant
-- read a few narrow rows instead of the whole of stock_movements.
--
-- Same rules as the sales rollups (0006, 0014): keyed by the UTC hour
-- ('YYYY-MM-DDTHH') so the local days of any whole-hour time zone are ranges
-- of hours, and a change of the shop's time zone changes nothing here.
-- Net movements rather than levels: the stock at an instant is still "on hand
-- now − what moved since" (metrics.md), and a back-dated movement (last week's
-- stocktake) changes one hour of one variant instead of every later level.
-- Triggers only mark (variant, hour) keys dirty; the next read recomputes them
-- from the ledger with the same SQL rules as the direct queries
-- (src/analytics/stock-daily.ts), so this is a cache, never a second definition.

CREATE TABLE stock_hourly (
  variant_id INTEGER NOT NULL,
  hour TEXT NOT NULL,
  -- Σ delta at selling locations (every kind but 'transit').
  delta INTEGER NOT NULL DEFAULT 0,
  -- Σ delta at in-transit locations (the stock at an instant, transit included, is delta + transit).
  transit INTEGER NOT NULL DEFAULT 0,
  -- Σ delta of the movements that bring stock into the shop at selling locations
  -- (positive rows with a reason of inventory-store.ts inboundReasons): FIFO aging.
  inbound INTEGER NOT NULL DEFAULT 0,
  -- Σ delta at selling locations of the variant's hours up to and including this one: the
  -- ledger's level at the end of the hour. Only a filter — the variants whose stock may have
  -- been at or below zero in a period; their days are still rebuilt from on hand now − deltas.
  level INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (variant_id, hour)
) WITHOUT ROWID;
-- Recent hours of every variant (the stock at an instant: what moved since).
CREATE INDEX stock_hourly_by_hour ON stock_hourly (hour, variant_id, delta, transit);
-- The receipts of a variant, newest first (FIFO aging).
CREATE INDEX stock_hourly_inbound ON stock_hourly (variant_id, hour, inbound) WHERE inbound > 0;
-- The hours that end with nothing on hand (stock-out candidates).
CREATE INDEX stock_hourly_out ON stock_hourly (hour, variant_id) WHERE level <= 0;

-- Per variant with any movement: its first movement (any location) and its
-- first inbound movement (any location), exact instants — what a variant's
-- tracked days and a new product's first receipt are counted from — and the
-- Σ of its deltas at selling locations (where stock_levels agrees with the
-- ledger, its on hand there; where not, `level` above is not trusted).
CREATE TABLE stock_variant_firsts (
  variant_id INTEGER PRIMARY KEY,
  first_at TEXT NOT NULL,
  first_inbound_at TEXT,
  total INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stock_variant_firsts_by_inbound ON stock_variant_firsts (first_inbound_at) WHERE first_inbound_at IS NOT NULL;

CREATE TABLE stock_hourly_dirty (
  variant_id INTEGER NOT NULL,
  hour TEXT NOT NULL,
  PRIMARY KEY (variant_id, hour)
) WITHOUT ROWID;

-- Built once here, in one pass over the ledger (the same SQL as the refresh).
INSERT INTO stock_hourly (variant_id, hour, delta, transit, inbound, level)
  SELECT variant_id, hour, delta, transit, inbound, SUM(delta) OVER (PARTITION BY variant_id ORDER BY hour)
  FROM (
    SELECT m.variant_id, substr(m.occurred_at, 1, 13) AS hour,
           SUM(CASE WHEN l.kind <> 'transit' THEN m.delta ELSE 0 END) AS delta,
           SUM(CASE WHEN l.kind = 'transit' THEN m.delta ELSE 0 END) AS transit,
           SUM(CASE WHEN l.kind <> 'transit' AND m.delta > 0
                     AND m.reason IN ('initial', 'receive', 'return', 'adjustment', 'stocktake', 'sync') THEN m.delta ELSE 0 END) AS inbound
    FROM stock_movements m JOIN locations l ON l.id = m.location_id
    GROUP BY m.variant_id, substr(m.occurred_at, 1, 13));
INSERT INTO stock_variant_firsts (variant_id, first_at, first_inbound_at, total)
  SELECT m.variant_id, MIN(m.occurred_at),
         MIN(CASE WHEN m.delta > 0 AND m.reason IN ('initial', 'receive', 'return', 'adjustment', 'stocktake', 'sync') THEN m.occurred_at END),
         COALESCE((SELECT SUM(s.delta) FROM stock_hourly s WHERE s.variant_id = m.variant_id), 0)
  FROM stock_movements m GROUP BY m.variant_id;

-- The ledger is append-only; a delete only happens when an import's undo erases
-- a variant it created (0008). Either way the movement's hour is recomputed.
CREATE TRIGGER stock_hourly_movement_insert AFTER INSERT ON stock_movements BEGIN
  INSERT OR IGNORE INTO stock_hourly_dirty (variant_id, hour) VALUES (NEW.variant_id, substr(NEW.occurred_at, 1, 13));
END;
CREATE TRIGGER stock_hourly_movement_delete AFTER DELETE ON stock_movements BEGIN
  INSERT OR IGNORE INTO stock_hourly_dirty (variant_id, hour) VALUES (OLD.variant_id, substr(OLD.occurred_at, 1, 13));
END;
-- A location that becomes (or stops being) in-transit moves its movements between delta and transit.
CREATE TRIGGER stock_hourly_location_kind AFTER UPDATE OF kind ON locations WHEN OLD.kind <> NEW.kind BEGIN
  INSERT OR IGNORE INTO stock_hourly_dirty (variant_id, hour)
    SELECT variant_id, substr(occurred_at, 1, 13) FROM stock_movements WHERE location_id = NEW.id;
END;

// The stock ledger summed per variant and UTC hour (migration 0015): brings
// dirty (variant, hour) keys up to date and answers the stock questions of
// inventory-service.ts and products-service.ts from it. Every figure is
// recomputed from stock_movements with the same rules as the direct queries
// of inventory-store.ts, so the cache is never a second definition. Day sums
// need the local days' bounds on whole UTC hours (every whole-hour time zone);
// otherwise — or while another connection holds the write lock, e.g. an import
// being applied — callers read the ledger (the `undefined` answers).
import type { Db } from '../db/open.js';
import { writeWithoutWaiting } from '../db/write-without-waiting.js';
import { inboundReasons, type DayBucket } from './inventory-store.js';
import { wholeHour } from './sales-rollup.js';

/** What moved since an hour further back than this (before the latest hour on record) is summed by walking the table. */
const longSinceHours = 24 * 60;

/** Above this many dirty keys (a new demo shop, a large import) one pass over the ledger beats a probe per key. */
const defaultFullRebuildAbove = 50_000;

// One definition of an hour's sums, for the per-key refresh and the full rebuild (and 0015's first build).
const hourSums = `SUM(CASE WHEN l.kind <> 'transit' THEN m.delta ELSE 0 END) AS delta,
  SUM(CASE WHEN l.kind = 'transit' THEN m.delta ELSE 0 END) AS transit,
  SUM(CASE WHEN l.kind <> 'transit' AND m.delta > 0 AND m.reason IN ${inboundReasons} THEN m.delta ELSE 0 END) AS inbound`;
const firstInbound = `m.delta > 0 AND m.reason IN ${inboundReasons}`;

/**
 * The first hour key wholly after the part of the ledger read directly: the instant's own hour when it is a
 * whole hour (and the movements at it count), else the next one.
 */
function firstWholeHour(instant: string, strict: boolean): string {
  const whole = wholeHour(instant);
  if (whole !== undefined && !strict) return whole;
  return new Date(Math.floor(Date.parse(instant) / 3_600_000) * 3_600_000 + 3_600_000).toISOString().slice(0, 13);
}

/** The local day of each UTC hour key of the days, or undefined when a day's bounds are not whole hours. */
export function hourDays(buckets: readonly DayBucket[]): Map<string, string> | undefined {
  const dayOfHour = new Map<string, string>();
  for (const b of buckets) {
    if (wholeHour(b.start) === undefined || wholeHour(b.end) === undefined) return undefined;
    for (let t = Date.parse(b.start); t < Date.parse(b.end); t += 3_600_000) dayOfHour.set(new Date(t).toISOString().slice(0, 13), b.day);
  }
  return dayOfHour;
}

export function createStockDaily(db: Db, options: { fullRebuildAbove?: number } = {}) {
  const fullRebuildAbove = options.fullRebuildAbove ?? defaultFullRebuildAbove;
  const dirtyCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM stock_hourly_dirty');
  const clearHours = db.prepare('DELETE FROM stock_hourly WHERE (variant_id, hour) IN (SELECT variant_id, hour FROM stock_hourly_dirty)');
  // An hour 'H' is the key range ['H:', 'H;') of ISO timestamps (';' sorts right after ':').
  const rebuildHours = db.prepare(
    `INSERT INTO stock_hourly (variant_id, hour, delta, transit, inbound)
     SELECT d.variant_id, d.hour, ${hourSums}
     FROM stock_hourly_dirty d
     JOIN stock_movements m INDEXED BY stock_movements_by_variant
       ON m.variant_id = d.variant_id AND m.occurred_at >= d.hour || ':' AND m.occurred_at < d.hour || ';'
     JOIN locations l ON l.id = m.location_id
     GROUP BY d.variant_id, d.hour`,
  );
  // A changed hour moves the level of every later hour of its variant: the dirty variants' levels are summed again.
  const relevel = db.prepare(
    `UPDATE stock_hourly SET level = w.level
     FROM (SELECT variant_id, hour, SUM(delta) OVER (PARTITION BY variant_id ORDER BY hour) AS level
           FROM stock_hourly WHERE variant_id IN (SELECT variant_id FROM stock_hourly_dirty)) w
     WHERE stock_hourly.variant_id = w.variant_id AND stock_hourly.hour = w.hour AND stock_hourly.level <> w.level`,
  );
  const clearFirsts = db.prepare('DELETE FROM stock_variant_firsts WHERE variant_id IN (SELECT variant_id FROM stock_hourly_dirty)');
  const rebuildFirsts = db.prepare(
    `INSERT INTO stock_variant_firsts (variant_id, first_at, first_inbound_at, total)
     SELECT variantId, firstAt, firstInboundAt, total FROM (
       SELECT d.variant_id AS variantId,
              (SELECT MIN(m.occurred_at) FROM stock_movements m WHERE m.variant_id = d.variant_id) AS firstAt,
              (SELECT m.occurred_at FROM stock_movements m INDEXED BY stock_movements_by_variant
               WHERE m.variant_id = d.variant_id AND ${firstInbound} ORDER BY m.occurred_at LIMIT 1) AS firstInboundAt,
              COALESCE((SELECT SUM(s.delta) FROM stock_hourly s WHERE s.variant_id = d.variant_id), 0) AS total
       FROM (SELECT DISTINCT variant_id FROM stock_hourly_dirty) d)
     WHERE firstAt IS NOT NULL`,
  );
  const clearDirty = db.prepare('DELETE FROM stock_hourly_dirty');
  const refreshKeys = db.transaction(() => {
    clearHours.run();
    rebuildHours.run();
    relevel.run();
    clearFirsts.run();
    rebuildFirsts.run();
    clearDirty.run();
  });
  const rebuildAll = db.transaction(() => {
    db.prepare('DELETE FROM stock_hourly').run();
    db.prepare(
      `INSERT INTO stock_hourly (variant_id, hour, delta, transit, inbound, level)
       SELECT variantId, hour, delta, transit, inbound, SUM(delta) OVER (PARTITION BY variantId ORDER BY hour)
       FROM (SELECT m.variant_id AS variantId, substr(m.occurred_at, 1, 13) AS hour, ${hourSums}
             FROM stock_movements m JOIN locations l ON l.id = m.location_id
             GROUP BY m.variant_id, substr(m.occurred_at, 1, 13))`,
    ).run();
    db.prepare('DELETE FROM stock_variant_firsts').run();
    db.prepare(
      `INSERT INTO stock_variant_firsts (variant_id, first_at, first_inbound_at, total)
       SELECT m.variant_id, MIN(m.occurred_at), MIN(CASE WHEN ${firstInbound} THEN m.occurred_at END),
              COALESCE((SELECT SUM(s.delta) FROM stock_hourly s WHERE s.variant_id = m.variant_id), 0)
       FROM stock_movements m GROUP BY m.variant_id`,
    ).run();
    clearDirty.run();
  });

  // The hour as a number (hours since the range's first) rather than its key: a few hundred thousand rows
  // reach JavaScript, and a string per row costs more than the rest of the row.
  const hourRowsOf = db.prepare<[number, string, string, string], [number, number, number]>(
    `SELECT s.variant_id, (unixepoch(s.hour || ':00') - ?) / 3600, s.delta FROM json_each(?) ids JOIN stock_hourly s ON s.variant_id = ids.value
     WHERE s.hour >= ? AND s.hour < ? AND s.delta <> 0`,
  ).raw();
  // Variants whose ledger level ends an hour of [from, to) at or below zero, or enters it so (their last hour before).
  const candidates = db.prepare<[string, string, string, string], { variantId: number }>(
    `SELECT variant_id AS variantId FROM stock_hourly INDEXED BY stock_hourly_out WHERE level <= 0 AND hour >= ? AND hour < ?
     UNION
     SELECT s.variant_id FROM stock_hourly s INDEXED BY stock_hourly_out
     WHERE s.level <= 0 AND s.hour < ?
       AND NOT EXISTS (SELECT 1 FROM stock_hourly n WHERE n.variant_id = s.variant_id AND n.hour > s.hour AND n.hour < ?)`,
  );
  // What moved since an hour: a recent hour reads its range of the hour index (then sorts by variant); an
  // older one walks the table in key order, already grouped, and skips the earlier hours — on the large demo
  // a year back takes 240 ms that way against 660 ms through the index.
  const sinceSql = (sum: string, long: boolean) =>
    long
      ? `SELECT variant_id AS variantId, SUM(${sum}) AS delta FROM stock_hourly NOT INDEXED WHERE +hour >= ? GROUP BY variant_id`
      : `SELECT variant_id AS variantId, SUM(${sum}) AS delta FROM stock_hourly INDEXED BY stock_hourly_by_hour WHERE hour >= ? GROUP BY variant_id`;
  type Since = { variantId: number; delta: number };
  const since = {
    short: db.prepare<[string], Since>(sinceSql('delta', false)),
    long: db.prepare<[string], Since>(sinceSql('delta', true)),
    shortWithTransit: db.prepare<[string], Since>(sinceSql('delta + transit', false)),
    longWithTransit: db.prepare<[string], Since>(sinceSql('delta + transit', true)),
  };
  const latestHour = db.prepare<[], { hour: string | null }>('SELECT MAX(hour) AS hour FROM stock_hourly');
  // The part of an hour after an instant, read from the ledger (one short range per location).
  const partHour = (strict: boolean, transit: boolean) =>
    db.prepare<[string, string], { variantId: number; delta: number }>(
      `SELECT m.variant_id AS variantId, SUM(m.delta) AS delta
       FROM locations loc JOIN stock_movements m INDEXED BY stock_movements_by_location
         ON m.location_id = loc.id AND m.occurred_at ${strict ? '>' : '>='} ? AND m.occurred_at < ?
       ${transit ? '' : "WHERE loc.kind <> 'transit'"}
       GROUP BY m.variant_id`,
    );
  const partHours = { ff: partHour(false, false), ft: partHour(false, true), tf: partHour(true, false), tt: partHour(true, true) };
  // Inbound units per variant received at or after each of four hours (and before a fifth).
  const inboundSince = db.prepare<[string, string, string, string, string], [number, number, number, number, number]>(
    `SELECT variant_id, SUM(CASE WHEN hour >= ? THEN inbound ELSE 0 END), SUM(CASE WHEN hour >= ? THEN inbound ELSE 0 END),
            SUM(CASE WHEN hour >= ? THEN inbound ELSE 0 END), SUM(inbound)
     FROM stock_hourly INDEXED BY stock_hourly_inbound
     WHERE inbound > 0 AND hour >= ? AND hour < ? GROUP BY variant_id`,
  ).raw();
  const firsts = db.prepare<[], { variantId: number; firstAt: string; total: number }>(
    'SELECT variant_id AS variantId, first_at AS firstAt, total FROM stock_variant_firsts',
  );
  // The first movements of the given variants (JSON array of ids) and of every variant first moved at or after
  // an instant, by variant; and how many others were first moved before it (each counts whole days).
  const firstsOf = db.prepare<[{ ids: string; from: string }], { variantId: number; firstAt: string }>(
    `SELECT variant_id AS variantId, first_at AS firstAt FROM stock_variant_firsts
     WHERE variant_id IN (SELECT value FROM json_each(@ids)) OR first_at >= @from ORDER BY variant_id`,
  );
  const firstsBefore = db.prepare<[{ ids: string; from: string }], { n: number }>(
    `SELECT COUNT(*) AS n FROM stock_variant_firsts
     WHERE first_at < @from AND variant_id NOT IN (SELECT value FROM json_each(@ids))`,
  );
  // Variants whose on hand at selling locations (the total less what sits in transit, as inventory-store.ts
  // onHand reads it) is not their ledger total: the cache's levels do not describe their stock.
  const disagreeing = db.prepare<[], [number]>(
    `SELECT f.variant_id FROM stock_variant_firsts f LEFT JOIN variants v ON v.id = f.variant_id
     LEFT JOIN (SELECT sl.variant_id, SUM(sl.on_hand) AS units FROM locations l JOIN stock_levels sl ON sl.location_id = l.id
                WHERE l.kind = 'transit' GROUP BY sl.variant_id) t ON t.variant_id = f.variant_id
     WHERE COALESCE(v.on_hand_total, 0) - COALESCE(t.units, 0) <> f.total`,
  ).raw();
  // As inventory-store.ts newVariants, the first receipts read from stock_variant_firsts.
  const newVariants = db.prepare<[{ from: string; to: string; after: string }], { variantId: number; firstAt: string; sold: number }>(
    `SELECT f.variant_id AS variantId, f.first_inbound_at AS firstAt,
            COALESCE((SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
                      WHERE l.variant_id = f.variant_id AND o.placed_at >= f.first_inbound_at AND o.placed_at < @to AND o.status <> 'cancelled'), 0) AS sold
     FROM stock_variant_firsts f
     WHERE f.first_inbound_at >= @from AND f.first_inbound_at < @to AND f.first_inbound_at > @after`,
  );

  /**
   * Recomputes the dirty keys; false when it cannot write now (another connection
   * is writing — the app's connection does not wait), so the caller reads the ledger.
   */
  function refresh(): boolean {
    const dirty = dirtyCount.get()?.n ?? 0;
    if (dirty === 0) return true;
    return writeWithoutWaiting(db, () => (dirty > fullRebuildAbove ? rebuildAll() : refreshKeys()));
  }

  /** See `stockOutCandidates` below. */
  function stockOutCandidates(from: string, to: string): Set<number> | undefined {
    const first = wholeHour(from);
    const end = wholeHour(to);
    if (first === undefined || end === undefined || !refresh()) return undefined;
    return new Set(candidates.all(first, end, first, first).map((r) => r.variantId));
  }

  return {
    refresh,
    /**
     * Net movement at selling locations of the variants `ids` per local day (days without movements absent),
     * by variant then the day's index in `buckets`; undefined when a day's bounds are not whole hours or the cache cannot be brought
     * up to date: read the ledger.
     */
    deltas(buckets: readonly DayBucket[], ids: readonly number[]): Map<number, Map<number, number>> | undefined {
      if (buckets.length === 0) return new Map();
      const first = Date.parse(buckets[0]?.start ?? '');
      const last = Date.parse(buckets.at(-1)?.end ?? '');
      if (buckets.some((b) => wholeHour(b.start) === undefined || wholeHour(b.end) === undefined) || !refresh()) return undefined;
      // The day index of each hour of the range (an hour belongs to the local day whose bounds hold it).
      const dayOfHour = new Int32Array((last - first) / 3_600_000);
      buckets.forEach((b, i) => dayOfHour.fill(i, (Date.parse(b.start) - first) / 3_600_000, (Date.parse(b.end) - first) / 3_600_000));
      const rows = hourRowsOf.all(first / 1000, JSON.stringify(ids), wholeHour(buckets[0]?.start ?? '') ?? '', wholeHour(buckets.at(-1)?.end ?? '') ?? '');
      const sums = new Map<number, Map<number, number>>();
      let variant = Number.NaN;
      let perDay = new Map<number, number>();
      for (const [variantId, hour, delta] of rows) {
        // Rows come grouped by variant (the ids in turn, each through the primary key).
        if (variantId !== variant) {
          variant = variantId;
          perDay = sums.get(variantId) ?? new Map<number, number>();
          sums.set(variantId, perDay);
        }
        const day = dayOfHour[hour] ?? -1;
        perDay.set(day, (perDay.get(day) ?? 0) + delta);
      }
      return sums;
    },
    /**
     * The variants whose ledger level (Σ deltas at selling locations) is at or below zero at the end of some
     * hour of [from, to) or on entering it — every variant that can have a stock-out day there when its on
     * hand agrees with the ledger (compare `firstMovements` totals); undefined: read the ledger.
     */
    stockOutCandidates,
    /**
     * Net movement per variant at or after `instant` (`strict`: after it), at selling locations or, with
     * `transit`, everywhere — on hand then = on hand now − this. Any instant: the hours after it from the
     * cache, the rest of its own hour from the ledger. Undefined when the cache cannot be brought up to date.
     */
    deltaSince(instant: string, options: { strict?: boolean; transit?: boolean } = {}): { variantId: number; delta: number }[] | undefined {
      if (!refresh()) return undefined;
      const hour = firstWholeHour(instant, options.strict ?? false);
      const totals = new Map<number, number>();
      const latest = latestHour.get()?.hour ?? hour;
      const long = Date.parse(`${latest}:00:00Z`) - Date.parse(`${hour}:00:00Z`) > longSinceHours * 3_600_000;
      const statement = options.transit ? (long ? since.longWithTransit : since.shortWithTransit) : long ? since.long : since.short;
      for (const r of statement.all(hour)) if (r.delta !== 0) totals.set(r.variantId, r.delta);
      const part = partHours[`${options.strict ? 't' : 'f'}${options.transit ? 't' : 'f'}`];
      for (const r of part.all(instant, `${hour}:00:00.000Z`)) totals.set(r.variantId, (totals.get(r.variantId) ?? 0) + r.delta);
      return [...totals].map(([variantId, delta]) => ({ variantId, delta }));
    },
    /**
     * Per variant, the inbound units before `before` aged at most each of `maxAges` (four, ascending) whole local
     * days at `asOf` — the age of inventory-store.ts inbound: asOf − the local date (`modifier`, the zone's offset
     * at asOf) of the movement; an hour's receipts share their local date when the offset is whole hours.
     * Undefined when it is not, or `before` is not a whole hour, or the cache cannot be brought up to date.
     */
    inboundWithin(before: string, asOf: string, modifier: string, maxAges: readonly number[]) {
      const end = wholeHour(before);
      const offsetMinutes = Number.parseInt(modifier, 10);
      if (end === undefined || maxAges.length !== 4 || !/^[+-]\d+ minutes$/.test(modifier) || offsetMinutes % 60 !== 0 || !refresh()) return undefined;
      // Aged at most n days ⇔ local date ≥ asOf − n ⇔ the hour starts at or after that date's midnight at the offset.
      const from = maxAges.map((n) => new Date(Date.parse(`${asOf}T00:00:00Z`) - n * 86_400_000 - offsetMinutes * 60_000).toISOString().slice(0, 13));
      const [a, b, c, d] = from as [string, string, string, string];
      return inboundSince.all(a, b, c, d, end).map(([variantId, ...within]) => ({ variantId, within }));
    },
    /**
     * The variants a day-by-day walk over [from, to) must see — those whose ledger level can be at or below
     * zero there (stockOutCandidates) and those whose on hand disagrees with the ledger — with their first
     * movement, beside every variant first moved at or after `from` (by variant), and the count of the others
     * (first moved before `from`: tracked on every day of the period, in stock at the end of each). Undefined: read the ledger.
     */
    walkFrom(from: string, to: string): { walk: Set<number>; firsts: { variantId: number; firstAt: string }[]; othersBefore: number } | undefined {
      const walk = stockOutCandidates(from, to);
      if (!walk) return undefined;
      for (const [variantId] of disagreeing.all()) walk.add(variantId);
      const ids = JSON.stringify([...walk]);
      return { walk, firsts: firstsOf.all({ ids, from }), othersBefore: firstsBefore.get({ ids, from })?.n ?? 0 };
    },
    /** Each variant's first movement (any location) and Σ of its deltas at selling locations, or undefined. */
    firstMovements: (): { variantId: number; firstAt: string; total: number }[] | undefined => (refresh() ? firsts.all() : undefined),
    /** As inventory-store.ts newVariants, or undefined. */
    newVariants: (from: string, to: string, after: string): { variantId: number; firstAt: string; sold: number }[] | undefined =>
      refresh() ? newVariants.all({ from, to, after }) : undefined,
  };
}

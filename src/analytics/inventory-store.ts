// SQL for stock-outs and inventory aging: on hand per variant over selling
// locations (in-transit excluded), ledger deltas per variant and local day
// (summed in SQL, one row per variant-day with movements), units sold per
// variant-day, and inbound movements for FIFO aging.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

/**
 * Movements that bring stock into the shop (receipts, opening stock, restocked
 * returns, stock found at an adjustment or stocktake, a channel sync adding
 * stock) — only their positive rows count; transfers between the shop's own
 * locations are not receipts.
 */
export const inboundReasons = "('initial', 'receive', 'return', 'adjustment', 'stocktake', 'sync')";

export interface VariantInfo {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  categoryPath: string;
  cost: number | null;
}

export interface DayBucket {
  /** Local date. */
  day: string;
  /** UTC bounds of the local day. */
  start: string;
  end: string;
}

/**
 * Stretches of consecutive days whose local midnight has one UTC offset, so
 * SQL can name a moment's local day as date(moment, '+N minutes'). A day on
 * which the offset changes (daylight saving) is a stretch of its own, named
 * by its date.
 */
export function offsetModifier(b: DayBucket): string {
  const offset = Math.round((Date.parse(`${b.day}T00:00:00Z`) - Date.parse(b.start)) / 60_000);
  return `${offset >= 0 ? '+' : ''}${offset} minutes`;
}

function offsetRuns(buckets: readonly DayBucket[]) {
  const runs: { start: string; end: string; modifier: string; day: string | null }[] = [];
  for (const b of buckets) {
    const steady = Date.parse(b.end) - Date.parse(b.start) === 86_400_000;
    const last = runs.at(-1);
    const modifier = offsetModifier(b);
    if (steady && last && last.day === null && last.modifier === modifier && last.end === b.start) last.end = b.end;
    else runs.push({ start: b.start, end: b.end, modifier, day: steady ? null : b.day });
  }
  return runs;
}

export function createInventoryAnalyticsStore(db: Db) {
  // The variant's denormalised total less what sits in transit (few rows, by index).
  const onHand = db.prepare<[], { variantId: number; onHand: number }>(
    `SELECT v.id AS variantId, v.on_hand_total - COALESCE(t.units, 0) AS onHand
     FROM variants v LEFT JOIN (
       SELECT sl.variant_id, SUM(sl.on_hand) AS units FROM locations l JOIN stock_levels sl ON sl.location_id = l.id
       WHERE l.kind = 'transit' GROUP BY sl.variant_id) t ON t.variant_id = v.id`,
  );
  const onHandOf = db.prepare<[string], { variantId: number; onHand: number }>(
    `SELECT v.id AS variantId, v.on_hand_total - COALESCE((
       SELECT SUM(sl.on_hand) FROM stock_levels sl JOIN locations l ON l.id = sl.location_id AND l.kind = 'transit' WHERE sl.variant_id = v.id), 0) AS onHand
     FROM json_each(?) ids JOIN variants v ON v.id = ids.value`,
  );
  const firstMovement = db.prepare<[], { variantId: number; firstAt: string }>(
    'SELECT variant_id AS variantId, MIN(occurred_at) AS firstAt FROM stock_movements GROUP BY variant_id',
  );
  // Summed per variant and local day in SQL, in one pass over the ledger: the
  // day is date(occurred_at + the zone's offset), the offset chosen by a CASE
  // over the stretches of one offset (see offsetRuns). One statement per shape.
  // NOT INDEXED: the ledger has no index by time, and a straight scan beats the
  // planner's choice (the by-location index, then a random read per row) 2–3×
  // on the large demo. Drop it if an index on occurred_at is ever added.
  const deltaStatements = new Map<string, Statement<unknown[], { day: string; variantId: number; delta: number }>>();
  const deltasFor = (runs: ReturnType<typeof offsetRuns>) => {
    const shape = runs.map((r) => (r.day === null ? 'm' : 'd')).join('');
    let statement = deltaStatements.get(shape);
    if (!statement) {
      const cases = runs.map((r) => `WHEN sm.occurred_at < ? THEN ${r.day === null ? 'date(sm.occurred_at, ?)' : '?'}`).join(' ');
      statement = db.prepare<unknown[], { day: string; variantId: number; delta: number }>(
        `SELECT CASE ${cases} END AS day, sm.variant_id AS variantId, SUM(sm.delta) AS delta
         FROM stock_movements sm NOT INDEXED JOIN locations l ON l.id = sm.location_id AND l.kind <> 'transit'
         WHERE sm.occurred_at >= ? AND sm.occurred_at < ?
         GROUP BY 2, 1`,
      );
      deltaStatements.set(shape, statement);
    }
    const params = runs.flatMap((r) => [r.end, r.day ?? r.modifier]);
    return statement.all(...params, runs[0]?.start ?? '', runs.at(-1)?.end ?? '');
  };
  const deltaSince = db.prepare<[string], { variantId: number; delta: number }>(
    `SELECT sm.variant_id AS variantId, SUM(sm.delta) AS delta FROM stock_movements sm
     JOIN locations l ON l.id = sm.location_id AND l.kind <> 'transit'
     WHERE sm.occurred_at >= ? GROUP BY sm.variant_id`,
  );
  const soldPerDay = db.prepare<[string, string, string, string], { day: string; variantId: number; units: number; paid: number }>(
    `SELECT date(o.placed_at, ?) AS day, l.variant_id AS variantId, SUM(l.quantity) AS units, SUM(l.quantity * l.unit_price - l.discount) AS paid
     FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
     WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
       AND l.variant_id IN (SELECT value FROM json_each(?))
     GROUP BY 1, 2`,
  );
  // The same per variant and UTC hour from the variant rollup (migration 0014: non-cancelled lines by the
  // hour placed; paid = gmv − the lines' own discounts), for the given variants (JSON array of ids).
  // The hour as a number (hours since an instant): a string per row would cost more than the rest of it.
  const soldPerHour = db.prepare<[number, string, string, string], [number, number, number, number]>(
    `SELECT s.variant_id, (unixepoch(s.hour || ':00') - ?) / 3600, s.units, s.gmv - s.own_discounts
     FROM json_each(?) ids JOIN sales_variant_hourly s ON s.variant_id = ids.value AND s.hour >= ? AND s.hour < ?
     WHERE s.orders > 0`,
  ).raw();
  // Age in whole local days: asOf minus the local date of the movement (the
  // zone's offset at asOf; a daylight-saving hour can move a receipt by a day).
  const inbound = db.prepare<[string, string, string], { variantId: number; ageDays: number; quantity: number }>(
    `SELECT m.variant_id AS variantId, CAST(julianday(?) - julianday(date(m.occurred_at, ?)) AS INTEGER) AS ageDays, m.delta AS quantity
     FROM stock_movements m JOIN locations l ON l.id = m.location_id AND l.kind <> 'transit'
     WHERE m.delta > 0 AND m.reason IN ${inboundReasons} AND m.occurred_at < ?
     ORDER BY m.variant_id, m.occurred_at DESC, m.id DESC`,
  );
  const categoryPaths = db.prepare<[], { id: number; path: string }>('SELECT id, path FROM categories');
  // On hand now (as `onHand`), category and cost of every variant in one pass: what valuing all stock needs.
  const stockAndCosts = db.prepare<[], [number, number, number | null, number | null]>(
    `SELECT v.id, v.on_hand_total - COALESCE(t.units, 0), p.category_id, v.cost
     FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN (
       SELECT sl.variant_id, SUM(sl.on_hand) AS units FROM locations l JOIN stock_levels sl ON sl.location_id = l.id
       WHERE l.kind = 'transit' GROUP BY sl.variant_id) t ON t.variant_id = v.id`,
  ).raw();
  const variants = db.prepare<[string], VariantInfo>(
    `SELECT v.id AS variantId, v.product_id AS productId, v.sku, p.title || COALESCE(' / ' || v.option1, '') AS title,
            COALESCE(c.path, '') AS categoryPath, v.cost
     FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id
     WHERE v.id IN (SELECT value FROM json_each(?))`,
  );
  // New products: variants whose first receipt falls in [from, to) and after
  // `after` (the stock history's start: stock there then is not a receipt),
  // with units sold (not cancelled) from that first receipt up to `to`.
  const newVariants = db.prepare<[{ from: string; to: string; after: string }], { variantId: number; firstAt: string; sold: number }>(
    `WITH firsts AS (
       SELECT variantId, firstAt FROM (
         SELECT v.id AS variantId,
                (SELECT m.occurred_at FROM stock_movements m INDEXED BY stock_movements_by_variant
                 WHERE m.variant_id = v.id AND m.delta > 0 AND m.reason IN ${inboundReasons} ORDER BY m.occurred_at LIMIT 1) AS firstAt
         FROM variants v))
     SELECT f.variantId, f.firstAt,
            COALESCE((SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
                      WHERE l.variant_id = f.variantId AND o.placed_at >= f.firstAt AND o.placed_at < @to AND o.status <> 'cancelled'), 0) AS sold
     FROM firsts f WHERE f.firstAt >= @from AND f.firstAt < @to AND f.firstAt > @after`,
  );
  return {
    onHand: () => onHand.all(),
    /** The same for the given variants only. */
    onHandOf: (variantIds: readonly number[]) => onHandOf.all(JSON.stringify(variantIds)),
    firstMovements: () => firstMovement.all(),
    /** Net movement per variant and local day (days without movements are absent). */
    deltas: (buckets: readonly DayBucket[]) =>
      buckets.length === 0 ? [] : deltasFor(offsetRuns(buckets)),
    /** Net movement per variant from `since` on (to turn today's on hand into on hand at an earlier moment). */
    deltaSince: (since: string) => deltaSince.all(since),
    /** Units sold and net paid per variant and local day, for the given variants. */
    soldPerDay: (buckets: readonly DayBucket[], variantIds: readonly number[]) =>
      offsetRuns(buckets).flatMap((run) =>
        soldPerDay.all(run.modifier, run.start, run.end, JSON.stringify(variantIds)).map((r) => (run.day === null ? r : { ...r, day: run.day })),
      ),
    /**
     * Units sold and net paid per variant and UTC hour key in [fromHour, toHour), from the variant rollup (bring it
     * up to date first): [variantId, hours since `since` (epoch ms, a whole hour), units, paid].
     */
    soldPerHour: (variantIds: readonly number[], since: number, fromHour: string, toHour: string) => soldPerHour.all(since / 1000, JSON.stringify(variantIds), fromHour, toHour),
    /** Inbound movements before `before`, newest first per variant, aged in days at `asOf` (local date; `modifier` the zone's offset). */
    inbound: (before: string, asOf: string, modifier: string) => inbound.all(asOf, modifier, before),
    /** Every variant's on hand now at selling locations, category path ('' without one) and cost. */
    stockAndCosts: (): { variantId: number; onHand: number; categoryPath: string; cost: number | null }[] => {
      const paths = new Map(categoryPaths.all().map((c) => [c.id, c.path]));
      return stockAndCosts.all().map(([variantId, onHand, categoryId, cost]) => ({ variantId, onHand, categoryPath: (categoryId === null ? undefined : paths.get(categoryId)) ?? '', cost }));
    },
    variants: (ids: readonly number[]) => variants.all(JSON.stringify(ids)),
    /** `after`: only first receipts strictly after this instant ('' for all). */
    newVariants: (from: string, to: string, after: string) => newVariants.all({ from, to, after }),
  };
}

// SQL behind the promotion baseline (baseline.ts) and the simulation's set-based reads: the
// variants in question go into a temp table once (a promotion's through target-sql.ts, or a
// list of ids of any size), and every read joins it, so 10,000 variants cost one insert and
// index lookups, never a 10,000-item IN list. The set is per connection and replaced by each
// load; callers load it and read in the same synchronous call (withVariantSet).
//
// The two-year daily series of a set made of whole products (a shop-wide promotion, or one on
// categories, products or tags) is summed from Analytics' hourly rollups (migration 0006,
// sales-rollup.ts) when the shop's local days are whole UTC hours: sales_hourly for the whole
// shop, sales_product_hourly per product. Their units are the same as the lines' here — lines of
// non-cancelled orders by the hour placed — and the rollup is brought up to date (dirty hours
// recomputed from the orders) before every read, so it is a cache, never a second definition.
// A product's variants never move to another product and a variant with lines cannot be deleted
// (order_lines.variant_id is a foreign key), so "the set's lines" and "its products' lines" are
// the same lines. A set of single variants (or a small part of the catalog) with at least
// smallSetVariants variants — cannibalisation's other variants of the promoted categories — seeks
// its variants in the per-variant rollup (sales_variant_hourly, migration 0014), as do the shares
// per variant of any set that is not small — unless it is a large part of the catalog made of
// whole products but for a few variants (fewer than smallSetVariants): then its products' hours
// less those variants' hours, both from the rollups (integers, so exactly its own). Smaller sets of single variants, zones with a
// part-hour offset, or a rollup that cannot be refreshed now (another connection writing) read the lines.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { salesRollupOf, wholeHour } from '../analytics/sales-rollup.js';
import { attributionStoreOf } from './attribution-store.js';
import { promotionVariantsCte } from './target-sql.js';


/** What a loaded set is made of: every variant, whole products, all but a few variants of its products, or otherwise. */
type Shape = 'shop' | 'products' | 'almostProducts' | 'variants';

interface HourUnits {
  hour: string;
  units: number;
}

/** Sets of single variants below this many read their own lines rather than the per-variant rollup. */
export const smallSetVariants = 500;

export interface SaleAt {
  /** A UTC instant (ISO) the units were sold at or after (within the same quarter hour, or hour when from the rollups). */
  at: string;
  units: number;
}

function build(db: Db) {
  // Temp tables live per connection and must exist before the statements that use them are prepared.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS promotion_variant_set (variant_id INTEGER PRIMARY KEY);
           CREATE TEMP TABLE IF NOT EXISTS promotion_set_sales (variant_id INTEGER NOT NULL, placed_at TEXT NOT NULL, units INTEGER NOT NULL);
           CREATE TEMP TABLE IF NOT EXISTS promotion_product_set (product_id INTEGER PRIMARY KEY);
           CREATE TEMP TABLE IF NOT EXISTS promotion_left_out (variant_id INTEGER PRIMARY KEY)`);
  const clear = db.prepare('DELETE FROM temp.promotion_variant_set');
  const clearProducts = db.prepare('DELETE FROM temp.promotion_product_set');
  const clearLeftOut = db.prepare('DELETE FROM temp.promotion_left_out');
  const fromIds = db.prepare<[string]>(
    'INSERT OR IGNORE INTO temp.promotion_variant_set (variant_id) SELECT v.id FROM variants v WHERE v.id IN (SELECT value FROM json_each(?))',
  );
  const fromPromotion = db.prepare<[number]>(
    `INSERT OR IGNORE INTO temp.promotion_variant_set (variant_id)
     WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte}
     SELECT variant_id FROM promo_variants`,
  );
  // The same promotion's variants as the evaluation's attribution has just resolved them (its temp
  // table, unchanged since: attribution-store.ts holdsVariantsOf) — a copy in key order, not the targets again.
  const attribution = attributionStoreOf(db);
  const fromAttribution = db.prepare('INSERT OR IGNORE INTO temp.promotion_variant_set (variant_id) SELECT variant_id FROM temp.promotion_eval_variants');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM temp.promotion_variant_set');
  // Units per UTC quarter hour (every zone's local midnight falls on one, so the caller can put each
  // quarter on its local day exactly), and units per variant: aggregated in SQL, since a shop-wide
  // set means a million lines. Two plans each; CROSS JOIN fixes SQLite's join order (the planner
  // knows nothing of the temp table and would otherwise walk every order and probe the set):
  //  - a set that is a small part of the catalog starts from its variants' lines: their ids from
  //    order_lines_by_variant (a covering index), sorted, so the lines and their orders are then
  //    read in file order rather than jumping about (about twice as fast on the large demo shop);
  //  - a large one (a shop-wide promotion) reads every line in file order with its order, and
  //    probes the set (`+` keeps SQLite from turning the probe into an index walk).
  const setLines = `WITH set_lines (line_id) AS MATERIALIZED (
       SELECT l.id FROM temp.promotion_variant_set s CROSS JOIN order_lines l WHERE l.variant_id = s.variant_id ORDER BY l.id)`;
  const fromAll = `FROM order_lines l CROSS JOIN orders o
     WHERE o.id = l.order_id AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
       AND +l.variant_id IN (SELECT variant_id FROM temp.promotion_variant_set)`;
  // A small set's lines of the history are copied once into a temp table (a few ten thousand rows),
  // and both the quarter-hour series and the shares are summed from there.
  const clearLines = db.prepare('DELETE FROM temp.promotion_set_sales');
  const fillLines = db.prepare<[string, string]>(
    `INSERT INTO temp.promotion_set_sales (variant_id, placed_at, units) ${setLines}
     SELECT l.variant_id, o.placed_at, l.quantity FROM set_lines x CROSS JOIN order_lines l CROSS JOIN orders o
     WHERE l.id = x.line_id AND o.id = l.order_id AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'`,
  );
  const quarterOf = (at: string) => `substr(${at}, 1, 13) AS hour, CAST(substr(${at}, 15, 2) AS INTEGER) / 15 AS quarter`;
  type QuarterRow = { hour: string; quarter: number; units: number };
  const quarters = {
    set: db.prepare<[string, string], QuarterRow>(
      `SELECT ${quarterOf('placed_at')}, SUM(units) AS units FROM temp.promotion_set_sales WHERE placed_at >= ? AND placed_at < ? GROUP BY hour, quarter`,
    ),
    all: db.prepare<[string, string], QuarterRow>(`SELECT ${quarterOf('o.placed_at')}, SUM(l.quantity) AS units ${fromAll} GROUP BY hour, quarter`),
  };
  type VariantUnits = { variantId: number; units: number };
  const byVariant = {
    set: db.prepare<[string, string], VariantUnits>(
      'SELECT variant_id AS variantId, SUM(units) AS units FROM temp.promotion_set_sales WHERE placed_at >= ? AND placed_at < ? GROUP BY variant_id',
    ),
    // Shares read a few weeks: the orders of the range through orders_by_placed, then their lines.
    all: db.prepare<[string, string], VariantUnits>(
      `SELECT l.variant_id AS variantId, SUM(l.quantity) AS units FROM orders o CROSS JOIN order_lines l
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' AND l.order_id = o.id
         AND +l.variant_id IN (SELECT variant_id FROM temp.promotion_variant_set)
       GROUP BY l.variant_id`,
    ),
    // The whole shop: every line with a variant (there is no set to probe).
    shop: db.prepare<[string, string], VariantUnits>(
      `SELECT l.variant_id AS variantId, SUM(l.quantity) AS units FROM orders o CROSS JOIN order_lines l
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' AND l.order_id = o.id AND l.variant_id IS NOT NULL
       GROUP BY l.variant_id`,
    ),
  };
  const allVariants = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM variants');
  // The set's products, and whether any of their variants is left out (then it is not whole products).
  const fillProducts = db.prepare(
    `INSERT OR IGNORE INTO temp.promotion_product_set (product_id)
     SELECT v.product_id FROM temp.promotion_variant_set s CROSS JOIN variants v WHERE v.id = s.variant_id`,
  );
  const partialProduct = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM temp.promotion_product_set p CROSS JOIN variants v
     WHERE v.product_id = p.product_id AND v.id NOT IN (SELECT variant_id FROM temp.promotion_variant_set)`,
  );
  // The variants of the set's products that the set leaves out (its products less the set), once
  // they are known to be few: a large set of almost whole products is its products less these.
  const fillLeftOut = db.prepare<[number]>(
    `INSERT INTO temp.promotion_left_out (variant_id)
     SELECT v.id FROM temp.promotion_product_set p CROSS JOIN variants v
     WHERE v.product_id = p.product_id AND v.id NOT IN (SELECT variant_id FROM temp.promotion_variant_set) LIMIT ?`,
  );
  type HourRow = { hour: string; units: number };
  // Units per UTC hour of the set's products: the rollup's hours in file order, each probing the set.
  const productHours = db.prepare<[string, string], HourRow>(
    `SELECT hour, SUM(units) AS units FROM sales_product_hourly
     WHERE hour >= ? AND hour < ? AND +product_id IN (SELECT product_id FROM temp.promotion_product_set)
     GROUP BY hour`,
  );
  // The whole shop's hourly units count lines whose variant is gone (variant_id NULL); the set does not.
  const orphanHours = db.prepare<[string, string], HourRow>(
    `SELECT substr(o.placed_at, 1, 13) AS hour, SUM(l.quantity) AS units
     FROM order_lines l INDEXED BY order_lines_by_variant CROSS JOIN orders o
     WHERE l.variant_id IS NULL AND o.id = l.order_id AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
     GROUP BY hour`,
  );
  // A large set's hourly units and units per variant from the per-variant rollup (migration 0014):
  // a key seek per variant of the set (variant_id, hour), whatever the set is made of.
  const variantHours = db.prepare<[string, string], HourRow>(
    `SELECT s.hour, SUM(s.units) AS units FROM temp.promotion_variant_set v CROSS JOIN sales_variant_hourly s
     WHERE s.variant_id = v.variant_id AND s.hour >= ? AND s.hour < ? GROUP BY s.hour`,
  );
  const leftOutHours = db.prepare<[string, string], HourRow>(
    `SELECT s.hour, SUM(s.units) AS units FROM temp.promotion_left_out v CROSS JOIN sales_variant_hourly s
     WHERE s.variant_id = v.variant_id AND s.hour >= ? AND s.hour < ? GROUP BY s.hour`,
  );
  // A variant counts when it has lines in the range (orders > 0), as the lines' GROUP BY has it.
  const variantUnits = {
    set: db.prepare<[string, string], VariantUnits>(
      `SELECT s.variant_id AS variantId, SUM(s.units) AS units FROM temp.promotion_variant_set v CROSS JOIN sales_variant_hourly s
       WHERE s.variant_id = v.variant_id AND s.hour >= ? AND s.hour < ? GROUP BY s.variant_id HAVING SUM(s.orders) > 0`,
    ),
    // Variant 0 holds the lines whose variant is gone: no variant's.
    shop: db.prepare<[string, string], VariantUnits>(
      `SELECT variant_id AS variantId, SUM(units) AS units FROM sales_variant_hourly
       WHERE hour >= ? AND hour < ? AND variant_id <> 0 GROUP BY variant_id HAVING SUM(orders) > 0`,
    ),
  };
  const shopTimeZone = db.prepare<[], { tz: string }>('SELECT time_zone AS tz FROM shop_settings WHERE id = 1');

  // Past a fifth of the catalog, reading every line in order is cheaper than looking the set's up.
  const plan = (): 'set' | 'all' => ((count.get()?.n ?? 0) * 5 > (allVariants.get()?.n ?? 0) ? 'all' : 'set');
  /** The range whose lines are in promotion_set_sales (set plan), while a set is loaded. */
  let copied: { from: string; to: string } | null = null;
  /** What the loaded set is made of, once asked. */
  let shape: Shape | null = null;
  let lastSource: 'rollup' | 'lines' | null = null;
  let busy = false;
  /** What the loaded set is made of (asked once per load): every variant, whole products, or not. */
  const shapeOf = (): Shape => {
    if ((count.get()?.n ?? 0) === (allVariants.get()?.n ?? 0)) return 'shop';
    fillProducts.run();
    if ((partialProduct.get()?.n ?? 0) === 0) return 'products';
    // A large set that leaves out only a few variants of its products (cannibalisation's other
    // products of the promoted categories: all but the promoted SKUs) sums its products' hours and
    // takes away the left-out variants' — one pass over the hours instead of a seek per variant.
    if (!large()) return 'variants';
    const leftOut = fillLeftOut.run(smallSetVariants).changes;
    if (leftOut < smallSetVariants) return 'almostProducts';
    clearLeftOut.run();
    return 'variants';
  };
  /** The range's hour keys once the rollups are current, or undefined (a part-hour bound, or the write lock held). */
  const rolledHours = (from: string, to: string): [string, string] | undefined => {
    const first = wholeHour(from);
    const end = wholeHour(to);
    return first !== undefined && end !== undefined && salesRollupOf(db).refresh() ? [first, end] : undefined;
  };
  /**
   * Whether the loaded set reads the per-variant rollup: a set of single variants or a small part
   * of the catalog, once it holds enough variants that seeking its own lines would cost more.
   */
  const perVariant = (): boolean => {
    if (plan() === 'set') return true;
    shape ??= shapeOf();
    return shape === 'variants';
  };
  const large = (): boolean => (count.get()?.n ?? 0) >= smallSetVariants;
  /** Hourly units of the loaded set from the rollups, or undefined when the lines must be read. */
  const fromRollup = (from: string, to: string): HourRow[] | undefined => {
    if (perVariant()) {
      const range = large() ? rolledHours(from, to) : undefined;
      return range && variantHours.all(...range);
    }
    const rollup = salesRollupOf(db);
    if (shape === 'products') {
      const range = rolledHours(from, to);
      return range && productHours.all(...range);
    }
    if (shape === 'almostProducts') {
      const range = rolledHours(from, to);
      return range && lessHours(productHours.all(...range), leftOutHours.all(...range));
    }
    const hours = rollup.unitsByHour(from, to);
    if (!hours) return undefined;
    return lessHours(hours, orphanHours.all(from, to));
  };
  const reset = () => {
    clear.run();
    clearLines.run();
    clearProducts.run();
    clearLeftOut.run();
    copied = null;
    shape = null;
  };
  /** Copies the set's lines of [from, to) into promotion_set_sales (set plan). */
  const copy = (from: string, to: string) => {
    clearLines.run();
    fillLines.run(from, to);
    copied = { from, to };
  };

  return {
    /**
     * Loads the set (ids of existing variants, or a promotion's variants), runs `read` and empties it again.
     * Not re-entrant: `read` must not load another set.
     */
    withVariantSet<T>(set: { variantIds: readonly number[] } | { promotionId: number }, read: () => T): T {
      if (busy) throw new Error('withVariantSet is not re-entrant: load one variant set at a time');
      busy = true;
      reset();
      try {
        if ('promotionId' in set) {
          if (attribution.holdsVariantsOf(set.promotionId)) fromAttribution.run();
          else fromPromotion.run(set.promotionId);
        } else fromIds.run(JSON.stringify(set.variantIds));
        return read();
      } finally {
        reset();
        busy = false;
      }
    },
    /**
     * Units sold of the loaded set in [from, to) (UTC instants) per UTC quarter hour (`at` = its start),
     * or per whole hour from the rollups when `wholeHours` (the caller's days all start on a whole
     * UTC hour, so an hour never straddles two of them) and the set allows it; `exact` reads the lines.
     */
    sales(from: string, to: string, options: { wholeHours: boolean; exact?: boolean }): SaleAt[] {
      const hourly = options.wholeHours && !options.exact ? fromRollup(from, to) : undefined;
      lastSource = hourly ? 'rollup' : 'lines';
      if (hourly) return hourly.map((r) => ({ at: `${r.hour}:00:00.000Z`, units: r.units }));
      const how = plan();
      if (how === 'set') copy(from, to);
      const pad = (n: number) => String(n * 15).padStart(2, '0');
      return quarters[how].all(from, to).map((r) => ({ at: `${r.hour}:${pad(r.quarter)}:00.000Z`, units: r.units }));
    },
    /**
     * Units per variant of the loaded set in [from, to); variants that sold nothing are absent.
     * From the per-variant rollup when the set is not small and the bounds are whole hours, unless `exact`.
     */
    unitsByVariant(from: string, to: string, options: { exact?: boolean } = {}): VariantUnits[] {
      if (!options.exact && (!perVariant() || large())) {
        const range = rolledHours(from, to);
        if (range) return (shape === 'shop' ? variantUnits.shop : variantUnits.set).all(...range);
      }
      if (plan() === 'all') {
        shape ??= shapeOf();
        return (shape === 'shop' ? byVariant.shop : byVariant.all).all(from, to);
      }
      if (!copied || from < copied.from || to > copied.to) copy(from, to);
      return byVariant.set.all(from, to);
    },
    /** Where the last `sales` read came from (for the tests that hold both paths to the same answer). */
    lastSalesSource: (): 'rollup' | 'lines' | null => lastSource,
    timeZone: (): string => shopTimeZone.get()?.tz ?? 'UTC',
  };
}

/** Hourly units less other hourly units (exact: integers). */
function lessHours(hours: HourUnits[], less: readonly HourUnits[]): HourUnits[] {
  if (less.length === 0) return hours;
  const units = new Map(hours.map((h) => [h.hour, h.units]));
  for (const l of less) units.set(l.hour, (units.get(l.hour) ?? 0) - l.units);
  return [...units].map(([hour, n]) => ({ hour, units: n }));
}

export const baselineStoreOf = perDatabase(build);
export type BaselineStore = ReturnType<typeof build>;

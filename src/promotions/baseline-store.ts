// SQL behind the promotion baseline (baseline.ts) and the simulation's set-based reads: the
// variants in question go into a temp table once (a promotion's through target-sql.ts, or a
// list of ids of any size), and every read joins it, so 10,000 variants cost one insert and
// index lookups, never a 10,000-item IN list. The set is per connection and replaced by each
// load; callers load it and read in the same synchronous call (withVariantSet).
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { promotionVariantsCte } from './target-sql.js';

export interface SaleAt {
  /** A UTC instant (ISO) the units were sold at or after (within the same quarter hour). */
  at: string;
  units: number;
}

function build(db: Db) {
  // Temp tables live per connection and must exist before the statements that use them are prepared.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS promotion_variant_set (variant_id INTEGER PRIMARY KEY);
           CREATE TEMP TABLE IF NOT EXISTS promotion_set_sales (variant_id INTEGER NOT NULL, placed_at TEXT NOT NULL, units INTEGER NOT NULL)`);
  const clear = db.prepare('DELETE FROM temp.promotion_variant_set');
  const fromIds = db.prepare<[string]>(
    'INSERT OR IGNORE INTO temp.promotion_variant_set (variant_id) SELECT v.id FROM variants v WHERE v.id IN (SELECT value FROM json_each(?))',
  );
  const fromPromotion = db.prepare<[number]>(
    `INSERT OR IGNORE INTO temp.promotion_variant_set (variant_id)
     WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte}
     SELECT variant_id FROM promo_variants`,
  );
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
  };
  const allVariants = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM variants');
  const shopTimeZone = db.prepare<[], { tz: string }>('SELECT time_zone AS tz FROM shop_settings WHERE id = 1');

  // Past a fifth of the catalog, reading every line in order is cheaper than looking the set's up.
  const plan = (): 'set' | 'all' => ((count.get()?.n ?? 0) * 5 > (allVariants.get()?.n ?? 0) ? 'all' : 'set');
  /** The range whose lines are in promotion_set_sales (set plan), while a set is loaded. */
  let copied: { from: string; to: string } | null = null;
  let busy = false;
  const reset = () => {
    clear.run();
    clearLines.run();
    copied = null;
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
        if ('promotionId' in set) fromPromotion.run(set.promotionId);
        else fromIds.run(JSON.stringify(set.variantIds));
        return read();
      } finally {
        reset();
        busy = false;
      }
    },
    /** Units sold of the loaded set in [from, to) (UTC instants) per UTC quarter hour (`at` = its start). */
    sales(from: string, to: string): SaleAt[] {
      const how = plan();
      if (how === 'set') {
        clearLines.run();
        fillLines.run(from, to);
        copied = { from, to };
      }
      const pad = (n: number) => String(n * 15).padStart(2, '0');
      return quarters[how].all(from, to).map((r) => ({ at: `${r.hour}:${pad(r.quarter)}:00.000Z`, units: r.units }));
    },
    /** Units per variant of the loaded set in [from, to) (within the range `sales` read, for a small set); variants that sold nothing are absent. */
    unitsByVariant(from: string, to: string): VariantUnits[] {
      if (plan() === 'all') return byVariant.all.all(from, to);
      if (!copied || from < copied.from || to > copied.to) throw new Error('unitsByVariant reads within the range sales() read');
      return byVariant.set.all(from, to);
    },
    timeZone: (): string => shopTimeZone.get()?.tz ?? 'UTC',
  };
}

export const baselineStoreOf = perDatabase(build);
export type BaselineStore = ReturnType<typeof build>;

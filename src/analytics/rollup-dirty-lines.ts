// The lines of the dirty hours' orders, read once per batch of hours for all five rollups.
//
// Each rollup's recomputation used to find the dirty hours' orders through orders_by_placed and their
// lines through order_lines_by_order on its own: five passes of the same lookups. Here one pass copies
// them (non-cancelled orders only, with each line's share of its order's discounts computed by the one
// rule, line-discount-sql.ts) into a temporary table that the rollups' SQL reads instead. An order
// without lines is kept as one row with no line (line_id NULL): it still counts as an order.
import type { Db } from '../db/open.js';
import { lineDiscountSql } from './line-discount-sql.js';

/** The dirty hours being recomputed now (a batch of sales_hourly_dirty): the rollups' SQL reads these. */
export const dirtyBatch = 'temp.rollup_dirty_batch';
/** The table the rollups' SQL reads: one row per line (or per order without lines) placed in an hour of the batch. */
export const dirtyLines = 'temp.rollup_dirty_lines';

export function createDirtyLines(db: Db): { ensureTables: () => void; fill: () => void; clear: () => void } {
  // Per connection, in memory (temp_store). Created again before each use: a temp table created inside a
  // transaction that is later rolled back (a refused write that first read the rollups) is gone with it,
  // and the prepared statements below re-prepare against the new one.
  const ensureTables = () => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS rollup_dirty_batch (hour TEXT PRIMARY KEY) WITHOUT ROWID');
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_dirty_lines (
    hour TEXT NOT NULL, order_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, customer_id INTEGER, placed_at TEXT NOT NULL,
    discount_total INTEGER NOT NULL, line_id INTEGER, variant_id INTEGER, quantity INTEGER, unit_price INTEGER, unit_cost INTEGER,
    discount INTEGER, share REAL)`);
    db.exec('CREATE INDEX IF NOT EXISTS temp.rollup_dirty_lines_by_order ON rollup_dirty_lines (order_id)');
  };
  ensureTables();
  const clear = db.prepare(`DELETE FROM ${dirtyLines}`);
  // An hour 'H' is the key range ['H:', 'H;') of ISO timestamps (';' sorts right after ':').
  const fill = db.prepare(
    `INSERT INTO ${dirtyLines}
     SELECT d.hour, o.id, o.channel_id, o.customer_id, o.placed_at, o.discount_total, l.id, l.variant_id, l.quantity, l.unit_price, l.unit_cost,
            l.discount, ${lineDiscountSql}
     FROM ${dirtyBatch} d
     JOIN orders o INDEXED BY orders_by_placed ON o.placed_at >= d.hour || ':' AND o.placed_at < d.hour || ';' AND o.status <> 'cancelled'
     LEFT JOIN order_lines l ON l.order_id = o.id
     WINDOW w AS (PARTITION BY o.id)`,
  );
  return {
    ensureTables,
    fill: () => {
      clear.run();
      fill.run();
    },
    clear: () => {
      clear.run();
    },
  };
}

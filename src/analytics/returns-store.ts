// SQL for returns analytics: units sold on the lines of orders placed in the
// period, and the units returned from those same lines (whenever returned),
// by product, category or channel, and by reason group (metrics.md).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

export type ReturnsDimension = 'product' | 'category' | 'channel';

const keyOf: Record<ReturnsDimension, { key: string; label: string; joins: string }> = {
  product: { key: 'p.id', label: 'p.title', joins: 'LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id' },
  category: {
    key: 'COALESCE(c.id, 0)',
    label: "COALESCE(c.path, '')",
    joins: 'LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id',
  },
  channel: { key: 'o.channel_id', label: 'ch.name', joins: 'JOIN channels ch ON ch.id = o.channel_id' },
};

const inPeriod = "o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'";

/** Lines of the period's orders, joined only to what the dimension needs. */
const linesInPeriod = (dimension: ReturnsDimension) => `FROM orders o JOIN order_lines l ON l.order_id = o.id ${keyOf[dimension].joins} WHERE ${inPeriod}`;

// Returned units are few: start from them and keep those whose order was placed in the period. CROSS JOIN
// keeps that order (left to itself SQLite starts from the period's orders and reads all their lines).
const returnedLines = (dimension: ReturnsDimension | null) => `FROM return_lines rl
  CROSS JOIN order_lines l
  CROSS JOIN orders o
  JOIN return_reasons rr ON rr.code = rl.reason_code
  ${dimension ? keyOf[dimension].joins : ''}
  WHERE l.id = rl.order_line_id AND o.id = l.order_id AND ${inPeriod}`;

export interface SoldRow {
  key: number | null;
  label: string | null;
  unitsSold: number;
}

export interface ReturnedRow {
  key: number | null;
  reasonGroup: string;
  unitsReturned: number;
  refunds: number;
}

/** Units and refunds returned per key and reason code (with its group), from the lines of the period's orders. */
export interface ReturnedByReasonRow {
  key: number | null;
  code: string;
  reasonGroup: string;
  unitsReturned: number;
  refunds: number;
}

export function createReturnsStore(db: Db) {
  const cache = new Map<string, Statement<[string, string]>>();
  const statement = (sql: string): Statement<[string, string]> => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = db.prepare<[string, string]>(sql);
      cache.set(sql, prepared);
    }
    return prepared;
  };
  // Days from order to return, per return (with its units), for returns made in [from, to); shortest first.
  const lags = db.prepare<[string, string], { lagDays: number; units: number }>(
    `SELECT julianday(r.returned_at) - julianday(o.placed_at) AS lagDays, SUM(rl.quantity) AS units
     FROM returns r INDEXED BY returns_by_date JOIN return_lines rl ON rl.return_id = r.id JOIN orders o ON o.id = r.order_id
     WHERE r.returned_at >= ? AND r.returned_at < ? AND o.status <> 'cancelled'
     GROUP BY r.id ORDER BY lagDays`,
  );
  // Changes whenever a return is recorded or removed (ids only grow): the lag's cache key.
  const marker = db.prepare<[], { count: number; lastId: number | null }>('SELECT COUNT(*) AS count, MAX(id) AS lastId FROM returns');
  return {
    lags: (from: string, to: string) => lags.all(from, to),
    returnsMarker(): string {
      const row = marker.get();
      return `${row?.count ?? 0}:${row?.lastId ?? 0}`;
    },
    sold(dimension: ReturnsDimension, from: string, to: string): SoldRow[] {
      const { key, label } = keyOf[dimension];
      return statement(`SELECT ${key} AS key, ${label} AS label, SUM(l.quantity) AS unitsSold ${linesInPeriod(dimension)} GROUP BY 1`).all(from, to) as SoldRow[];
    },
    returned(dimension: ReturnsDimension, from: string, to: string): ReturnedRow[] {
      const { key } = keyOf[dimension];
      return statement(
        `SELECT ${key} AS key, rr.reason_group AS reasonGroup, SUM(rl.quantity) AS unitsReturned, SUM(rl.refund_amount) AS refunds
         ${returnedLines(dimension)}
         GROUP BY 1, 2`,
      ).all(from, to) as ReturnedRow[];
    },
    /**
     * `returned` and `reasons` in one pass over the returned lines (the report needs both): per key and reason
     * code. Summed per key and group they are `returned`; per code, `reasons`.
     */
    returnedByReason(dimension: ReturnsDimension, from: string, to: string): ReturnedByReasonRow[] {
      const { key } = keyOf[dimension];
      return statement(
        `SELECT ${key} AS key, rl.reason_code AS code, rr.reason_group AS reasonGroup, SUM(rl.quantity) AS unitsReturned, SUM(rl.refund_amount) AS refunds
         ${returnedLines(dimension)}
         GROUP BY 1, 2, 3`,
      ).all(from, to) as ReturnedByReasonRow[];
    },
    reasons(from: string, to: string): { code: string; reasonGroup: string; unitsReturned: number }[] {
      return statement(
        `SELECT rl.reason_code AS code, rr.reason_group AS reasonGroup, SUM(rl.quantity) AS unitsReturned
         ${returnedLines(null)}
         GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
      ).all(from, to) as { code: string; reasonGroup: string; unitsReturned: number }[];
    },
  };
}

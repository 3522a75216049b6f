// SQL for returns analytics: units sold on the lines of orders placed in the
// period, and the units returned from those same lines (whenever returned),
// by product, category or channel, and by reason group (metrics.md).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

export type ReturnsDimension = 'product' | 'category' | 'channel';

const keyOf: Record<ReturnsDimension, { key: string; label: string }> = {
  product: { key: 'p.id', label: 'p.title' },
  category: { key: 'COALESCE(c.id, 0)', label: "COALESCE(c.path, '')" },
  channel: { key: 'o.channel_id', label: 'ch.name' },
};

const linesInPeriod = `FROM orders o INDEXED BY orders_by_placed
  JOIN order_lines l ON l.order_id = o.id
  JOIN channels ch ON ch.id = o.channel_id
  LEFT JOIN variants v ON v.id = l.variant_id
  LEFT JOIN products p ON p.id = v.product_id
  LEFT JOIN categories c ON c.id = p.category_id
  WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'`;

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
  return {
    sold(dimension: ReturnsDimension, from: string, to: string): SoldRow[] {
      const { key, label } = keyOf[dimension];
      return statement(`SELECT ${key} AS key, ${label} AS label, SUM(l.quantity) AS unitsSold ${linesInPeriod} GROUP BY 1`).all(from, to) as SoldRow[];
    },
    returned(dimension: ReturnsDimension, from: string, to: string): ReturnedRow[] {
      const { key } = keyOf[dimension];
      return statement(
        `SELECT ${key} AS key, rr.reason_group AS reasonGroup, SUM(rl.quantity) AS unitsReturned, SUM(rl.refund_amount) AS refunds
         ${linesInPeriod.replace('WHERE', 'JOIN return_lines rl ON rl.order_line_id = l.id JOIN return_reasons rr ON rr.code = rl.reason_code WHERE')}
         GROUP BY 1, 2`,
      ).all(from, to) as ReturnedRow[];
    },
    reasons(from: string, to: string): { code: string; reasonGroup: string; unitsReturned: number }[] {
      return statement(
        `SELECT rl.reason_code AS code, rr.reason_group AS reasonGroup, SUM(rl.quantity) AS unitsReturned
         ${linesInPeriod.replace('WHERE', 'JOIN return_lines rl ON rl.order_line_id = l.id JOIN return_reasons rr ON rr.code = rl.reason_code WHERE')}
         GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
      ).all(from, to) as { code: string; reasonGroup: string; unitsReturned: number }[];
    },
  };
}

// SQL of coupon codes: adding one, a generated batch (collisions refused by the case-insensitive
// UNIQUE on coupon_codes.code, in the batch's transaction), the list with each code's uses, and
// removing unused codes. A use is a non-cancelled order whose coupon_code is the code in any case.
import type { Db } from '../db/open.js';
import { likePattern } from '../sync/link-store.js';

export interface CouponSqlRow {
  id: number;
  code: string;
  customerId: number | null;
  customerName: string | null;
  customerEmail: string | null;
  uses: number;
  createdAt: string;
}

// Uses per code of a promotion, in one pass. Orders come first (CROSS JOIN keeps that order in
// SQLite): only orders with a code are read (`>= ''` is a range the planner serves from
// orders_by_coupon, where IS NOT NULL inside a join is read as a full scan), and each looks its
// code up in the UNIQUE NOCASE index — `c.code = o.coupon_code` compares with c.code's NOCASE
// collation, so SUMMER20 typed as summer20 counts.
const codeOrders = (statusFilter: string) => `
  SELECT c.id AS couponId, o.id AS orderId
  FROM orders o CROSS JOIN coupon_codes c
  WHERE o.coupon_code >= '' ${statusFilter} AND c.code = o.coupon_code AND c.promotion_id = @promotionId`;

export function createCouponStore(db: Db) {
  // Positional parameters: a 100,000-code batch binds them 100,000 times.
  const insert = db.prepare<[number, string, number | null, string]>(
    'INSERT INTO coupon_codes (promotion_id, code, customer_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const searchFilter = `(@search IS NULL OR lower(c.code) LIKE @search ESCAPE '\\')`;
  const codeColumns = `c.id, c.code, c.customer_id AS customerId, cu.name AS customerName, cu.email AS customerEmail, c.created_at AS createdAt`;
  const page = db.prepare<{ promotionId: number; search: string | null; offset: number; limit: number }, Omit<CouponSqlRow, 'uses'>>(
    `SELECT ${codeColumns} FROM coupon_codes c LEFT JOIN customers cu ON cu.id = c.customer_id
     WHERE c.promotion_id = @promotionId AND ${searchFilter}
     ORDER BY c.id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<{ promotionId: number; search: string | null }, { n: number }>(
    `SELECT COUNT(*) AS n FROM coupon_codes c WHERE c.promotion_id = @promotionId AND ${searchFilter}`,
  );
  const uses = db.prepare<{ promotionId: number }, { couponId: number; uses: number }>(
    `SELECT couponId, COUNT(*) AS uses FROM (${codeOrders("AND o.status <> 'cancelled'")}) u GROUP BY couponId`,
  );
  const byCode = db.prepare<[string], { id: number; promotionId: number }>(
    'SELECT id, promotion_id AS promotionId FROM coupon_codes WHERE code = ?',
  );
  const byId = db.prepare<[number], Omit<CouponSqlRow, 'uses'>>(
    `SELECT ${codeColumns} FROM coupon_codes c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?`,
  );
  // Codes on any order, cancelled ones too: a code someone typed was handed out, so it stays.
  const removeUnused = db.prepare<{ promotionId: number }>(
    `DELETE FROM coupon_codes WHERE promotion_id = @promotionId AND id NOT IN (SELECT couponId FROM (${codeOrders('')}) u)`,
  );
  const countOf = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM coupon_codes WHERE promotion_id = ?');
  const customersWithCode = db.prepare<[number], { customerId: number }>(
    'SELECT DISTINCT customer_id AS customerId FROM coupon_codes WHERE promotion_id = ? AND customer_id IS NOT NULL',
  );

  /** Non-cancelled orders per code id (codes nobody used are absent). */
  const usesOf = (promotionId: number): Map<number, number> => new Map(uses.all({ promotionId }).map((r) => [r.couponId, r.uses]));

  return {
    /** Inserts a code; false when any promotion already has it (in any case). */
    insert(promotionId: number, code: string, customerId: number | null, createdAt: string): boolean {
      return insert.run(promotionId, code, customerId, createdAt).changes === 1;
    },
    get(promotionId: number, id: number): CouponSqlRow | undefined {
      const row = byId.get(id);
      return row ? { ...row, uses: usesOf(promotionId).get(id) ?? 0 } : undefined;
    },
    /** The promotion and id holding this code, compared case-insensitively. */
    byCode: (code: string) => byCode.get(code),
    /** One page of codes with their uses, the matching count, and the uses of all the promotion's codes. */
    page(promotionId: number, search: string | null, offset: number, limit: number) {
      const pattern = search === null || search.trim() === '' ? null : likePattern(search);
      const used = usesOf(promotionId);
      let usesTotal = 0;
      for (const n of used.values()) usesTotal += n;
      return {
        rows: page.all({ promotionId, search: pattern, offset, limit }).map((row) => ({ ...row, uses: used.get(row.id) ?? 0 })),
        total: count.get({ promotionId, search: pattern })?.n ?? 0,
        usesTotal,
      };
    },
    removeUnused: (promotionId: number) => removeUnused.run({ promotionId }).changes,
    count: (promotionId: number) => countOf.get(promotionId)?.n ?? 0,
    customersWithCode: (promotionId: number) => new Set(customersWithCode.all(promotionId).map((r) => r.customerId)),
  };
}
export type CouponStore = ReturnType<typeof createCouponStore>;

// SQL of segment campaign audiences: the frozen rows (promotion_audience) with each customer's
// contact and the code issued to them, and the contact details of a preview's customers.
import type { Db } from '../db/open.js';

export type AudienceGroup = 'all' | 'treatment' | 'control';

export interface AudienceSqlRow {
  customerId: number;
  name: string;
  email: string | null;
  phone: string | null;
  inControl: number;
  code: string | null;
}

export interface CustomerContact {
  customerId: number;
  name: string;
  email: string | null;
  phone: string | null;
}

// The first code issued to each customer of the promotion (one is issued per customer; a shared
// code has no customer), in one grouped pass over the promotion's codes — a correlated lookup per
// row would walk all of a 100,000-code batch for each customer.
const issuedCodes = `issued AS (
  SELECT customer_id, MIN(code) AS code FROM coupon_codes
  WHERE promotion_id = @promotionId AND customer_id IS NOT NULL GROUP BY customer_id)`;

const groupFilter = `(@group = 'all' OR (@group = 'control' AND a.in_control = 1) OR (@group = 'treatment' AND a.in_control = 0))`;

export function createAudienceStore(db: Db) {
  const counts = db.prepare<[number], { rows: number; control: number | null }>(
    'SELECT COUNT(*) AS rows, SUM(in_control) AS control FROM promotion_audience WHERE promotion_id = ?',
  );
  const page = db.prepare<{ promotionId: number; group: AudienceGroup; offset: number; limit: number }, AudienceSqlRow>(
    `WITH ${issuedCodes}
     SELECT a.customer_id AS customerId, c.name, c.email, c.phone, a.in_control AS inControl,
            CASE WHEN a.in_control = 1 THEN NULL ELSE i.code END AS code
     FROM promotion_audience a JOIN customers c ON c.id = a.customer_id LEFT JOIN issued i ON i.customer_id = a.customer_id
     WHERE a.promotion_id = @promotionId AND ${groupFilter}
     ORDER BY a.customer_id LIMIT @limit OFFSET @offset`,
  );
  const treatmentIds = db.prepare<[number], { customerId: number }>(
    'SELECT customer_id AS customerId FROM promotion_audience WHERE promotion_id = ? AND in_control = 0 ORDER BY customer_id',
  );
  const clear = db.prepare<[number]>('DELETE FROM promotion_audience WHERE promotion_id = ?');
  const insert = db.prepare<[number, number, number]>('INSERT INTO promotion_audience (promotion_id, customer_id, in_control) VALUES (?, ?, ?)');
  // Cheap signs that orders changed (new, cancelled, refunded): a cached preview is recomputed then.
  const ordersStamp = db.prepare<[], { stamp: string }>(
    `SELECT (SELECT COUNT(*) FROM orders) || ':' || COALESCE((SELECT MAX(id) FROM orders), 0) || ':' ||
            (SELECT COUNT(*) FROM orders WHERE status = 'cancelled') || ':' || (SELECT COUNT(*) FROM returns) AS stamp`,
  );
  const contacts = db.prepare<[string], CustomerContact>(
    `SELECT id AS customerId, name, email, phone FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const codesOf = db.prepare<[number, string], { customerId: number; code: string }>(
    `SELECT customer_id AS customerId, MIN(code) AS code FROM coupon_codes
     WHERE promotion_id = ? AND customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`,
  );

  return {
    /** Frozen rows in all, and how many of them are in the control group. */
    counts(promotionId: number): { rows: number; control: number } {
      const row = counts.get(promotionId);
      return { rows: row?.rows ?? 0, control: row?.control ?? 0 };
    },
    page: (promotionId: number, group: AudienceGroup, offset: number, limit: number) => page.all({ promotionId, group, offset, limit }),
    treatmentIds: (promotionId: number) => treatmentIds.all(promotionId).map((r) => r.customerId),
    /** Replaces the frozen rows; the caller runs it inside its transaction. */
    replace(promotionId: number, rows: readonly { customerId: number; inControl: boolean }[]): void {
      clear.run(promotionId);
      for (const row of rows) insert.run(promotionId, row.customerId, row.inControl ? 1 : 0);
    },
    ordersStamp: () => ordersStamp.get()?.stamp ?? '',
    contacts: (customerIds: readonly number[]) => contacts.all(JSON.stringify(customerIds)),
    /** The code issued to each of these customers for the promotion (customers without one are absent). */
    codesOf(promotionId: number, customerIds: readonly number[]): Map<number, string> {
      return new Map(codesOf.all(promotionId, JSON.stringify(customerIds)).map((r) => [r.customerId, r.code]));
    },
  };
}
export type AudienceStore = ReturnType<typeof createAudienceStore>;

// The returns report reads its returned units, refunds and reasons in one pass over the returned lines
// (returns-store.ts `returnedByReason`); the two queries it replaces stay the definition. On the small demo
// shop, for every dimension and for periods short and long, the one pass summed per key and reason group
// equals `returned`, and summed per code (ordered as SQL orders them) equals `reasons` — also after a
// return of a new order with a reason of another group and a cancelled order's return.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonsOf } from '../../../src/analytics/returns-service.js';
import { createReturnsStore, type ReturnsDimension } from '../../../src/analytics/returns-store.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { addOrder } from './order-changes.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-returns-pass-'));
let db: Db;

const periods = [
  ['2026-10-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'],
  ['2025-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'],
  ['2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'],
] as const;

function expectOnePassAgrees(): void {
  const store = createReturnsStore(db);
  for (const [from, to] of periods) {
    for (const dimension of ['product', 'category', 'channel'] as ReturnsDimension[]) {
      const rows = store.returnedByReason(dimension, from, to);
      const perGroup = new Map<string, { key: number | null; reasonGroup: string; unitsReturned: number; refunds: number }>();
      for (const row of rows) {
        const id = `${row.key}|${row.reasonGroup}`;
        const seen = perGroup.get(id);
        if (seen) {
          seen.unitsReturned += row.unitsReturned;
          seen.refunds += row.refunds;
        } else perGroup.set(id, { key: row.key, reasonGroup: row.reasonGroup, unitsReturned: row.unitsReturned, refunds: row.refunds });
      }
      const order = (a: { key: number | null; reasonGroup: string }, b: { key: number | null; reasonGroup: string }) =>
        (a.key ?? -1) - (b.key ?? -1) || a.reasonGroup.localeCompare(b.reasonGroup);
      const direct = store.returned(dimension, from, to);
      expect(direct.length, `${dimension} ${from}`).toBeGreaterThan(0);
      expect([...perGroup.values()].sort(order), `${dimension} ${from}`).toEqual([...direct].sort(order));
      expect(reasonsOf(rows), `reasons via ${dimension} ${from}`).toEqual(store.reasons(from, to));
    }
  }
}

beforeAll(async () => {
  const path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 5, locale: 'en', now: NOW });
  db = openDatabase(path);
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('returns: returned units, refunds and reasons in one pass', () => {
  it('equal the separate queries on the demo shop as generated', () => {
    expectOnePassAgrees();
  });

  it('equal them after new returns (another reason group) and a cancelled order', () => {
    const [a, b] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 2').all() as { id: number }[]).map((v) => v.id) as [number, number];
    const order = addOrder(db, '2026-11-19T09:15:00.000Z', null, [[a, 3], [b, 2]]);
    const lines = db.prepare('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id').all(order) as { id: number }[];
    const returnId = Number(db.prepare('INSERT INTO returns (order_id, returned_at) VALUES (?, ?)').run(order, '2026-11-20T10:00:00.000Z').lastInsertRowid);
    const line = db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, ?, ?, ?)');
    line.run(returnId, lines[0]?.id, 2, 'defective', 1800);
    line.run(returnId, lines[1]?.id, 1, 'too_small', 700);
    expectOnePassAgrees();
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = (SELECT order_id FROM returns ORDER BY id LIMIT 1)").run();
    expectOnePassAgrees();
  });
});

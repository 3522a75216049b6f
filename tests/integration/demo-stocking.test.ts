// The large demo's way of stocking its range (src/demo/stocking.ts), run on the small catalogue
// so it is quick: a catalogue with history archived before the two years, a deep tail bought by
// the piece and stocked only once ordered, and the same consistent ledger and purchase orders.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerConsistent, expectReceiptsMatchOrders } from './demo-invariants.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { LARGE_STOCKING } from '../../src/demo/stocking.js';
import { removeTempDirs, tempDir } from './temp-shop.js';

const NOW = new Date('2026-11-20T12:00:00Z');
/** The two-year window starts about here (local midnight in New York, 730 days before now). */
const WINDOW_START = '2024-11-20';
let db: Database.Database;

function num(sql: string, ...params: unknown[]): number {
  return Object.values(db.prepare(sql).get(...params) as Record<string, number>)[0] ?? Number.NaN;
}

beforeAll(async () => {
  const path = join(tempDir(), 'stocking.db');
  await generateDemoShop({ path, size: 'small', seed: 20260101, locale: 'en', now: NOW, stocking: LARGE_STOCKING });
  db = new Database(path, { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  removeTempDirs();
});

describe('the large demo’s stocking policy', () => {
  it('keeps products archived before the two years in the catalogue, never stocked or sold in them', () => {
    const retired = `SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'archived' AND p.updated_at < ?`;
    const total = num('SELECT count(*) FROM variants');
    expect(num(`SELECT count(*) FROM (${retired})`, WINDOW_START)).toBeGreaterThan(total * 0.3);
    expect(num(`SELECT count(*) FROM order_lines WHERE variant_id IN (${retired})`, WINDOW_START)).toBe(0);
    expect(num(`SELECT count(*) FROM stock_movements WHERE variant_id IN (${retired})`, WINDOW_START)).toBe(0);
    expect(num(`SELECT count(*) FROM purchase_order_lines WHERE variant_id IN (${retired})`, WINDOW_START)).toBe(0);
  });

  it('buys the deep tail by the piece and stocks it only once a customer orders it', () => {
    const active = `SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.status = 'active'`;
    const byPiece = num(`SELECT count(*) FROM supplier_items WHERE is_preferred = 1 AND moq = 1 AND pack_size = 1 AND variant_id IN (${active})`);
    expect(byPiece).toBeGreaterThan(num(`SELECT count(*) FROM (${active})`) * 0.5);
    // Live items nobody ordered yet and not on the shelf: the tail waiting for its first order.
    expect(num(`SELECT count(*) FROM (${active}) a WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.variant_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.variant_id = a.id)`)).toBeGreaterThan(0);
    // A tail item first stocked for an order: its opening stock is dated no later than that order.
    expect(num(`SELECT count(*) FROM (SELECT variant_id, min(occurred_at) AS first FROM stock_movements GROUP BY 1) f
      JOIN (SELECT l.variant_id, min(o.placed_at) AS placed FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.status <> 'cancelled' GROUP BY 1) s
      USING (variant_id) WHERE f.first > s.placed`)).toBe(0);
  });

  it('keeps the ledger consistent with stock on hand, never negative', () => {
    expectLedgerConsistent(num);
  });

  it('receives what its purchase orders ordered, one line per item, and mirrors what is on its way as incoming', () => {
    expect(num(`SELECT count(*) FROM purchase_orders WHERE status = 'sent'`)).toBeGreaterThan(0);
    expectReceiptsMatchOrders(num);
  });
});

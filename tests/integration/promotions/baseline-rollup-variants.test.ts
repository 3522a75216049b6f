// A large set of single variants (not whole products: e.g. cannibalisation's other variants of the
// promoted categories) takes its baseline's hourly units and its shares per variant from the
// per-variant rollup (sales_variant_hourly); reading the lines stays the definition. On the small
// demo shop, the baseline of such a set equals the one read from the lines — as generated, and
// after a late order, a changed quantity, a cancellation and a new order on a variant of the set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { smallSetVariants } from '../../../src/promotions/baseline-store.js';
import { expectRollupBaselineAgrees } from './baseline-both-ways.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-baseline-variants-'));
let db: Db;
let set: number[];

function expectAgreement(): void {
  for (const start of ['2026-09-01', '2026-11-10']) {
    expectRollupBaselineAgrees(db, set, start, 30);
  }
}

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

function addOrder(placedAt: string, variantId: number, quantity: number, status = 'open'): number {
  const base = one<{ channelId: number; locationId: number }>('SELECT channel_id AS channelId, location_id AS locationId FROM orders ORDER BY id LIMIT 1');
  const id = Number(
    db
      .prepare(
        `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES (?, ?, ?, ?, ?, 'USD', 0, 0, 0)`,
      )
      .run(base.channelId, `BASE-${Math.random()}`, base.locationId, status, placedAt).lastInsertRowid,
  );
  const v = one<{ sku: string; price: number }>('SELECT sku, price FROM variants WHERE id = ?', variantId);
  db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)').run(id, variantId, v.sku, v.sku, quantity, v.price);
  return id;
}

beforeAll(async () => {
  const path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 5, locale: 'en', now: NOW });
  db = openDatabase(path);
  db.prepare("UPDATE shop_settings SET time_zone = 'America/New_York'").run();
  // Every other variant: parts of products, and far more than a small set.
  set = (db.prepare('SELECT id FROM variants WHERE id % 2 = 0 ORDER BY id').all() as { id: number }[]).map((v) => v.id);
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('baseline of a large set of variants from the per-variant rollup', () => {
  it('equals the lines’ answer as generated and after late, changed, cancelled and new orders', () => {
    expect(set.length).toBeGreaterThanOrEqual(smallSetVariants);
    expectAgreement();
    const [a, b] = set as [number, number];
    // Late: an order placed in July, arriving now; a changed quantity; a cancellation; a new order today.
    addOrder('2026-07-14T15:20:00.000Z', a, 40);
    const line = one<{ id: number; orderId: number }>(
      "SELECT l.id, l.order_id AS orderId FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.variant_id = ? AND o.status <> 'cancelled' ORDER BY o.placed_at DESC LIMIT 1",
      b,
    );
    db.prepare('UPDATE order_lines SET quantity = quantity + 7 WHERE id = ?').run(line.id);
    const cancelled = one<{ id: number }>("SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.variant_id = ? AND o.status <> 'cancelled' AND o.id <> ? ORDER BY o.placed_at DESC LIMIT 1", a, line.orderId);
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(cancelled.id);
    addOrder('2026-10-31T03:30:00.000Z', b, 3);
    addOrder('2026-10-31T04:30:00.000Z', a, 5, 'cancelled');
    expectAgreement();
  });
});

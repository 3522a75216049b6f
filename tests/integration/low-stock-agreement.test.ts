// "Low stock" is one rule (src/inventory/low-stock-store.ts): Stock → Levels
// (Low stock only), the stock alerts and Reorder must agree on a shop built
// to tempt them apart. Every variant sold (or not) in the 28 days before
// now (20 Nov 2026, UTC shop):
//   OUT     active, 3 in, 3 sold → 0 available                 low, stock-out alert
//   MARK    active, mark 5, 4 available, no sales              low, low-stock alert
//   OK      active, 50 in, 2 sold                              not low
//   SPLIT   active, 0 at the warehouse, 10 at the store, sold  not low (all shelves together)
//   HELD    active, 2 on hand, both committed, sold            low (0 available), stock-out alert
//   TRANSIT active, its 5 units in transit, sold               low (transit is on no shelf), stock-out alert
//   ARCH-P  product archived, sold out                         nowhere
//   ARCH-V  variant archived (product active), sold out        nowhere
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createLedger, type Movement } from '../../src/inventory/ledger.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const at = '2026-10-01T00:00:00.000Z';
const opening = '2026-10-01T08:00:00.000Z';
const saleDay = '2026-11-15T10:00:00.000Z';
const WH = 1;
const STORE = 2;
const TRANSIT = 3;

const variants = [
  { id: 1, sku: 'OUT', product: 1 },
  { id: 2, sku: 'MARK', product: 2 },
  { id: 3, sku: 'OK', product: 3 },
  { id: 4, sku: 'SPLIT', product: 4 },
  { id: 5, sku: 'HELD', product: 5 },
  { id: 6, sku: 'TRANSIT', product: 6 },
  { id: 7, sku: 'ARCH-P', product: 7 },
  { id: 8, sku: 'ARCH-V', product: 8 },
] as const;
const idOf = (sku: string) => variants.find((v) => v.sku === sku)?.id ?? 0;

function seed(path: string): void {
  const db = openDatabase(path);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', @at), (2, 'ST', 'Store', 'store', @at),
       (3, 'TR', 'In transit', 'transit', @at)`,
    ).run({ at });
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
    db.prepare("INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES (1, 'Acme', 'USD', 14, ?, ?)").run(at, at);
    const product = db.prepare("INSERT INTO products (id, handle, title, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
    const variant = db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, status, created_at, updated_at) VALUES (?, ?, ?, 1000, 400, ?, ?, ?)");
    const item = db.prepare('INSERT INTO supplier_items (supplier_id, variant_id, cost, is_preferred) VALUES (1, ?, 400, 1)');
    for (const v of variants) {
      product.run(v.product, v.sku.toLowerCase(), `Product ${v.sku}`, v.sku === 'ARCH-P' ? 'archived' : 'active', at, at);
      variant.run(v.id, v.product, v.sku, v.sku === 'ARCH-V' ? 'archived' : 'active', at, at);
      item.run(v.id);
    }
    db.prepare("INSERT INTO variant_stock_rules (variant_id, low_stock_at, updated_at) VALUES (?, 5, ?)").run(idOf('MARK'), at);

    const order = db.prepare(
      "INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, 'fulfilled', ?, 'USD', 0, 0)",
    );
    const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, ?, 'x', ?, 1000, 400)");
    const movements: Movement[] = [];
    const stock = (sku: string, locationId: number, delta: number, reason: Movement['reason'], occurredAt: string) =>
      movements.push({ variantId: idOf(sku), locationId, delta, reason, actor: 'test', occurredAt });
    const sell = (sku: string, quantity: number, locationId = WH) => {
      const orderId = Number(order.run(`O-${sku}`, saleDay).lastInsertRowid);
      line.run(orderId, idOf(sku), sku, quantity);
      stock(sku, locationId, -quantity, 'sale', saleDay);
    };
    stock('OUT', WH, 3, 'initial', opening);
    sell('OUT', 3);
    stock('MARK', WH, 4, 'initial', opening);
    stock('OK', WH, 52, 'initial', opening);
    sell('OK', 2);
    stock('SPLIT', WH, 1, 'initial', opening);
    stock('SPLIT', STORE, 10, 'initial', opening);
    sell('SPLIT', 1);
    stock('HELD', WH, 3, 'initial', opening);
    sell('HELD', 1);
    stock('TRANSIT', WH, 1, 'initial', opening);
    stock('TRANSIT', TRANSIT, 5, 'initial', opening);
    sell('TRANSIT', 1);
    stock('ARCH-P', WH, 2, 'initial', opening);
    sell('ARCH-P', 2);
    stock('ARCH-V', WH, 2, 'initial', opening);
    sell('ARCH-V', 2);
    createLedger(db).post(movements);
    // HELD's last two units are promised to an open order.
    db.prepare('UPDATE stock_levels SET committed = 2 WHERE variant_id = ? AND location_id = ?').run(idOf('HELD'), WH);
  })();
  db.close();
}

const skus = (ids: Iterable<number>) => [...new Set(ids)].map((id) => variants.find((v) => v.id === id)?.sku ?? String(id)).sort();

describe('one low-stock rule', () => {
  it('gives the same low items in Stock → Levels, the alerts and Reorder, and never an archived one', async () => {
    shop = testShop(seed);
    const expected = ['HELD', 'MARK', 'OUT', 'TRANSIT'];

    const levels = await shop.ok('stock.levels', { lowOnly: true, limit: 500 });
    expect(skus(levels.rows.map((r) => r.variantId))).toEqual(expected);
    expect(levels.rows.every((r) => r.isLow)).toBe(true);
    // Each row says the same without the filter; SPLIT's empty warehouse row is not low (its store has 10).
    const all = await shop.ok('stock.levels', { limit: 500 });
    expect(skus(all.rows.filter((r) => r.isLow).map((r) => r.variantId))).toEqual(expected);

    await shop.ok('alerts.evaluate', {});
    const alerts = (await shop.ok('alerts.list', { limit: 500 })).alerts;
    const stockAlerts = alerts.filter((a) => a.rule === 'stockOut' || a.rule === 'lowStock');
    expect(skus(stockAlerts.map((a) => Number(a.subjectId)))).toEqual(expected);
    // The out-of-stock items that sold are stock-outs; the one at its mark is "low".
    expect(skus(stockAlerts.filter((a) => a.rule === 'stockOut').map((a) => Number(a.subjectId)))).toEqual(['HELD', 'OUT', 'TRANSIT']);
    expect(stockAlerts.find((a) => a.rule === 'lowStock')?.explanation).toMatchObject({
      value: 4,
      baseline: 5,
      baselineText: { key: 'alerts.baseline.lowStock.mark', params: { point: 5 } },
    });

    const reorder = await shop.ok('reorder.suggestions', { search: '', offset: 0, limit: 500 });
    const lines = reorder.suppliers.flatMap((group) => group.lines);
    // Everything low that sold is suggested, flagged low; whatever else is suggested is flagged not low.
    expect(skus(lines.filter((l) => l.lowStock).map((l) => l.variantId))).toEqual(['HELD', 'OUT', 'TRANSIT']);
    for (const l of lines) expect(l.lowStock).toBe(expected.includes(l.sku));

    const archived = [idOf('ARCH-P'), idOf('ARCH-V')];
    for (const id of archived) {
      expect(levels.rows.some((r) => r.variantId === id)).toBe(false);
      expect(alerts.some((a) => a.subjectId === String(id))).toBe(false);
      expect(lines.some((l) => l.variantId === id)).toBe(false);
    }
  });

  it('moves an item in and out of low stock everywhere at once', async () => {
    shop = testShop(seed);
    // Restocking OUT above zero takes it off the list and resolves its alert.
    await shop.ok('stock.adjust', { lines: [{ variantId: idOf('OUT'), locationId: WH, delta: 20, reasonCode: 'found' }] });
    const levels = await shop.ok('stock.levels', { lowOnly: true, limit: 500 });
    expect(skus(levels.rows.map((r) => r.variantId))).toEqual(['HELD', 'MARK', 'TRANSIT']);
    await shop.ok('alerts.evaluate', {});
    const open = (await shop.ok('alerts.list', { status: 'new', limit: 500 })).alerts.filter((a) => a.rule === 'stockOut' || a.rule === 'lowStock');
    expect(skus(open.map((a) => Number(a.subjectId)))).toEqual(['HELD', 'MARK', 'TRANSIT']);
  });
});

// The orders import reads the coupon code customers typed (优惠码 / Shopify's "Discount Code")
// into orders.coupon_code, where promotion attribution finds it.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function workbook(data: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), 'Orders');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const codes = (s: TestShop) => s.db.prepare('SELECT order_number AS number, coupon_code AS code FROM orders ORDER BY order_number').all();

describe('orders import: coupon codes', () => {
  it('fills orders.coupon_code from a 优惠码 column, from any line of the order', async () => {
    shop = testShop(seedCatalog);
    const [a, b] = shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 2').all() as { sku: string }[];
    const file = workbook([
      ['订单号', '下单时间', '商品编码', '数量', '成交单价', '优惠码'],
      ['C-1', '2026-03-05 10:00', a?.sku, 1, 199, 'Spring10'],
      ['C-1', '2026-03-05 10:00', b?.sku, 1, 39.9, ''],
      ['C-2', '2026-03-05 11:00', a?.sku, 1, 199, ''],
      ['C-2', '2026-03-05 11:00', b?.sku, 1, 39.9, ' WB-7KQ2M9XP '],
      ['C-3', '2026-03-05 12:00', a?.sku, 1, 199, ''],
    ]);
    const session = await openImport(shop, 'orders', 'orders.xlsx', file);
    expect(session.counts).toMatchObject({ create: 5, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(codes(shop)).toEqual([
      { number: 'C-1', code: 'Spring10' },
      { number: 'C-2', code: 'WB-7KQ2M9XP' },
      { number: 'C-3', code: null },
    ]);
  });

  it("recognises Shopify's \"Discount Code\" beside its \"Discount Amount\", keeping the first of several codes", async () => {
    shop = testShop(seedCatalog);
    const [a] = shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').all() as { sku: string }[];
    const file = workbook([
      ['Name', 'Created at', 'Discount Code', 'Discount Amount', 'Lineitem quantity', 'Lineitem price', 'Lineitem sku', 'Lineitem discount'],
      ['#1001', '2026-03-05 10:00:00 +0800', 'SUMMER20, FREESHIP', 5, 1, 25, a?.sku, 5],
    ]);
    const session = await openImport(shop, 'orders', 'orders_export.xlsx', file);
    expect(session.counts).toMatchObject({ create: 1, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(codes(shop)).toEqual([{ number: '#1001', code: 'SUMMER20' }]);
    expect(shop.db.prepare('SELECT discount_total AS d FROM orders').get()).toEqual({ d: 500 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

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

describe('historical orders import', () => {
  it('groups lines into orders, reads every date style in shop time, keeps cancellations, dates refunds, and never touches stock', async () => {
    shop = testShop(seedCatalog);
    await shop.ok('settings.update', { timeZone: 'Asia/Shanghai' });
    const [a, b] = shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 2').all() as { sku: string }[];
    const stockBefore = shop.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(delta), 0) AS s FROM stock_movements').get();
    const header = ['订单号', '下单时间', '客户邮箱', '客户姓名', '渠道', '商品编码', '数量', '成交单价', '优惠金额', '订单状态', '退款数量', '退款时间'];
    const serial = { t: 'n', v: 46086.25, z: 'yyyy-mm-dd hh:mm' }; // 2026-03-05 06:00 local
    const file = workbook([
      header,
      ['A-1', serial, 'Li.Na@Example.com', '李娜', 'Tmall', a?.sku, 2, 199, 10, '已完成', 1, '2026/3/12'],
      ['A-1', serial, 'Li.Na@Example.com', '李娜', 'Tmall', b?.sku, 1, 39.9, 0, '已完成', 0, ''],
      ['A-2', '2026/3/5', 'bob@example.com', 'Bob', 'Tmall', a?.sku, 1, 199, 0, 'cancelled', 0, ''],
      ['A-3', '2026年3月6日', '', '', 'POS', b?.sku, 3, 39.9, '10%', '', 0, ''],
      ['A-4', '2026-03-07 14:30+08:00', 'bob@example.com', 'Bob', 'Tmall', 'GONE-9', 1, 10, 0, '', 0, ''],
      ['A-4', '2026-03-07 14:30+08:00', 'bob@example.com', 'Bob', 'Tmall', a?.sku, 1, 199, 0, '', 0, ''],
    ]);
    const session = await openImport(shop, 'orders', 'orders.xlsx', file);
    expect(session.counts).toEqual({ create: 4, update: 0, unchanged: 0, error: 2 });
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 6, 商品编码: no product has the SKU "GONE-9"'],
      ['Row 7: another line of the same order (row 6) has an error'],
    ]);
    expect((await applyImport(shop, session.sessionId)).status).toBe('failed');
    await applyImport(shop, session.sessionId, 'validOnly');
    expect(
      shop.db
        .prepare(
          `SELECT o.order_number AS number, c.name AS channel, o.status, o.placed_at AS placedAt, cu.email, o.subtotal, o.discount_total AS discount, o.total, o.imported,
                  (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS lines
           FROM orders o JOIN channels c ON c.id = o.channel_id LEFT JOIN customers cu ON cu.id = o.customer_id ORDER BY o.order_number`,
        )
        .all(),
    ).toEqual([
      { number: 'A-1', channel: 'Tmall', status: 'fulfilled', placedAt: '2026-03-04T22:00:00.000Z', email: 'Li.Na@Example.com', subtotal: 43790, discount: 1000, total: 42790, imported: 1, lines: 2 },
      { number: 'A-2', channel: 'Tmall', status: 'cancelled', placedAt: '2026-03-04T16:00:00.000Z', email: 'bob@example.com', subtotal: 19900, discount: 0, total: 19900, imported: 1, lines: 1 },
      { number: 'A-3', channel: 'POS', status: 'fulfilled', placedAt: '2026-03-05T16:00:00.000Z', email: null, subtotal: 11970, discount: 1197, total: 10773, imported: 1, lines: 1 },
    ]);
    // 1 of 2 units refunded at the net price paid: (2 x 199.00 - 10.00) / 2 = 194.00, dated when it happened.
    expect(shop.db.prepare('SELECT r.returned_at AS at, l.quantity, l.refund_amount AS amount FROM returns r JOIN return_lines l ON l.return_id = r.id').all()).toEqual([
      { at: '2026-03-11T16:00:00.000Z', quantity: 1, amount: 19400 },
    ]);
    expect(shop.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(delta), 0) AS s FROM stock_movements').get()).toEqual(stockBefore);

    // The same file again: the orders are history already.
    const again = await openImport(shop, 'orders', 'orders.xlsx', file);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 2 });

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM returns) AS returns, (SELECT COUNT(*) FROM customers) AS customers').get()).toEqual({
      orders: 0,
      returns: 0,
      customers: 0,
    });
  });
});

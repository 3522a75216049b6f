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
    expect(session.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 0, error: 2 });
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
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 4, skip: 0, error: 2 });

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM returns) AS returns, (SELECT COUNT(*) FROM customers) AS customers').get()).toEqual({
      orders: 0,
      returns: 0,
      customers: 0,
    });
  });
  it('converts local times across a DST change and offsets to UTC, reuses customers and channels, names every bad row, and refuses changed orders', async () => {
    shop = testShop(seedCatalog);
    await shop.ok('settings.update', { timeZone: 'America/New_York' });
    shop.db.prepare("INSERT INTO customers (email, name, created_at) VALUES ('ann@example.com', 'Ann', '2026-01-01T00:00:00.000Z')").run();
    shop.db.prepare("INSERT INTO channels (code, name, platform, active, created_at) VALUES ('shopify', 'Shopify Store', 'shopify', 1, '2026-01-01T00:00:00.000Z')").run();
    const snapshot = () => ({
      channels: shop.db.prepare('SELECT code, name, platform FROM channels ORDER BY id').all(),
      customers: shop.db.prepare('SELECT email, name FROM customers ORDER BY id').all(),
      orders: shop.db.prepare('SELECT COUNT(*) AS n FROM orders').get(),
      stock: shop.db.prepare('SELECT variant_id, location_id, on_hand, committed FROM stock_levels ORDER BY variant_id, location_id').all(),
      movements: shop.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get(),
    });
    const before = snapshot();
    const header = 'Order number,Order date,Customer email,Customer name,Channel,SKU,Quantity,Unit price,Line discount,Status,Refunded quantity,Refund date';
    const good = [
      'S-1,2026-03-07 09:00,ANN@example.com,Ann,shopify,TEA-100,2,128.00,0,paid,2,2026-03-09 09:00', // 2: EST, refunded after the switch to EDT
      'S-2,2026-03-09T23:30:00Z,bob@example.com,Bob,天猫,SOCK_7,1,12.90,1.90,Completed,0,', // 3: carries an offset; new channel
    ];
    const file = [
      header,
      ...good,
      'S-3,2026-03-10 10:00,carol@example.com,Carol,shopify,TEA-100,1,128,0,,2,2026-03-11', // 4: refunds more than sold
      'S-4,2026-03-10 10:00,carol@example.com,Carol,shopify,TEA-100,1,128,0,,1,2026-03-09', // 5: refund before the order
      'S-5,2026-03-10 10:00,carol@example.com,Carol,shopify,TEA-100,0,128,0,,0,', // 6: no units
      'S-5,2026-03-10 10:00,carol@example.com,Carol,shopify,SOCK_7,1,abc,0,,0,', // 7: not money
      'S-6,yesterday,carol@example.com,Carol,shopify,TEA-100,1,128,0,,0,', // 8: not a date
      'S-7,2026-03-10,carol@example.com,Carol,shopify,TEA-100,1,128,0,,1,', // 9: refund without a date: dated at the order date
    ].join('\n');
    const session = await openImport(shop, 'orders', 'orders.csv', file);
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 0, error: 5 });
    expect((await rows(shop, session.sessionId, 'error')).map((r) => [r.row, ...r.issues.map((i) => `${i.key}@${i.header}`)])).toEqual([
      [4, 'refundTooLarge@Refunded quantity'],
      [5, 'refundAfterOrder@Refund date'],
      [6, 'belowMinimum@Quantity'],
      [7, 'notMoney@Unit price'],
      [8, 'notDate@Order date'],
    ]);
    expect((await applyImport(shop, session.sessionId, 'all')).status).toBe('failed');
    expect(snapshot()).toEqual(before);

    await applyImport(shop, session.sessionId, 'validOnly');
    expect(
      shop.db
        .prepare(
          `SELECT o.order_number AS number, c.code AS channel, cu.email, o.status, o.placed_at AS placedAt, o.fulfilled_at AS fulfilledAt, lo.name AS location,
                  o.currency, o.subtotal, o.discount_total AS discount, o.total, o.imported
           FROM orders o JOIN channels c ON c.id = o.channel_id JOIN customers cu ON cu.id = o.customer_id JOIN locations lo ON lo.id = o.location_id
           ORDER BY o.order_number`,
        )
        .all(),
    ).toEqual([
      // Paid and not shipped yet: open, and (imported) committing no stock.
      { number: 'S-1', channel: 'shopify', email: 'ann@example.com', status: 'open', placedAt: '2026-03-07T14:00:00.000Z', fulfilledAt: null, location: 'Main warehouse', currency: 'USD', subtotal: 25600, discount: 0, total: 25600, imported: 1 },
      { number: 'S-2', channel: 'channel', email: 'bob@example.com', status: 'fulfilled', placedAt: '2026-03-09T23:30:00.000Z', fulfilledAt: '2026-03-09T23:30:00.000Z', location: 'Main warehouse', currency: 'USD', subtotal: 1290, discount: 190, total: 1100, imported: 1 },
      { number: 'S-7', channel: 'shopify', email: 'carol@example.com', status: 'fulfilled', placedAt: '2026-03-10T04:00:00.000Z', fulfilledAt: '2026-03-10T04:00:00.000Z', location: 'Main warehouse', currency: 'USD', subtotal: 12800, discount: 0, total: 12800, imported: 1 },
    ]);
    expect(shop.db.prepare('SELECT sku, quantity, unit_price AS price, discount, unit_cost AS cost FROM order_lines ORDER BY id').all()).toEqual([
      { sku: 'TEA-100', quantity: 2, price: 12800, discount: 0, cost: 5000 },
      { sku: 'SOCK_7', quantity: 1, price: 1290, discount: 190, cost: 400 },
      { sku: 'TEA-100', quantity: 1, price: 12800, discount: 0, cost: 5000 },
    ]);
    // Both units refunded at the price paid, dated 09:00 New York time after the DST switch (UTC-4).
    expect(shop.db.prepare('SELECT r.returned_at AS at, l.quantity, l.refund_amount AS amount, l.restocked FROM returns r JOIN return_lines l ON l.return_id = r.id').all()).toEqual([
      { at: '2026-03-09T13:00:00.000Z', quantity: 2, amount: 25600, restocked: 0 },
      // S-7's refund has no date: dated at its order date.
      { at: '2026-03-10T04:00:00.000Z', quantity: 1, amount: 12800, restocked: 0 },
    ]);
    const after = snapshot();
    expect(after.channels).toEqual([...before.channels, { code: 'channel', name: '天猫', platform: 'import' }]);
    expect(after.customers).toEqual([{ email: 'ann@example.com', name: 'Ann' }, { email: 'bob@example.com', name: 'Bob' }, { email: 'carol@example.com', name: 'Carol' }]);
    expect([after.stock, after.movements]).toEqual([before.stock, before.movements]);

    // History is only added: S-1 with another quantity is refused, S-2 as it was is unchanged.
    const changed = await openImport(shop, 'orders', 'orders.csv', [header, good[0]?.replace(',2,128.00,', ',3,128.00,'), good[1]].join('\n'));
    expect(changed.counts).toEqual({ create: 0, update: 0, unchanged: 1, skip: 0, error: 1 });
    expect((await rows(shop, changed.sessionId, 'error'))[0]?.issues.map((i) => i.message)).toEqual([
      'Row 2, Order number: order S-1 already exists; historical orders are only added, never changed',
    ]);

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(snapshot()).toEqual(before);
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM order_lines) AS lines, (SELECT COUNT(*) FROM returns) AS returns, (SELECT COUNT(*) FROM return_lines) AS returnLines').get()).toEqual({
      lines: 0,
      returns: 0,
      returnLines: 0,
    });
  });
  it("reads Shopify's order export: order columns on the first line only, Cancelled at, and the line's discount rather than the order's", async () => {
    shop = testShop(seedCatalog);
    const file = [
      'Name,Email,Financial Status,Created at,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Cancelled at,Source,Lineitem discount',
      '#1001,ann@example.com,paid,2026-03-05 10:00:00 -0500,5.00,2,Tea,128.00,TEA-100,Ann,,web,5.00',
      '#1001,,,,,1,Socks,12.90,SOCK_7,,,,0.00',
      '#1002,bob@example.com,refunded,2026-03-06 11:00:00 -0500,0.00,1,Tea,128.00,TEA-100,Bob,2026-03-06 12:00:00 -0500,web,0.00',
    ].join('\n');
    const session = await openImport(shop, 'orders', 'orders_export.csv', file);
    expect(session.columns.map((c) => c.field)).toEqual([
      'orderNumber', 'customerEmail', 'status', 'orderDate', null, 'quantity', null, 'unitPrice', 'sku', 'customerName', 'cancelledAt', 'channel', 'lineDiscount',
    ]);
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 0, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(
      shop.db
        .prepare(
          `SELECT o.order_number AS number, c.code AS channel, c.platform, cu.name AS customer, o.status, o.placed_at AS placedAt, o.cancelled_at AS cancelledAt,
                  o.subtotal, o.discount_total AS discount, o.total, (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS lines
           FROM orders o JOIN channels c ON c.id = o.channel_id JOIN customers cu ON cu.id = o.customer_id ORDER BY o.order_number`,
        )
        .all(),
    ).toEqual([
      // Financial Status "paid" without a Fulfillment Status: paid, not shipped yet.
      { number: '#1001', channel: 'web', platform: 'import', customer: 'Ann', status: 'open', placedAt: '2026-03-05T15:00:00.000Z', cancelledAt: null, subtotal: 26890, discount: 500, total: 26390, lines: 2 },
      { number: '#1002', channel: 'web', platform: 'import', customer: 'Bob', status: 'cancelled', placedAt: '2026-03-06T16:00:00.000Z', cancelledAt: '2026-03-06T17:00:00.000Z', subtotal: 12800, discount: 0, total: 12800, lines: 1 },
    ]);
  });
});

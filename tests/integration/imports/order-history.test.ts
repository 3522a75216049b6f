// Order history comes in whole: refunds without a date, return reasons in
// English and Chinese (a Taobao export saved as GBK), the cost at the sale,
// paid-not-shipped orders that commit no stock, and an empty shop that gets
// its location and channels on the way. Asserted as a merchant sees them:
// preview counts and notices, order statuses, report figures.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { gbk } from './gbk.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const march = { from: '2026-03-01', to: '2026-03-31' };
const noticesOf = (session: { notices: { key: string; params: Record<string, string | number> }[] }) =>
  Object.fromEntries(session.notices.map((n) => [n.key === 'willCreateChannel' ? `willCreateChannel:${n.params.name}` : n.key, n.params]));

describe('order history import', () => {
  it('imports every order whose refunds have no date, dating them at the order date, and keeps their reasons for the returns report', async () => {
    shop = testShop(seedCatalog);
    const file = [
      'Order number,Order date,Customer email,Channel,SKU,Quantity,Unit price,Line discount,Status,Refunded quantity,Return reason',
      'G-1,2026-03-02 10:00,ann@example.com,Web,HOD-001-BLK-M,2,59.99,0,completed,1,Too small',
      'G-1,2026-03-02 10:00,ann@example.com,Web,TEA-100,1,128.00,0,completed,0,',
      'G-2,2026-03-03 11:00,bob@example.com,Web,TEA-100,2,128.00,16.00,shipped,2,Arrived damaged',
      'G-3,2026-03-04 12:00,carol@example.com,Web,SOCK_7,3,12.90,0,delivered,1,Changed my mind',
      'G-4,2026-03-05 09:00,dan@example.com,Web,HOD-001-BLK-L,1,59.99,0,completed,1,Defective zipper',
    ].join('\n');
    const session = await openImport(shop, 'orders', 'history.csv', file);
    expect(session.counts).toEqual({ create: 5, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(noticesOf(session).refundsDatedAtOrder).toEqual({ count: 4 });
    expect(session.notices.find((n) => n.key === 'refundsDatedAtOrder')?.message).toBe('Refunds without a refund or return date, dated at their order date: 4.');
    expect((await rows(shop, session.sessionId, 'create')).filter((r) => r.notes?.some((n) => n.key === 'rowRefundDatedAtOrder')).map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');

    expect(shop.db.prepare('SELECT o.order_number AS n, r.returned_at AS at, l.reason_code AS reason FROM returns r JOIN orders o ON o.id = r.order_id JOIN return_lines l ON l.return_id = r.id ORDER BY 1').all()).toEqual([
      { n: 'G-1', at: '2026-03-02T10:00:00.000Z', reason: 'too_small' },
      { n: 'G-2', at: '2026-03-03T11:00:00.000Z', reason: 'damaged_in_transit' },
      { n: 'G-3', at: '2026-03-04T12:00:00.000Z', reason: 'changed_mind' },
      { n: 'G-4', at: '2026-03-05T09:00:00.000Z', reason: 'defective' },
    ]);
    // Refunds at the net price paid: 59.99 + (2 × 128.00 − 16.00) + 12.90 + 59.99 = 372.88.
    const kpis = await shop.ok('analytics.kpis', march);
    expect([kpis.current.gmv, kpis.current.discounts, kpis.current.refunds, kpis.current.netSales, kpis.current.unitsReturned]).toEqual([60267, 1600, 37288, 21379, 5]);
    const returnsReport = await shop.ok('analytics.returns', { ...march, by: 'product' });
    expect(returnsReport.total).toEqual({ unitsSold: 9, unitsReturned: 5, returnRate: 5 / 9, byGroup: { quality: 1, transit: 2, fit: 1, preference: 1, other: 0 } });
  });

  it("reads a Taobao export saved as GBK: statuses, 退款状态 and 退款金额, and Chinese return reasons split by the returns report", async () => {
    shop = testShop(seedCatalog);
    await shop.ok('settings.update', { timeZone: 'Asia/Shanghai' });
    const header = '订单编号,买家会员名,订单状态,订单创建时间,宝贝标题,商家编码,购买数量,价格,退款状态,退款金额,退货原因,店铺名称';
    const line = (number: string, status: string, sku: string, refundState = '', refund = '', reason = '') =>
      [number, 'tb_buyer', status, '2026-03-02 10:00:00', '商品', sku, 1, sku === 'TEA-100' ? '128.00' : sku === 'SOCK_7' ? '12.90' : '59.99', refundState, refund, reason, '天猫旗舰店'].join(',');
    const file = gbk(
      [
        header,
        line('T-1001', '交易成功', 'HOD-001-BLK-M', '退款成功', '59.99', '尺码拍错'),
        line('T-1002', '交易成功', 'SOCK_7', '退款成功', '10.00', '快递破损'),
        line('T-1003', '卖家已发货', 'TEA-100', '没有申请退款'),
        line('T-1004', '买家已付款', 'HOD-001-BLK-L'),
        line('T-1005', '等待买家付款', 'TEA-100'),
        line('T-1006', '交易关闭', 'TEA-100'),
        line('T-1007', '交易成功', 'TEA-100', '退款成功', '128.00', '七天无理由退换货'),
        line('T-1008', '交易成功', 'HOD-001-BLK-M', '退款成功', '59.99', '质量问题'),
        line('T-1009', '退款中', 'SOCK_7'),
        line('T-1010', '交易成功', 'SOCK_7', '退款成功', '12.90', '与商品描述不符'),
        line('T-1011', '交易成功', 'TEA-100', '退款成功', '128.00', '少件/漏发'),
        line('T-1012', '已退款', 'HOD-001-BLK-M', '', '', '不喜欢'),
        line('T-1013', '交易成功', 'TEA-100', '退款成功', '128.00', '包装太丑'),
      ].join('\r\n'),
    );
    const session = await openImport(shop, 'orders', 'ExportOrderList.csv', file);
    expect(session.detectedEncoding).toBe('gb18030');
    expect(session.counts).toEqual({ create: 12, update: 0, unchanged: 0, skip: 1, error: 0 });
    expect(noticesOf(session)).toEqual({
      'willCreateChannel:天猫旗舰店': { name: '天猫旗舰店' },
      unpaidSkipped: { count: 1 },
      refundsDatedAtOrder: { count: 8 },
      costFromVariant: { count: 12 },
      refundPending: { count: 1 },
      returnReasonOther: { count: 1, values: '"包装太丑"' },
    });
    const skipped = (await rows(shop, session.sessionId, 'skip')).map((r) => [r.row, r.notes?.map((n) => n.message)]);
    expect(skipped).toEqual([[6, ['not paid ("等待买家付款"): not a sale, skipped']]]);
    await applyImport(shop, session.sessionId);

    expect(shop.db.prepare("SELECT order_number AS n, status FROM orders ORDER BY order_number").all()).toEqual([
      { n: 'T-1001', status: 'fulfilled' },
      { n: 'T-1002', status: 'fulfilled' },
      { n: 'T-1003', status: 'fulfilled' },
      { n: 'T-1004', status: 'open' },
      { n: 'T-1006', status: 'cancelled' },
      { n: 'T-1007', status: 'fulfilled' },
      { n: 'T-1008', status: 'fulfilled' },
      { n: 'T-1009', status: 'fulfilled' },
      { n: 'T-1010', status: 'fulfilled' },
      { n: 'T-1011', status: 'fulfilled' },
      { n: 'T-1012', status: 'fulfilled' },
      { n: 'T-1013', status: 'fulfilled' },
    ]);
    const report = await shop.ok('analytics.returns', { ...march, by: 'channel' });
    // 尺码拍错 fit; 快递破损, 少件/漏发 transit; 七天无理由退换货, 不喜欢 preference; 质量问题, 与商品描述不符 quality; 包装太丑 other.
    expect(report.rows).toEqual([
      { key: expect.any(Number), label: '天猫旗舰店', unitsSold: 11, unitsReturned: 8, refunds: 5999 + 1000 + 12800 + 5999 + 1290 + 12800 + 5999 + 12800, returnRate: 8 / 11, byGroup: { quality: 2, transit: 2, fit: 1, preference: 2, other: 1 } },
    ]);
    expect(report.reasons.map((r) => [r.code, r.reasonGroup, r.unitsReturned])).toEqual([
      ['changed_mind', 'preference', 2],
      ['damaged_in_transit', 'transit', 1],
      ['defective', 'quality', 1],
      ['not_as_described', 'quality', 1],
      ['other', 'other', 1],
      ['size_fit', 'fit', 1],
      ['wrong_item', 'transit', 1],
    ]);
  });

  it("records the cost the file gives, today's cost where it gives none, and leaves an unknown cost unknown, saying so", async () => {
    shop = testShop(seedCatalog);
    const file = [
      'Order number,Order date,SKU,Quantity,Unit price,Unit cost',
      'C-1,2026-03-02,TEA-100,2,128.00,45.00',
      'C-1,2026-03-02,SOCK_7,1,12.90,',
      'C-2,2026-03-03,MUG-50%,1,9.90,',
      'C-2,2026-03-03,HOD-001-BLK-M,1,59.99,20',
    ].join('\n');
    const session = await openImport(shop, 'orders', 'costs.csv', file);
    expect(session.columns.map((c) => c.field)).toEqual(['orderNumber', 'orderDate', 'sku', 'quantity', 'unitPrice', 'unitCost']);
    expect(noticesOf(session)).toMatchObject({ costFromVariant: { count: 1 }, costUnknown: { count: 1 } });
    expect((await rows(shop, session.sessionId)).find((r) => r.row === 4)?.notes?.map((n) => n.message)).toEqual(['no cost is known for MUG-50%: the cost stays unknown']);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare('SELECT sku, unit_cost AS cost FROM order_lines ORDER BY id').all()).toEqual([
      { sku: 'TEA-100', cost: 4500 },
      { sku: 'SOCK_7', cost: 400 },
      { sku: 'MUG-50%', cost: null },
      { sku: 'HOD-001-BLK-M', cost: 2000 },
    ]);
    // COGS at the cost recorded when sold: 2 × 45.00 + 4.00 + 20.00 (the mug's is unknown, so not counted).
    expect((await shop.ok('analytics.kpis', march)).current.cogs).toBe(11400);
    // Today's costs move on; the history keeps what it recorded, and the same file again is history already.
    shop.db.prepare("UPDATE variants SET cost = 999 WHERE sku IN ('SOCK_7', 'MUG-50%')").run();
    expect((await openImport(shop, 'orders', 'costs.csv', file)).counts).toEqual({ create: 0, update: 0, unchanged: 4, skip: 0, error: 0 });
    expect((await openImport(shop, 'orders', 'costs.csv', file.replace('45.00', '46.00'))).counts.error).toBe(2);
  });

  it('keeps paid orders open without committing stock, and counts them as sales', async () => {
    shop = testShop(seedCatalog);
    const levels = async () => (await shop.ok('stock.levels', { offset: 0, limit: 50 })).rows.map((r) => [r.sku, r.onHand, r.committed, r.available]);
    const before = await levels();
    const movements = () => shop.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get();
    const movementsBefore = movements();
    const file = ['Order number,Order date,SKU,Quantity,Unit price,Status', 'P-1,2026-03-02,TEA-100,5,128,paid', 'P-2,2026-03-02,TEA-100,2,128,待发货'].join('\n');
    await applyImport(shop, (await openImport(shop, 'orders', 'paid.csv', file)).sessionId);
    expect(shop.db.prepare('SELECT order_number AS n, status, fulfilled_at AS fulfilledAt, imported FROM orders ORDER BY 1').all()).toEqual([
      { n: 'P-1', status: 'open', fulfilledAt: null, imported: 1 },
      { n: 'P-2', status: 'open', fulfilledAt: null, imported: 1 },
    ]);
    expect(await levels()).toEqual(before);
    expect(before.find((r) => r[0] === 'TEA-100')).toEqual(['TEA-100', 40, 0, 40]);
    expect(movements()).toEqual(movementsBefore);
    const kpis = await shop.ok('analytics.kpis', march);
    expect([kpis.current.orders, kpis.current.units, kpis.current.gmv]).toEqual([2, 7, 7 * 12800]);
  });

  it('imports into an empty shop: the default location (in the shop language) and the channels are announced, then created', async () => {
    shop = testShop((path) => {
      const db = openDatabase(path);
      const at = '2026-01-01T00:00:00.000Z';
      db.prepare("INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'tea', '龙井', ?, ?)").run(at, at);
      db.prepare("INSERT INTO variants (product_id, sku, price, cost, created_at, updated_at) VALUES (1, 'TEA-100', 12800, 5000, ?, ?)").run(at, at);
      db.close();
    });
    await shop.ok('settings.update', { locale: 'zh-CN' });
    const file = ['Order number,Order date,Channel,SKU,Quantity,Unit price', 'E-1,2026-03-02,Tmall,TEA-100,1,128', 'E-2,2026-03-03,,TEA-100,2,128'].join('\n');
    const session = await openImport(shop, 'orders', 'first-orders.csv', file);
    expect(session.counts.create).toBe(2);
    expect(session.notices.map((n) => n.message)).toEqual([
      'The shop has no location yet: will create location "主仓库" to record the orders at.',
      'Will create channel "Tmall".',
      'Will create channel "导入订单".',
      "Lines without a cost in the file, recorded at today's product cost: 2.",
    ]);
    const job = await applyImport(shop, session.sessionId);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect(shop.db.prepare('SELECT code, name, kind FROM locations').all()).toEqual([{ code: 'LOC', name: '主仓库', kind: 'warehouse' }]);
    expect(
      shop.db.prepare('SELECT o.order_number AS n, c.code, c.name AS channel, l.name AS location FROM orders o JOIN channels c ON c.id = o.channel_id JOIN locations l ON l.id = o.location_id ORDER BY 1').all(),
    ).toEqual([
      { n: 'E-1', code: 'tmall', channel: 'Tmall', location: '主仓库' },
      { n: 'E-2', code: 'import', channel: '导入订单', location: '主仓库' },
    ]);
    // The location exists now: a second file says nothing about creating one.
    const next = await openImport(shop, 'orders', 'more.csv', ['Order number,Order date,Channel,SKU,Quantity,Unit price', 'E-3,2026-03-04,Tmall,TEA-100,1,128'].join('\n'));
    expect(next.notices.map((n) => n.key)).toEqual(['costFromVariant']);

    // Undo takes the orders back, and the channels and location made for them.
    await shop.ok('history.undo', { changeSetId: (await shop.ok('imports.get', { sessionId: session.sessionId })).applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM channels) AS channels, (SELECT COUNT(*) FROM locations) AS locations').get()).toEqual({
      orders: 0,
      channels: 0,
      locations: 0,
    });
  });

  it('gives a template in English and Chinese that maps every column back, the cost and return reason included', async () => {
    shop = testShop(seedCatalog);
    for (const language of ['en', 'zh-CN'] as const) {
      const template = await shop.ok('imports.template', { target: 'orders', format: 'csv', language });
      const opened = await openImport(shop, 'orders', template.fileName, Buffer.from(template.contentBase64, 'base64'));
      expect(opened.columns.map((c) => c.field)).toEqual([
        'orderNumber', 'orderDate', 'customerEmail', 'customerName', 'channel', 'sku', 'quantity', 'unitPrice', 'lineDiscount', 'unitCost', 'status', 'refundedQuantity', 'refundDate', 'returnReason',
      ]);
    }
  });
});

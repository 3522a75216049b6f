// A separate returns file against orders already in the shop: rows match
// order lines by order number + SKU (channel when the number repeats), every
// bad row is named, refunds default to the net price paid, the same file
// again changes nothing, the returns report sees the reasons, and undo takes
// the returns away again. The template opens as a returns file.
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

const orders = [
  'Order number,Order date,Channel,SKU,Quantity,Unit price,Line discount,Status,Refunded quantity,Refund date,Return reason',
  'R-1,2026-03-02 10:00,Web,TEA-100,3,128.00,6.00,completed,0,,',
  'R-1,2026-03-02 10:00,Web,SOCK_7,2,12.90,0,completed,0,,',
  'R-2,2026-03-03 10:00,Web,HOD-001-BLK-M,1,59.99,0,completed,1,2026-03-05,Too small',
  'A-9,2026-03-04 10:00,Web,TEA-100,1,128.00,0,completed,0,,',
  'A-9,2026-03-04 10:00,Tmall,TEA-100,1,128.00,0,completed,0,,',
  'R-3,2026-03-04 10:00,Web,TEA-100,1,128.00,0,cancelled,0,,',
].join('\n');

const returnsFile = [
  'Order number,SKU,Quantity,Return date,Reason,Refund amount,Channel',
  'R-1,TEA-100,1,2026-03-10,Damaged in transit,,', // 2
  'R-1,tea-100,2,2026-03-10,不喜欢,200.00,', // 3: same line and day: one return with row 2
  'R-1,SOCK_7,1,,质量问题,,', // 4: no date: dated at the order date
  'R-2,HOD-001-BLK-M,1,2026-03-06,,,', // 5: its one unit was refunded already
  'R-404,TEA-100,1,2026-03-06,,,', // 6
  'R-1,MUG-50%,1,2026-03-06,,,', // 7
  'R-1,SOCK_7,1,2026-03-01,,,', // 8: before the order
  'A-9,TEA-100,1,2026-03-06,,,', // 9: two channels use A-9
  'A-9,TEA-100,1,2026-03-06,,,Tmall', // 10
  'R-3,TEA-100,1,2026-03-06,,,', // 11: cancelled
  'R-1,TEA-100,1,2026-03-11,,,', // 12: rows 2 and 3 returned all 3 already
].join('\n');

describe('returns import', () => {
  it('matches order lines, names every bad row, applies the valid rows as one change set, reads as unchanged the second time, and undoes', async () => {
    shop = testShop(seedCatalog);
    const ordersSession = (await openImport(shop, 'orders', 'orders.csv', orders)).sessionId;
    await applyImport(shop, ordersSession);
    const session = await openImport(shop, 'returns', 'returns.csv', returnsFile);
    expect(session.columns.map((c) => c.field)).toEqual(['orderNumber', 'sku', 'quantity', 'returnDate', 'returnReason', 'refundAmount', 'channel']);
    expect(session.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 0, error: 7 });
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 5, Quantity: more is returned (1) than was sold and not yet returned (0 of 1)'],
      ['Row 6, Order number: no order has the number "R-404"'],
      ['Row 7, SKU: SKU "MUG-50%" is not on order R-1'],
      ['Row 8, Return date: the return is dated before the order (2026-03-02)'],
      ['Row 9, Order number: order number "A-9" is used on several channels (Web, Tmall); add a Channel column'],
      ['Row 11, Order number: order R-3 was cancelled; it has nothing to return'],
      ['Row 12, Quantity: more is returned (1) than was sold and not yet returned (0 of 3)'],
    ]);
    expect(session.notices.map((n) => n.message)).toEqual([
      'Refunds without a refund or return date, dated at their order date: 1.',
      'Returns without a refund amount, refunded at the net price paid on the line: 3.',
    ]);
    const failed = await applyImport(shop, session.sessionId, 'all');
    expect([failed.status, failed.error?.details.key]).toEqual(['failed', 'importHasErrors']);
    await applyImport(shop, session.sessionId, 'validOnly');

    const returns = () =>
      shop.db
        .prepare(
          `SELECT o.order_number AS n, r.returned_at AS at, ol.sku, rl.quantity, rl.reason_code AS reason, rl.refund_amount AS refund, rl.restocked
           FROM returns r JOIN orders o ON o.id = r.order_id JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
           ORDER BY r.id, rl.id`,
        )
        .all();
    expect(returns()).toEqual([
      { n: 'R-2', at: '2026-03-05T00:00:00.000Z', sku: 'HOD-001-BLK-M', quantity: 1, reason: 'too_small', refund: 5999, restocked: 0 },
      // (3 × 128.00 − 6.00) / 3 = 126.00 a unit, net of the line's discount.
      { n: 'R-1', at: '2026-03-10T00:00:00.000Z', sku: 'TEA-100', quantity: 1, reason: 'damaged_in_transit', refund: 12600, restocked: 0 },
      { n: 'R-1', at: '2026-03-10T00:00:00.000Z', sku: 'TEA-100', quantity: 2, reason: 'changed_mind', refund: 20000, restocked: 0 },
      { n: 'R-1', at: '2026-03-02T10:00:00.000Z', sku: 'SOCK_7', quantity: 1, reason: 'defective', refund: 1290, restocked: 0 },
      { n: 'A-9', at: '2026-03-06T00:00:00.000Z', sku: 'TEA-100', quantity: 1, reason: 'other', refund: 12800, restocked: 0 },
    ]);
    const report = await shop.ok('analytics.returns', { from: '2026-03-01', to: '2026-03-31', by: 'product' });
    expect(report.total.byGroup).toEqual({ quality: 1, transit: 1, fit: 1, preference: 2, other: 1 });
    expect(report.total.unitsReturned).toBe(6);

    // The same file again: the returns are in the shop already; nothing doubles.
    const again = await openImport(shop, 'returns', 'returns.csv', returnsFile);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 4, skip: 0, error: 7 });

    // Undoing the orders now would delete the returns the later file added with them: refused, naming that file.
    const ordersSet = (await shop.ok('imports.get', { sessionId: ordersSession })).applied?.changeSetId ?? 0;
    const changeSetId = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied?.changeSetId ?? 0;
    const blocked = await shop.fail('history.undo', { changeSetId: ordersSet });
    expect(blocked.details).toMatchObject({ key: 'undoBlocked', params: { laterChangeSets: String(changeSetId) } });
    await shop.ok('history.undo', { changeSetId });
    expect(returns()).toEqual([{ n: 'R-2', at: '2026-03-05T00:00:00.000Z', sku: 'HOD-001-BLK-M', quantity: 1, reason: 'too_small', refund: 5999, restocked: 0 }]);
    expect((await shop.ok('analytics.returns', { from: '2026-03-01', to: '2026-03-31', by: 'product' })).total.unitsReturned).toBe(1);
    // With the later returns undone, the orders import can be undone too.
    await shop.ok('history.undo', { changeSetId: ordersSet });
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });

  it('finds a Shopify order by its number with or without "#", and opens its own template in both languages', async () => {
    shop = testShop(seedCatalog);
    const shopify = ['Name,Created at,Lineitem quantity,Lineitem price,Lineitem sku,Financial Status', '#1001,2026-03-02 10:00,2,12.90,SOCK_7,paid'].join('\n');
    await applyImport(shop, (await openImport(shop, 'orders', 'orders_export.csv', shopify)).sessionId);
    const file = ['订单号,商品编码,退货数量,退货时间,退货原因,退款金额', '1001,SOCK_7,1,2026-03-04,尺码不合适,'].join('\n');
    const session = await openImport(shop, 'returns', '退货.csv', file);
    expect(session.counts.create).toBe(1);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare('SELECT reason_code AS reason, refund_amount AS refund FROM return_lines').all()).toEqual([{ reason: 'size_fit', refund: 1290 }]);

    for (const language of ['en', 'zh-CN'] as const) {
      const template = await shop.ok('imports.template', { target: 'returns', format: 'xlsx', language });
      const opened = await openImport(shop, 'returns', template.fileName, Buffer.from(template.contentBase64, 'base64'));
      expect(opened.columns.map((c) => c.field)).toEqual(['orderNumber', 'sku', 'quantity', 'returnDate', 'returnReason', 'refundAmount', 'channel']);
      // The example row names an order this shop does not have.
      expect((await rows(shop, opened.sessionId, 'error'))[0]?.issues.map((i) => i.key)).toEqual(['unknownOrder']);
    }
    const book = XLSX.read(Buffer.from((await shop.ok('imports.template', { target: 'returns', format: 'xlsx', language: 'zh-CN' })).contentBase64, 'base64'));
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    expect(sheet ? XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0] : []).toEqual(['订单号', '商品编码', '退货数量', '退货时间', '退货原因', '退款金额', '渠道']);
  });
});

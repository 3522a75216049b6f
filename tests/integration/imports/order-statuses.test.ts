// Every status word of real order exports, and every return reason buyers
// pick, lands where a merchant expects: one order per word through a real
// import (skipped, open, fulfilled, cancelled; refunded in full or not), and
// Shopify's Financial Status + Fulfillment Status read together.
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { returnReasonFor } from '../../../src/spreadsheets/targets/return-reasons.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

type Expected = 'skip' | 'open' | 'fulfilled' | 'cancelled' | 'refunded' | 'refundPending';

const statusWords: [string, Expected][] = [
  ['paid', 'open'],
  ['processing', 'open'],
  ['pending', 'skip'],
  ['shipped', 'fulfilled'],
  ['fulfilled', 'fulfilled'],
  ['completed', 'fulfilled'],
  ['Completed', 'fulfilled'],
  ['closed', 'fulfilled'],
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled'],
  ['voided', 'cancelled'],
  ['refunded', 'refunded'],
  ['partially_refunded', 'fulfilled'],
  ['待付款', 'skip'],
  ['等待买家付款', 'skip'],
  ['待发货', 'open'],
  ['等待发货', 'open'],
  ['买家已付款', 'open'],
  ['买家已付款，等待卖家发货', 'open'],
  ['等待卖家发货', 'open'],
  ['已发货', 'fulfilled'],
  ['卖家已发货', 'fulfilled'],
  ['等待买家确认收货', 'fulfilled'],
  ['卖家已发货，等待买家确认', 'fulfilled'],
  ['交易成功', 'fulfilled'],
  ['已完成', 'fulfilled'],
  ['交易关闭', 'cancelled'],
  ['已取消', 'cancelled'],
  ['退款中', 'refundPending'],
  ['售后中', 'refundPending'],
  ['已退款', 'refunded'],
  ['退款成功', 'refunded'],
];

describe('order status words', () => {
  it('map every word of real exports: unpaid skipped with a note, paid open, shipped and completed fulfilled, cancelled kept, refunded in full', async () => {
    shop = testShop(seedCatalog);
    const file = ['Order number,Order date,SKU,Quantity,Unit price,Status', ...statusWords.map(([word], i) => `W-${i + 10},2026-03-02,TEA-100,2,128,"${word}"`)].join('\n');
    const session = await openImport(shop, 'orders', 'statuses.csv', file);
    const skipped = statusWords.filter(([, expected]) => expected === 'skip').length;
    expect(session.counts).toEqual({ create: statusWords.length - skipped, update: 0, unchanged: 0, skip: skipped, error: 0 });
    expect(session.notices.find((n) => n.key === 'unpaidSkipped')?.params).toEqual({ count: skipped });
    expect(session.notices.find((n) => n.key === 'refundPending')?.params).toEqual({ count: 2 });
    expect(session.notices.find((n) => n.key === 'refundsDatedAtOrder')?.params).toEqual({ count: 3 });
    for (const row of await rows(shop, session.sessionId, 'skip')) expect(row.notes?.[0]?.key).toBe('rowUnpaid');
    await applyImport(shop, session.sessionId);
    // The summary after applying counts the unpaid rows as skipped, not as written.
    expect((await shop.ok('imports.get', { sessionId: session.sessionId })).applied).toMatchObject({ written: statusWords.length - skipped, skipped });

    const stored = new Map(
      (
        shop.db
          .prepare(
            `SELECT o.order_number AS n, o.status, COALESCE((SELECT SUM(rl.quantity) FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = o.id), 0) AS refunded
             FROM orders o`,
          )
          .all() as { n: string; status: string; refunded: number }[]
      ).map((o) => [o.n, o]),
    );
    const seen = statusWords.map(([word], i) => {
      const order = stored.get(`W-${i + 10}`);
      const meaning: Expected = !order ? 'skip' : order.refunded === 2 ? 'refunded' : order.status === 'fulfilled' && word.match(/退款中|售后中/) ? 'refundPending' : (order.status as Expected);
      return [word, meaning];
    });
    expect(seen).toEqual(statusWords);
  });

  it("reads Shopify's Financial Status and Fulfillment Status together", async () => {
    shop = testShop(seedCatalog);
    const header = [
      'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
      'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
      'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Cancelled at', 'Payment Method', 'Refunded Amount', 'Vendor', 'Id', 'Source', 'Lineitem discount',
    ].join(',');
    const order = (name: string, financial: string, fulfillment: string, cancelledAt = '') =>
      [name, 'ann@example.com', financial, '2026-03-02 10:00:00 +0800', fulfillment, '', 'no', 'CNY', '128.00', '0.00', '0.00', '128.00', '', '0.00', '', '2026-03-02 10:00:00 +0800', 1, 'Tea', '128.00', '', 'TEA-100', 'true', 'true', fulfillment, 'Ann', cancelledAt, 'Alipay', '0.00', 'Tea Co', '5551', 'web', '0.00'].join(',');
    const file = [
      header,
      order('#2001', 'paid', 'fulfilled'),
      order('#2002', 'paid', 'unfulfilled'),
      order('#2003', 'paid', 'partial'),
      order('#2004', 'refunded', 'fulfilled'),
      order('#2005', 'pending', 'unfulfilled'),
      order('#2006', 'paid', 'unfulfilled', '2026-03-03 09:00:00 +0800'),
      order('#2007', 'partially_paid', ''),
      order('#2008', 'authorized', 'unfulfilled'),
    ].join('\n');
    const session = await openImport(shop, 'orders', 'orders_export_1.csv', file);
    expect(session.columns.filter((c) => c.field !== null).map((c) => `${c.header}=${c.field}`)).toEqual([
      'Name=orderNumber', 'Email=customerEmail', 'Financial Status=status', 'Fulfillment Status=fulfillmentStatus', 'Discount Code=couponCode', 'Created at=orderDate',
      'Lineitem quantity=quantity', 'Lineitem price=unitPrice', 'Lineitem sku=sku', 'Billing Name=customerName', 'Cancelled at=cancelledAt', 'Source=channel', 'Lineitem discount=lineDiscount',
    ]);
    expect(session.counts).toEqual({ create: 7, update: 0, unchanged: 0, skip: 1, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(
      shop.db
        .prepare('SELECT order_number AS n, status, (SELECT COUNT(*) FROM returns r WHERE r.order_id = orders.id) AS refunds FROM orders ORDER BY 1')
        .all(),
    ).toEqual([
      { n: '#2001', status: 'fulfilled', refunds: 0 },
      { n: '#2002', status: 'open', refunds: 0 },
      { n: '#2003', status: 'fulfilled', refunds: 0 },
      { n: '#2004', status: 'fulfilled', refunds: 1 },
      { n: '#2006', status: 'cancelled', refunds: 0 },
      { n: '#2007', status: 'open', refunds: 0 },
      { n: '#2008', status: 'open', refunds: 0 },
    ]);
  });

  it('says which status words it does not know, and imports those orders as completed sales', async () => {
    shop = testShop(seedCatalog);
    const file = ['Order number,Order date,SKU,Quantity,Unit price,Status', 'U-1,2026-03-02,TEA-100,1,128,挂起', 'U-2,2026-03-02,TEA-100,1,128,on-the-moon'].join('\n');
    const session = await openImport(shop, 'orders', 'odd.csv', file);
    expect(session.counts.create).toBe(2);
    expect(session.notices.find((n) => n.key === 'statusUnknown')?.message).toBe(
      'Orders with a status Shopdesk does not know ("挂起", "on-the-moon"), imported as completed sales: 2.',
    );
    expect((await rows(shop, session.sessionId, 'create'))[0]?.notes?.map((n) => n.key)).toEqual(['rowStatusUnknown']);
  });
});

describe('return reasons', () => {
  const reasons: [string, string][] = [
    ['尺码不合适', 'size_fit'],
    ['尺码拍错', 'size_fit'],
    ['尺码拍错了，想换大一号', 'size_fit'],
    ['Wrong size', 'size_fit'],
    ["Doesn't fit", 'size_fit'],
    ['尺码偏小', 'too_small'],
    ['Too small', 'too_small'],
    ['Too big', 'too_large'],
    ['质量问题', 'defective'],
    ['Quality issue', 'defective'],
    ['Defective or broken', 'defective'],
    ['运输损坏', 'damaged_in_transit'],
    ['快递破损', 'damaged_in_transit'],
    ['商品破损', 'damaged_in_transit'],
    ['快递破损/商品破损', 'damaged_in_transit'],
    ['Arrived damaged', 'damaged_in_transit'],
    ['与描述不符', 'not_as_described'],
    ['与商品描述不符', 'not_as_described'],
    ['Not as described', 'not_as_described'],
    ['颜色与图片不符', 'colour_differs'],
    ['不想要了', 'changed_mind'],
    ['不喜欢', 'changed_mind'],
    ['不喜欢/不想要了', 'changed_mind'],
    ['七天无理由', 'changed_mind'],
    ['七天无理由退换货', 'changed_mind'],
    ['Changed my mind', 'changed_mind'],
    ['少件/漏发', 'wrong_item'],
    ['少件', 'wrong_item'],
    ['发错货', 'wrong_item'],
    ['Wrong item sent', 'wrong_item'],
    ['物流太慢', 'late_delivery'],
    ['too_small', 'too_small'],
    ['其他', 'other'],
    ['Other', 'other'],
    ['包装太丑', 'other'],
    ['My outfit arrived late', 'late_delivery'],
  ];
  it('map free text in English and Chinese to the reason codes the returns report groups', () => {
    expect(reasons.map(([text]) => [text, returnReasonFor(text).code])).toEqual(reasons);
    expect(returnReasonFor('包装太丑').recognised).toBe(false);
    expect(returnReasonFor('其他').recognised).toBe(true);
  });
});

describe('texts', () => {
  it('translate every notice and row note of orders and returns imports, in both languages', () => {
    const keys = [
      'willCreateLocation', 'willCreateChannel', 'unpaidSkipped', 'refundsDatedAtOrder', 'costFromVariant', 'costUnknown', 'refundPending', 'statusUnknown',
      'returnReasonOther', 'refundAtNetPrice', 'rowUnpaid', 'rowRefundDatedAtOrder', 'rowCostUnknown', 'rowRefundPending', 'rowStatusUnknown', 'rowReturnReasonOther',
    ];
    for (const key of keys) {
      expect(Object.keys(en), key).toContain(`importNotices.${key}`);
      expect(Object.keys(zhCN), key).toContain(`importNotices.${key}`);
    }
    for (const code of ['size_fit', 'wrong_item']) expect(Object.keys(en)).toContain(`analytics.reason.${code}`);
    expect(zhCN['imports.target.returns']).toBe('退货');
  });
});

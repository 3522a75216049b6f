// Partial refunds on WooCommerce: the per-line refunded quantities come from each partly refunded
// order's refunds (one extra request per such order, none for the others).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningWooEmulator, startWooEmulator } from '../../emulators/woocommerce/index.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

let woo: RunningWooEmulator;
beforeEach(async () => {
  woo = await startWooEmulator({ site: { name: 'Tea & Mugs' } });
});
afterEach(async () => {
  await woo.stop();
});

const refundReads = (): number => woo.sideDoor.counters().byRoute['GET /wp-json/wc/v3/orders/:id/refunds'] ?? 0;

describe('woocommerce partial refunds', () => {
  it('maps the units each refund returned to its line; amount-only refunds and full refunds need no extra read', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 20 });
    const tea = woo.sideDoor.seedProduct({ sku: 'TEA', regular_price: '5.00', manage_stock: true, stock_quantity: 20 });
    const plain = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }], 'processing');
    const partly = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 3 }, { product_id: tea.id, quantity: 2 }], 'completed');
    const [mugLine, teaLine] = partly.line_items;
    woo.sideDoor.refundOrder(partly.id, 8, 'chipped', [{ lineItemId: mugLine?.id ?? 0, quantity: 1 }]);
    woo.sideDoor.refundOrder(partly.id, 13, 'changed mind', [{ lineItemId: mugLine?.id ?? 0, quantity: 1 }, { lineItemId: teaLine?.id ?? 0, quantity: 1 }]);
    const goodwill = woo.sideDoor.placeOrder([{ product_id: tea.id, quantity: 1 }], 'completed');
    woo.sideDoor.refundOrder(goodwill.id, 1, 'late delivery');
    const full = woo.sideDoor.placeOrder([{ product_id: tea.id, quantity: 2 }], 'processing');
    woo.sideDoor.refundOrder(full.id, 10, 'returned');
    const { connector } = wooConnector(woo);

    const page = await connector.pullOrders({ since: null, overlapSeconds: 5, cursor: null, limit: 50 });
    const orders = new Map(page.orders.map((o) => [o.remoteOrderId, o]));
    expect(orders.get(String(partly.id))?.status).toBe('partially_refunded');
    expect(orders.get(String(partly.id))?.lines.map((l) => [l.sku, l.quantity, l.refundedQuantity])).toEqual([['MUG', 3, 2], ['TEA', 2, 1]]);
    expect(orders.get(String(goodwill.id))).toMatchObject({ status: 'partially_refunded', lines: [expect.objectContaining({ refundedQuantity: 0 })] });
    expect(orders.get(String(full.id))?.lines[0]?.refundedQuantity).toBe(2);
    expect(orders.get(String(plain.id))?.lines[0]?.refundedQuantity).toBe(0);
    // partly and goodwill: one read each; the plain and the fully refunded order none.
    expect(refundReads()).toBe(2);
  });

  it('a failed refunds read is retried like any read', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00' });
    const order = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 2 }], 'completed');
    woo.sideDoor.refundOrder(order.id, 8, '', [{ lineItemId: order.line_items[0]?.id ?? 0, quantity: 1 }]);
    woo.sideDoor.failNext(1, 503, { pathIncludes: '/refunds' });
    const { connector } = wooConnector(woo);
    const page = await connector.pullOrders({ since: null, overlapSeconds: 5, cursor: null, limit: 50 });
    expect(page.orders[0]?.lines[0]?.refundedQuantity).toBe(1);
    expect(refundReads()).toBe(2);
  });
});

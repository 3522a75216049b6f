// GET /orders/{id}/refunds: the refund resources with their refunded lines (negative quantities,
// `_refunded_item_id` naming the order line), newest first and paged; the order itself keeps
// only the `refunds` summary.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type RunningWooEmulator, startWooEmulator } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

let emulator: RunningWooEmulator;
beforeEach(async () => {
  emulator = await startWooEmulator();
});
afterEach(() => emulator.stop());

it('lists an order’s refunds with their lines, newest first, and keeps the order’s summary unchanged', async () => {
  const door = emulator.sideDoor;
  const mug = door.seedProduct({ sku: 'MUG', regular_price: '8.00' });
  const order = door.placeOrder([{ product_id: mug.id, quantity: 3 }], 'completed');
  const lineId = order.line_items[0]?.id ?? 0;
  door.refundOrder(order.id, 2, 'goodwill');
  door.refundOrder(order.id, 16, 'chipped', [{ lineItemId: lineId, quantity: 2 }]);

  const reply = await call(emulator, `/orders/${order.id}/refunds`);
  expect(reply.status).toBe(200);
  expect(reply.headers.get('x-wp-total')).toBe('2');
  const [latest, earlier] = reply.json as { reason: string; amount: string; line_items: unknown[] }[];
  expect(latest).toMatchObject({
    reason: 'chipped', amount: '16.00',
    line_items: [{ product_id: mug.id, sku: 'MUG', quantity: -2, total: '-16.00', meta_data: [{ key: '_refunded_item_id', value: String(lineId) }] }],
  });
  expect(earlier).toMatchObject({ reason: 'goodwill', amount: '2.00', line_items: [] });
  const summary = (await call(emulator, `/orders/${order.id}`)).json as { refunds: unknown[] };
  expect(summary.refunds).toEqual([
    { id: expect.any(Number) as unknown, reason: 'goodwill', total: '-2.00' },
    { id: expect.any(Number) as unknown, reason: 'chipped', total: '-16.00' },
  ]);
  expect((await call(emulator, `/orders/${order.id}/refunds?per_page=1&page=2`)).json).toMatchObject([{ reason: 'goodwill' }]);
});

it('answers 404 for an unknown order and refuses to refund more than a line holds', async () => {
  const missing = await call(emulator, '/orders/999/refunds');
  expect(missing.status).toBe(404);
  expect(errorCode(missing)).toBe('woocommerce_rest_invalid_order_id');
  const mug = emulator.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00' });
  const order = emulator.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }]);
  expect(() => emulator.sideDoor.refundOrder(order.id, 16, '', [{ lineItemId: order.line_items[0]?.id ?? 0, quantity: 2 }])).toThrow(/cannot refund/);
});

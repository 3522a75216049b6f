// Orders changing state in Shopify: cancelled, refunded, partly refunded, edited; updatedAt
// moves (at one-second precision) and incremental reads see the change.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { at, gql } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
beforeEach(async () => {
  shop = await startSeededShop();
});
afterEach(() => shop.emulator.stop());

const orderQuery = `query($id: ID!) { order(id: $id) { updatedAt cancelledAt displayFinancialStatus
  lineItems(first: 10) { nodes { sku quantity currentQuantity } }
  refunds { refundLineItems(first: 10) { nodes { quantity lineItem { sku } } } } } }`;

async function readOrder(id: string): Promise<Record<string, unknown>> {
  return at((await gql(shop.emulator, orderQuery, { id })).body, 'data', 'order') as Record<string, unknown>;
}

it('moves updatedAt when an order is cancelled, and returns its units to stock', async () => {
  const door = shop.emulator.sideDoor;
  door.freezeClock('2026-12-06T09:30:00.500Z');
  const id = door.createOrder([{ sku: 'SKU-1', quantity: 3 }]);
  const item = shop.variants[0]?.inventoryItemId ?? '';
  expect(door.available(item, shop.warehouse)).toBe(7);
  const created = await readOrder(id);
  door.advanceClock(1_000);
  door.cancelOrder(id);
  const cancelled = await readOrder(id);
  expect(created.updatedAt).toBe('2026-12-06T09:30:00Z');
  expect(cancelled.updatedAt).toBe('2026-12-06T09:30:01Z');
  expect(cancelled.cancelledAt).toBe(cancelled.updatedAt);
  expect(cancelled.displayFinancialStatus).toBe('REFUNDED');
  expect(door.available(item, shop.warehouse)).toBe(10);
});

it('keeps the same updatedAt for a change within the same second (one-second precision)', async () => {
  const door = shop.emulator.sideDoor;
  door.freezeClock('2026-12-06T10:00:00.100Z');
  const id = door.createOrder([{ sku: 'SKU-1', quantity: 1 }]);
  expect(door.order(id).updatedAt).toBe('2026-12-06T10:00:00Z');
  door.advanceClock(800);
  door.editOrderLines(id, [{ sku: 'SKU-1', quantity: 2 }]);
  expect(door.order(id)).toMatchObject({ updatedAt: '2026-12-06T10:00:00Z', lines: [{ sku: 'SKU-1', quantity: 2 }] });
  door.advanceClock(200);
  door.editOrderLines(id, [{ sku: 'SKU-1', quantity: 3 }]);
  expect(door.order(id).updatedAt).toBe('2026-12-06T10:00:01Z');
});

it('records partial and full refunds with their lines and the financial status', async () => {
  const door = shop.emulator.sideDoor;
  const id = door.createOrder([{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1 }]);
  door.advanceClock(2_000);
  door.refundOrder(id, [{ sku: 'SKU-1', quantity: 1 }]);
  const partly = await readOrder(id);
  expect(partly.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
  expect(at(partly, 'lineItems', 'nodes')).toEqual([
    { sku: 'SKU-1', quantity: 2, currentQuantity: 1 }, { sku: 'SKU-2', quantity: 1, currentQuantity: 1 },
  ]);
  expect(at(partly, 'refunds', 0, 'refundLineItems', 'nodes')).toEqual([{ quantity: 1, lineItem: { sku: 'SKU-1' } }]);
  door.advanceClock(2_000);
  door.refundOrder(id);
  const refunded = await readOrder(id);
  expect(refunded.displayFinancialStatus).toBe('REFUNDED');
  expect(Date.parse(String(refunded.updatedAt))).toBeGreaterThan(Date.parse(String(partly.updatedAt)));
  expect(at(refunded, 'refunds', 1, 'refundLineItems', 'nodes')).toEqual([
    { quantity: 1, lineItem: { sku: 'SKU-1' } }, { quantity: 1, lineItem: { sku: 'SKU-2' } },
  ]);
  expect(() => door.refundOrder(id, [{ sku: 'SKU-2', quantity: 1 }])).toThrow(/cannot refund/);
});

it('shows an edited order to an incremental read from the previous watermark', async () => {
  const door = shop.emulator.sideDoor;
  const id = door.createOrder([{ sku: 'SKU-1', quantity: 1 }]);
  const watermark = door.order(id).updatedAt;
  const changedSince = `query($q: String!) { orders(first: 10, query: $q) { nodes { id lineItems(first: 5) { nodes { sku quantity } } } } }`;
  const nothing = await gql(shop.emulator, changedSince, { q: `updated_at:>'${watermark}'` });
  expect(at(nothing.body, 'data', 'orders', 'nodes')).toEqual([]);
  door.advanceClock(1_000);
  door.editOrderLines(id, [{ sku: 'SKU-1', quantity: 0 }, { sku: 'SKU-3', quantity: 2 }]);
  const changed = await gql(shop.emulator, changedSince, { q: `updated_at:>'${watermark}'` });
  expect(at(changed.body, 'data', 'orders', 'nodes')).toEqual([
    { id, lineItems: { nodes: [{ sku: 'SKU-1', quantity: 0 }, { sku: 'SKU-3', quantity: 2 }] } },
  ]);
  expect(door.available(shop.variants[0]?.inventoryItemId ?? '', shop.warehouse)).toBe(10);
  expect(door.available(shop.variants[2]?.inventoryItemId ?? '', shop.warehouse)).toBe(8);
});

it('serves line prices (seeded or the variant price), discounts, the e-mail and the assigned location, at Shopify cost', async () => {
  const door = shop.emulator.sideDoor;
  const id = door.createOrder([{ sku: 'SKU-1', quantity: 2, price: '17.5', discount: '3.00' }, { sku: 'SKU-2', quantity: 1 }], {
    email: 'buyer@example.com', locationGid: shop.store,
  });
  const query = `query($id: ID!) { order(id: $id) { email
    lineItems(first: 5) { nodes { originalUnitPriceSet { shopMoney { amount currencyCode } } totalDiscountSet { shopMoney { amount } } } }
    fulfillmentOrders(first: 2) { nodes { status assignedLocation { location { id } } } } } }`;
  const answer = await gql(shop.emulator, query, { id });
  const order = at(answer.body, 'data', 'order');
  expect(at(order, 'email')).toBe('buyer@example.com');
  expect(at(order, 'lineItems', 'nodes')).toEqual([
    { originalUnitPriceSet: { shopMoney: { amount: '17.50', currencyCode: 'USD' } }, totalDiscountSet: { shopMoney: { amount: '3.00' } } },
    { originalUnitPriceSet: { shopMoney: { amount: '19.99', currencyCode: 'USD' } }, totalDiscountSet: { shopMoney: { amount: '0.00' } } },
  ]);
  expect(at(order, 'fulfillmentOrders', 'nodes')).toEqual([{ status: 'OPEN', assignedLocation: { location: { id: shop.store } } }]);
  // order 1 + lineItems (2 + 5 × (1 + 2 + 2)) + fulfillmentOrders (2 + 2 × (1 + 1 + 1)).
  expect(at(answer.body, 'extensions', 'cost', 'requestedQueryCost')).toBe(1 + 27 + 8);
  expect(door.order(id)).toMatchObject({ email: 'buyer@example.com', locationId: shop.store });
  door.cancelOrder(id);
  const cancelled = await gql(shop.emulator, query, { id });
  expect(at(cancelled.body, 'data', 'order', 'fulfillmentOrders', 'nodes', 0, 'status')).toBe('CLOSED');
});

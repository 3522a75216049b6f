// inventorySetQuantities: compare-and-set with changeFromQuantity, and @idempotent keys.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { at, gql, setInput, setQuantitiesMutation } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
let item: string;
beforeEach(async () => {
  shop = await startSeededShop();
  item = shop.variants[0]?.inventoryItemId ?? '';
});
afterEach(() => shop.emulator.stop());

it('sets the available quantity when changeFromQuantity is the current quantity', async () => {
  const answer = await gql(shop.emulator, setQuantitiesMutation, { input: setInput(item, shop.warehouse, 7, 10), key: 'k1' });
  expect(at(answer.body, 'data', 'inventorySetQuantities', 'userErrors')).toEqual([]);
  expect(at(answer.body, 'data', 'inventorySetQuantities', 'inventoryAdjustmentGroup', 'changes')).toEqual([
    { name: 'available', delta: -3, quantityAfterChange: 7, item: { id: item }, location: { id: shop.warehouse } },
  ]);
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(7);
});

it('refuses a stale changeFromQuantity with CHANGE_FROM_QUANTITY_STALE and applies nothing of the request', async () => {
  shop.emulator.sideDoor.setAvailable(item, shop.warehouse, 12); // the merchant edited it in Shopify admin
  const other = shop.variants[1]?.inventoryItemId ?? '';
  const input = { name: 'available', reason: 'correction', quantities: [
    { inventoryItemId: other, locationId: shop.warehouse, quantity: 4, changeFromQuantity: 10 },
    { inventoryItemId: item, locationId: shop.warehouse, quantity: 7, changeFromQuantity: 10 },
  ] };
  const answer = await gql(shop.emulator, setQuantitiesMutation, { input, key: 'k-stale' });
  expect(at(answer.body, 'data', 'inventorySetQuantities', 'inventoryAdjustmentGroup')).toBeNull();
  expect(at(answer.body, 'data', 'inventorySetQuantities', 'userErrors')).toEqual([{
    code: 'CHANGE_FROM_QUANTITY_STALE', field: ['input', 'quantities', '1', 'changeFromQuantity'],
    message: 'The specified compare quantity does not match the current quantity.',
  }]);
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(12);
  expect(shop.emulator.sideDoor.available(other, shop.warehouse)).toBe(10);
  expect(shop.emulator.sideDoor.counters().mutationsApplied).toBe(0);
});

it('requires changeFromQuantity from 2026-04 but not in 2026-01, and rejects unknown reasons and items', async () => {
  const noCompare = { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: shop.warehouse, quantity: 5 }] };
  const current = await gql(shop.emulator, setQuantitiesMutation, { input: noCompare, key: 'a' });
  expect(at(current.body, 'errors', 0, 'message')).toMatch(/requires changeFromQuantity/);
  const older = await gql(shop.emulator, setQuantitiesMutation, { input: noCompare, key: 'b' }, { version: '2026-01' });
  expect(at(older.body, 'data', 'inventorySetQuantities', 'userErrors')).toEqual([]);
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(5);

  const badReason = { ...setInput(item, shop.warehouse, 1, 5), reason: 'because' };
  const reason = await gql(shop.emulator, setQuantitiesMutation, { input: badReason, key: 'c' });
  expect(at(reason.body, 'data', 'inventorySetQuantities', 'userErrors', 0, 'code')).toBe('INVALID_REASON');
  const unknownItem = await gql(shop.emulator, setQuantitiesMutation, { input: setInput('gid://shopify/InventoryItem/1', shop.warehouse, 1, 0), key: 'd' });
  expect(at(unknownItem.body, 'data', 'inventorySetQuantities', 'userErrors', 0, 'code')).toBe('INVALID_INVENTORY_ITEM');
  const extraField = { ...setInput(item, shop.warehouse, 1, 5), ignoreCompareQuantity: true };
  const invalid = await gql(shop.emulator, setQuantitiesMutation, { input: extraField, key: 'e' });
  expect(at(invalid.body, 'errors', 0, 'extensions', 'code')).toBe('INVALID_VARIABLE');
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(5);
});

it('replays the first answer for a repeated @idempotent key without applying twice', async () => {
  const door = shop.emulator.sideDoor;
  const variables = { input: setInput(item, shop.warehouse, 7, 10), key: 'push-42' };
  const first = await gql(shop.emulator, setQuantitiesMutation, variables);
  door.setAvailable(item, shop.warehouse, 9); // a sale in Shopify after our push
  const retry = await gql(shop.emulator, setQuantitiesMutation, variables);
  expect(retry.body.data).toEqual(first.body.data);
  expect(door.available(item, shop.warehouse)).toBe(9);
  expect(door.counters()).toMatchObject({ mutationsApplied: 1, idempotentReplays: 1 });

  const reused = await gql(shop.emulator, setQuantitiesMutation, { input: setInput(item, shop.warehouse, 3, 9), key: 'push-42' });
  expect(at(reused.body, 'errors', 0, 'extensions', 'code')).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
  expect(door.available(item, shop.warehouse)).toBe(9);
});

it('requires the @idempotent directive from 2026-04', async () => {
  const withoutKey = `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`;
  const answer = await gql(shop.emulator, withoutKey, { input: setInput(item, shop.warehouse, 7, 10) });
  expect(at(answer.body, 'errors', 0, 'message')).toMatch(/@idempotent directive is required/);
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(10);
});

it('compares and sets on_hand, which counts units committed to open orders', async () => {
  shop.emulator.sideDoor.createOrder([{ sku: 'SKU-1', quantity: 4 }], { locationGid: shop.warehouse }); // available 6, committed 4
  const input = { ...setInput(item, shop.warehouse, 12, 10), name: 'on_hand' };
  const answer = await gql(shop.emulator, setQuantitiesMutation, { input, key: 'oh' });
  expect(at(answer.body, 'data', 'inventorySetQuantities', 'inventoryAdjustmentGroup', 'changes', 0)).toMatchObject({
    name: 'on_hand', delta: 2, quantityAfterChange: 12,
  });
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(8);
  const stale = await gql(shop.emulator, setQuantitiesMutation, { input: { ...input, quantities: [{ inventoryItemId: item,
    locationId: shop.warehouse, quantity: 1, changeFromQuantity: 8 }] }, key: 'oh-2' });
  expect(at(stale.body, 'data', 'inventorySetQuantities', 'userErrors', 0, 'code')).toBe('CHANGE_FROM_QUANTITY_STALE');
});

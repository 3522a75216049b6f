// Injected faults: 5xx, connection reset, a delay past the client's timeout, and an answer
// lost after the change was applied (recovered by retrying with the same @idempotent key).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { at, gql, setInput, setQuantitiesMutation } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
let item: string;
beforeEach(async () => {
  shop = await startSeededShop();
  item = shop.variants[0]?.inventoryItemId ?? '';
});
afterEach(() => shop.emulator.stop());

it('answers the next N requests with the chosen 5xx, then serves normally', async () => {
  shop.emulator.sideDoor.failNext(2, 502);
  expect((await gql(shop.emulator, '{ shop { name } }')).status).toBe(502);
  expect((await gql(shop.emulator, '{ shop { name } }')).status).toBe(502);
  expect(at((await gql(shop.emulator, '{ shop { name } }')).body, 'data', 'shop', 'name')).toBe('Tea House');
  expect(shop.emulator.sideDoor.counters()).toMatchObject({ requests: 3, costSpent: 1, faultsInjected: { 'http-error': 2 } });
});

it('resets the connection without applying anything', async () => {
  shop.emulator.sideDoor.resetNext(1);
  await expect(gql(shop.emulator, setQuantitiesMutation, { input: setInput(item, shop.warehouse, 1, 10), key: 'r' })).rejects.toThrow();
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(10);
  expect(shop.emulator.sideDoor.counters().faultsInjected.reset).toBe(1);
});

it('delays past the client timeout, and still applies the change afterwards as a real server would', async () => {
  shop.emulator.sideDoor.delayNext(1, 300);
  const variables = { input: setInput(item, shop.warehouse, 4, 10), key: 'slow' };
  await expect(gql(shop.emulator, setQuantitiesMutation, variables, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(10);
  await vi.waitFor(() => expect(shop.emulator.sideDoor.available(item, shop.warehouse)).toBe(4), { timeout: 5_000, interval: 20 });
});

it('applies the change then loses the answer; the retry with the same key gets the answer and applies nothing more', async () => {
  const door = shop.emulator.sideDoor;
  door.loseAnswerNext(1);
  const variables = { input: setInput(item, shop.warehouse, 6, 10), key: 'lost-1' };
  await expect(gql(shop.emulator, setQuantitiesMutation, variables)).rejects.toThrow();
  expect(door.available(item, shop.warehouse)).toBe(6);
  const retry = await gql(shop.emulator, setQuantitiesMutation, variables);
  expect(at(retry.body, 'data', 'inventorySetQuantities', 'userErrors')).toEqual([]);
  expect(at(retry.body, 'data', 'inventorySetQuantities', 'inventoryAdjustmentGroup', 'changes', 0, 'quantityAfterChange')).toBe(6);
  expect(door.available(item, shop.warehouse)).toBe(6);
  expect(door.counters()).toMatchObject({ mutationsApplied: 1, idempotentReplays: 1, faultsInjected: { 'lose-answer': 1 } });
  // Without the key, the same retry would have been refused as stale: the reason keys are persisted before sending.
  const newKey = await gql(shop.emulator, setQuantitiesMutation, { ...variables, key: 'lost-2' });
  expect(at(newKey.body, 'data', 'inventorySetQuantities', 'userErrors', 0, 'code')).toBe('CHANGE_FROM_QUANTITY_STALE');
});

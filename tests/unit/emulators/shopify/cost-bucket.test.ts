// The calculated query cost, the leaky bucket and THROTTLED answers.
import { afterEach, expect, it } from 'vitest';
import { at, gql, setInput, setQuantitiesMutation } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop | undefined;
afterEach(async () => {
  await shop?.emulator.stop();
  shop = undefined;
});

const pageQuery = '{ productVariants(first: 50) { nodes { sku inventoryItem { id } } pageInfo { hasNextPage } } }';

it('reports requested and actual cost and the throttle status on every answer, refunding what was not used', async () => {
  shop = await startSeededShop({ bucket: { maximumAvailable: 1000, restoreRate: 100 } }, 3);
  const answer = await gql(shop.emulator, pageQuery);
  // 2 for the connection + 50 × (1 variant + 1 inventoryItem) requested; 3 rows really returned.
  expect(at(answer.body, 'extensions', 'cost')).toEqual({
    requestedQueryCost: 102,
    actualQueryCost: 8,
    throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 992, restoreRate: 100 },
  });
  expect(shop.emulator.sideDoor.counters().costSpent).toBe(8);
  const shopName = await gql(shop.emulator, '{ shop { name } }');
  expect(at(shopName.body, 'extensions', 'cost', 'requestedQueryCost')).toBe(1);
});

it('answers THROTTLED (HTTP 200 by default) when the bucket is short, and serves again once it has refilled', async () => {
  shop = await startSeededShop({ bucket: { maximumAvailable: 150, restoreRate: 50 } }, 3);
  const door = shop.emulator.sideDoor;
  // A stopped clock: on a busy machine real milliseconds between the drain and the request would refill the bucket.
  door.freezeClock();
  door.drainBucket();
  door.advanceClock(1_000); // 50 points back: less than the 102 requested
  const throttled = await gql(shop.emulator, pageQuery);
  expect(throttled.status).toBe(200);
  expect(throttled.body.data).toBeUndefined();
  expect(at(throttled.body, 'errors', 0)).toMatchObject({ message: 'Throttled', extensions: { code: 'THROTTLED' } });
  expect(at(throttled.body, 'extensions', 'cost')).toMatchObject({
    requestedQueryCost: 102, actualQueryCost: null, throttleStatus: { maximumAvailable: 150, restoreRate: 50 },
  });
  expect(at(throttled.body, 'extensions', 'cost', 'throttleStatus', 'currentlyAvailable')).toBeLessThan(102);
  expect(door.counters().throttled).toBe(1);
  door.advanceClock(2_000); // full again (capped at the bucket size)
  expect(door.throttleStatus().currentlyAvailable).toBe(150);
  const served = await gql(shop.emulator, pageQuery);
  expect(at(served.body, 'data', 'productVariants', 'pageInfo', 'hasNextPage')).toBe(false);
});

it('can answer THROTTLED with HTTP 429, and refuses a single query above the max cost', async () => {
  shop = await startSeededShop({ throttledStatus: 429, bucket: { maximumAvailable: 2000, singleQueryMaxCost: 1000 } }, 1);
  shop.emulator.sideDoor.freezeClock();
  shop.emulator.sideDoor.drainBucket();
  const throttled = await gql(shop.emulator, '{ shop { name } }');
  expect(throttled.status).toBe(429);
  expect(at(throttled.body, 'errors', 0, 'extensions', 'code')).toBe('THROTTLED');
  shop.emulator.sideDoor.advanceClock(30_000);
  const tooBig = await gql(shop.emulator, `{ productVariants(first: 250) { nodes { inventoryItem { inventoryLevels(first: 10) {
    nodes { quantities(names: ["available"]) { quantity } } } } } } }`);
  expect(at(tooBig.body, 'errors', 0, 'extensions', 'code')).toBe('MAX_COST_EXCEEDED');
});

it('applies nothing when a mutation is throttled', async () => {
  shop = await startSeededShop({}, 1);
  const door = shop.emulator.sideDoor;
  door.freezeClock();
  door.drainBucket();
  door.advanceClock(50); // 5 points back, a mutation needs 10
  const item = shop.variants[0]?.inventoryItemId ?? '';
  const answer = await gql(shop.emulator, setQuantitiesMutation, { input: setInput(item, shop.warehouse, 1, 10), key: 't' });
  expect(at(answer.body, 'errors', 0, 'extensions', 'code')).toBe('THROTTLED');
  expect(door.available(item, shop.warehouse)).toBe(10);
  door.advanceClock(50);
  const retry = await gql(shop.emulator, setQuantitiesMutation, { input: setInput(item, shop.warehouse, 1, 10), key: 't' });
  expect(at(retry.body, 'data', 'inventorySetQuantities', 'userErrors')).toEqual([]);
  expect(at(retry.body, 'extensions', 'cost', 'throttleStatus', 'currentlyAvailable')).toBe(0);
  expect(door.available(item, shop.warehouse)).toBe(1);
});

it('charges a mutation 10 points', async () => {
  shop = await startSeededShop({}, 1);
  const answer = await gql(shop.emulator, `mutation { productVariantsBulkUpdate(productId: "${shop.productId}",
    variants: [{ id: "${shop.variants[0]?.id ?? ''}", price: "18.00" }]) { userErrors { code } } }`);
  expect(at(answer.body, 'extensions', 'cost', 'requestedQueryCost')).toBe(10);
  expect(at(answer.body, 'extensions', 'cost', 'actualQueryCost')).toBe(10);
});

// Cursor pagination over locations, variants, inventory levels and orders.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { at, gql } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
beforeAll(async () => {
  shop = await startSeededShop({}, 7);
});
afterAll(() => shop.emulator.stop());

const variantsQuery = `
  query Variants($first: Int!, $after: String) {
    productVariants(first: $first, after: $after) {
      nodes { id sku barcode price compareAtPrice inventoryItem { id } product { title } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

it('walks all variants page by page with first/after, each once, ending with hasNextPage false', async () => {
  const seen: unknown[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const answer = await gql(shop.emulator, variantsQuery, { first: 3, after });
    const page = at(answer.body, 'data', 'productVariants') as { nodes: { sku: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    pages += 1;
    seen.push(...page.nodes.map((n) => n.sku));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(seen).toEqual(['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5', 'SKU-6', 'SKU-7']);
  const first = await gql(shop.emulator, variantsQuery, { first: 1 });
  expect(at(first.body, 'data', 'productVariants', 'nodes', 0)).toEqual({
    id: shop.variants[0]?.id, sku: 'SKU-1', barcode: '6900000001', price: '19.99', compareAtPrice: '24.99',
    inventoryItem: { id: shop.variants[0]?.inventoryItemId }, product: { title: 'Green tea' },
  });
});

it('requires first, caps it at 250 and rejects a forged cursor', async () => {
  const missing = await gql(shop.emulator, '{ productVariants { nodes { id } } }');
  expect(at(missing.body, 'errors', 0, 'message')).toMatch(/first or last/);
  const tooMany = await gql(shop.emulator, variantsQuery, { first: 251 });
  expect(at(tooMany.body, 'errors', 0, 'message')).toMatch(/between 0 and 250/);
  const forged = await gql(shop.emulator, variantsQuery, { first: 2, after: 'not-a-cursor' });
  expect(at(forged.body, 'errors', 0, 'extensions', 'code')).toBe('INVALID_CURSOR');
});

it('lists locations with edges and cursors, and per-location quantities of an inventory item', async () => {
  const locations = await gql(shop.emulator, '{ locations(first: 1) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }');
  expect(at(locations.body, 'data', 'locations', 'edges', 0, 'node')).toEqual({ id: shop.warehouse, name: 'Warehouse' });
  expect(at(locations.body, 'data', 'locations', 'pageInfo', 'hasNextPage')).toBe(true);
  const cursor = at(locations.body, 'data', 'locations', 'edges', 0, 'cursor');
  expect(cursor).toBe(at(locations.body, 'data', 'locations', 'pageInfo', 'endCursor'));
  const next = await gql(shop.emulator, 'query($after: String) { locations(first: 5, after: $after) { nodes { name } pageInfo { hasNextPage } } }', { after: cursor });
  expect(at(next.body, 'data', 'locations')).toEqual({ nodes: [{ name: 'Store' }], pageInfo: { hasNextPage: false } });

  shop.emulator.sideDoor.createOrder([{ sku: 'SKU-1', quantity: 2 }], { locationGid: shop.warehouse });
  const levels = await gql(shop.emulator, `query($id: ID!) { inventoryItem(id: $id) { inventoryLevels(first: 10) { nodes {
      location { id } quantities(names: ["available", "committed", "on_hand"]) { name quantity } } } } }`, { id: shop.variants[0]?.inventoryItemId });
  expect(at(levels.body, 'data', 'inventoryItem', 'inventoryLevels', 'nodes')).toEqual([
    { location: { id: shop.warehouse }, quantities: [{ name: 'available', quantity: 8 }, { name: 'committed', quantity: 2 }, { name: 'on_hand', quantity: 10 }] },
    { location: { id: shop.store }, quantities: [{ name: 'available', quantity: 0 }, { name: 'committed', quantity: 0 }, { name: 'on_hand', quantity: 0 }] },
  ]);
  const atLocation = await gql(shop.emulator, `query($id: ID!) { location(id: $id) { inventoryLevels(first: 2) {
      nodes { item { id } quantities(names: ["available"]) { quantity } } pageInfo { hasNextPage } } } }`, { id: shop.warehouse });
  expect(at(atLocation.body, 'data', 'location', 'inventoryLevels', 'nodes', 0)).toEqual({
    item: { id: shop.variants[0]?.inventoryItemId }, quantities: [{ quantity: 8 }],
  });
  expect(at(atLocation.body, 'data', 'location', 'inventoryLevels', 'pageInfo', 'hasNextPage')).toBe(true);
});

it('pages orders updated after a time, sorted by updatedAt, with their lines', async () => {
  const door = shop.emulator.sideDoor;
  door.advanceClock(10_000);
  const since = new Date(Date.now() + 10_000).toISOString();
  door.advanceClock(2_000);
  const ids = [1, 2, 3].map((n) => door.createOrder([{ sku: `SKU-${n}`, quantity: n }, { sku: 'UNKNOWN', quantity: 1 }]));
  const query = `query($q: String!, $after: String) { orders(first: 2, after: $after, query: $q, sortKey: UPDATED_AT) {
      nodes { id updatedAt displayFinancialStatus cancelledAt lineItems(first: 5) { nodes { sku quantity variant { id } } } }
      pageInfo { hasNextPage endCursor } } }`;
  const page1 = await gql(shop.emulator, query, { q: `updated_at:>'${since}'` });
  const nodes1 = at(page1.body, 'data', 'orders', 'nodes') as { id: string }[];
  expect(nodes1.map((o) => o.id)).toEqual(ids.slice(0, 2));
  expect(at(page1.body, 'data', 'orders', 'nodes', 1, 'lineItems', 'nodes')).toEqual([
    { sku: 'SKU-2', quantity: 2, variant: { id: shop.variants[1]?.id } },
    { sku: 'UNKNOWN', quantity: 1, variant: null },
  ]);
  expect(at(page1.body, 'data', 'orders', 'nodes', 0, 'displayFinancialStatus')).toBe('PAID');
  const page2 = await gql(shop.emulator, query, { q: `updated_at:>'${since}'`, after: at(page1.body, 'data', 'orders', 'pageInfo', 'endCursor') });
  expect((at(page2.body, 'data', 'orders', 'nodes') as { id: string }[]).map((o) => o.id)).toEqual(ids.slice(2));
  expect(at(page2.body, 'data', 'orders', 'pageInfo', 'hasNextPage')).toBe(false);
  const unsupported = await gql(shop.emulator, query, { q: 'financial_status:paid' });
  expect(at(unsupported.body, 'errors', 0, 'message')).toMatch(/does not support the search term/);
});

it('reads variants changed since a time in updatedAt order, a merchant edit moving a variant to the end', async () => {
  const door = shop.emulator.sideDoor;
  // An hour ahead, on a whole second: later than everything seeded so far.
  const t0 = Math.ceil(Date.now() / 1000) * 1000 + 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  door.freezeClock(iso(t0));
  door.setPrice(shop.variants[4]?.id ?? '', { price: '9.00' });
  door.advanceClock(1_000);
  door.setPrice(shop.variants[2]?.id ?? '', { price: '8.00' });
  const answer = await gql(shop.emulator, `{ productVariants(first: 10, sortKey: UPDATED_AT, query: "updated_at:>=${iso(t0)}") {
    nodes { sku price updatedAt } } }`);
  expect(at(answer.body, 'data', 'productVariants', 'nodes')).toEqual([
    { sku: 'SKU-5', price: '9.00', updatedAt: iso(t0) },
    { sku: 'SKU-3', price: '8.00', updatedAt: iso(t0 + 1_000) },
  ]);
  const reversed = await gql(shop.emulator, `{ productVariants(first: 1, sortKey: UPDATED_AT, reverse: true) { nodes { sku } } }`);
  expect(at(reversed.body, 'data', 'productVariants', 'nodes')).toEqual([{ sku: 'SKU-3' }]);
});

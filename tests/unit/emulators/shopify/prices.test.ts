// productVariantsBulkUpdate and merchant price edits.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { at, gql } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
beforeEach(async () => {
  shop = await startSeededShop();
});
afterEach(() => shop.emulator.stop());

const bulkUpdate = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    product { id } productVariants { id price compareAtPrice } userErrors { code field message } } }`;

it('updates price and compare-at price and moves the variant\'s updatedAt', async () => {
  const id = shop.variants[0]?.id ?? '';
  const before = shop.emulator.sideDoor.variant(id);
  shop.emulator.sideDoor.advanceClock(5_000);
  const answer = await gql(shop.emulator, bulkUpdate, { productId: shop.productId, variants: [{ id, price: '17.5', compareAtPrice: null }] });
  expect(at(answer.body, 'data', 'productVariantsBulkUpdate')).toEqual({
    product: { id: shop.productId }, productVariants: [{ id, price: '17.50', compareAtPrice: null }], userErrors: [],
  });
  const after = shop.emulator.sideDoor.variant(id);
  expect(after).toMatchObject({ price: '17.50', compareAtPrice: null });
  expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
});

it('refuses the whole update when one variant is not of the product, or a price is negative', async () => {
  const other = shop.emulator.sideDoor.addProduct('Black tea', [{ sku: 'B-1', price: '5.00' }]);
  const variants = [{ id: shop.variants[0]?.id, price: '1.00' }, { id: other.variants[0]?.id, price: '2.00' }];
  const answer = await gql(shop.emulator, bulkUpdate, { productId: shop.productId, variants });
  expect(at(answer.body, 'data', 'productVariantsBulkUpdate', 'userErrors')).toEqual([
    { code: 'PRODUCT_VARIANT_DOES_NOT_EXIST', field: ['variants', '1', 'id'], message: 'Product variant does not exist' },
  ]);
  expect(shop.emulator.sideDoor.variant(shop.variants[0]?.id ?? '').price).toBe('19.99');
  const negative = await gql(shop.emulator, bulkUpdate, { productId: shop.productId, variants: [{ id: shop.variants[0]?.id, price: '-1' }] });
  expect(at(negative.body, 'data', 'productVariantsBulkUpdate', 'userErrors', 0, 'code')).toBe('GREATER_THAN_OR_EQUAL_TO');
  const notMoney = await gql(shop.emulator, bulkUpdate, { productId: shop.productId, variants: [{ id: shop.variants[0]?.id, price: 'cheap' }] });
  expect(at(notMoney.body, 'errors', 0, 'extensions', 'code')).toBe('INVALID_VARIABLE');
});

it('shows a merchant\'s price edit in Shopify admin to the next read', async () => {
  const id = shop.variants[1]?.id ?? '';
  shop.emulator.sideDoor.setPrice(id, { price: '21.00', compareAtPrice: '25.00' });
  const answer = await gql(shop.emulator, 'query($id: ID!) { productVariant(id: $id) { price compareAtPrice } }', { id });
  expect(at(answer.body, 'data', 'productVariant')).toEqual({ price: '21.00', compareAtPrice: '25.00' });
});

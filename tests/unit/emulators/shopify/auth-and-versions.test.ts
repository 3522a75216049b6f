// Who may call, which API versions answer, and that unknown fields are errors, not silence.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { at, gql } from './client.js';
import { type SeededShop, startSeededShop } from './seed.js';

let shop: SeededShop;
beforeAll(async () => {
  shop = await startSeededShop({ supportedVersions: ['2026-01', '2026-04', '2026-07'] });
});
afterAll(() => shop.emulator.stop());

it('answers 401 with Shopify\'s message for a missing or wrong access token, and counts it', async () => {
  const missing = await gql(shop.emulator, '{ shop { name } }', {}, { token: null });
  const wrong = await gql(shop.emulator, '{ shop { name } }', {}, { token: 'shpat_wrong' });
  expect(missing.status).toBe(401);
  expect(wrong.status).toBe(401);
  expect(wrong.body.errors).toMatch(/Invalid API key or access token/);
  expect(shop.emulator.sideDoor.counters().unauthorized).toBe(2);
  const right = await gql(shop.emulator, '{ shop { name } }');
  expect(right.status).toBe(200);
  expect(at(right.body, 'data', 'shop', 'name')).toBe('Tea House');
});

it('serves supported versions, falls forward from retired ones and answers 404 for versions that do not exist', async () => {
  const current = await gql(shop.emulator, '{ shop { name } }', {}, { version: '2026-07' });
  expect(current.headers.get('x-shopify-api-version')).toBe('2026-07');
  const retired = await gql(shop.emulator, '{ shop { name } }', {}, { version: '2025-04' });
  expect(retired.status).toBe(200);
  expect(retired.headers.get('x-shopify-api-version')).toBe('2026-01');
  const unstable = await gql(shop.emulator, '{ shop { name } }', {}, { version: 'unstable' });
  expect(unstable.headers.get('x-shopify-api-version')).toBe('unstable');
  for (const version of ['2027-01', '2026-10', '2026-05', 'latest']) {
    const answer = await gql(shop.emulator, '{ shop { name } }', {}, { version });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: 'Not Found' });
  }
});

it('answers a GraphQL error for unknown fields, arguments, mutations and syntax it does not model', async () => {
  const cases: [string, RegExp][] = [
    ['{ shop { name plan } }', /Field 'plan' doesn't exist on type 'Shop'/],
    ['{ locations(first: 5, query: "x") { nodes { id } } }', /doesn't accept argument 'query'/],
    ['mutation { productDelete(id: "x") { deletedProductId } }', /Field 'productDelete' doesn't exist on type 'Mutation'/],
    ['{ shop { name @include(if: true) } }', /Directive 'include' is not supported/],
    ['{ shop { ...F } }', /Fragments are not supported/],
    ['{ shop }', /must have selections/],
    ['{ shop { name { x } } }', /Selections can't be made on scalars/],
    ['query($n: Int!) { locations(first: $n) { nodes { id } } }', /Variable \$n of type Int! was provided invalid value/],
    ['{ locations(first: $n) { nodes { id } } }', /Variable \$n is not defined/],
    [`mutation { a: productVariantsBulkUpdate(productId: "x", variants: []) { userErrors { code } }
       b: productVariantsBulkUpdate(productId: "y", variants: []) { userErrors { code } } }`, /one mutation field per request/],
  ];
  for (const [query, message] of cases) {
    const answer = await gql(shop.emulator, query);
    expect(answer.status, query).toBe(200);
    expect(answer.body.data, query).toBeUndefined();
    expect(String(at(answer.body, 'errors', 0, 'message')), query).toMatch(message);
  }
});

it('refuses a body that is not a GraphQL request with 400', async () => {
  const response = await fetch(shop.emulator.graphqlUrl('2026-04'), {
    method: 'POST',
    headers: { 'X-Shopify-Access-Token': shop.emulator.accessToken, 'Content-Type': 'application/json' },
    body: '{"variables":{}}',
  });
  expect(response.status).toBe(400);
});

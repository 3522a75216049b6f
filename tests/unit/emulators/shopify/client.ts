// A bare GraphQL client for the emulator tests: the answer as the wire gives it.
import type { ShopifyEmulator } from '../../../emulators/shopify/server.js';

export interface WireAnswer {
  status: number;
  headers: Headers;
  // Tests read into answers freely; shapes are asserted by the expectations themselves.
  body: Record<string, unknown>;
}

export interface CallOptions {
  version?: string;
  token?: string | null;
  signal?: AbortSignal;
}

export async function gql(
  emulator: ShopifyEmulator,
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<WireAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = options.token === undefined ? emulator.accessToken : options.token;
  if (token !== null) headers['X-Shopify-Access-Token'] = token;
  const response = await fetch(emulator.graphqlUrl(options.version ?? '2026-04'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** Reads a nested value by path, failing the test when a step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') throw new Error(`No ${String(step)} in ${JSON.stringify(current)}`);
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

export const setQuantitiesMutation = `
  mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange item { id } location { id } } }
      userErrors { code field message }
    }
  }`;

export function setInput(inventoryItemId: string, locationId: string, quantity: number, changeFromQuantity: number | null): Record<string, unknown> {
  return { name: 'available', reason: 'correction', quantities: [{ inventoryItemId, locationId, quantity, changeFromQuantity }] };
}

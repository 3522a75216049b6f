// Builds a Shopify connector pointed at a fresh emulator, with a small seeded shop.
import { createShopifyConnector, type ShopifyConnector, type ShopifyTuning } from '../../../src/sync/connectors/shopify/index.js';
import { shopifySettingsSchema } from '../../../src/sync/connectors/shopify/settings.js';
import { type ShopifyEmulator, type ShopifyEmulatorOptions, startShopifyEmulator } from '../../emulators/shopify/server.js';

export interface ShopifyFixture {
  emulator: ShopifyEmulator;
  connector: ShopifyConnector;
  warehouse: string;
  store: string;
  tea: { productId: string; variants: { id: string; inventoryItemId: string; sku: string | null }[] };
  mug: { productId: string; variants: { id: string; inventoryItemId: string; sku: string | null }[] };
}

export interface FixtureOptions {
  emulator?: ShopifyEmulatorOptions;
  apiVersion?: string;
  accessToken?: string;
  requestTimeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  tuning?: ShopifyTuning;
}

export function connectorFor(emulator: ShopifyEmulator, options: FixtureOptions = {}): ShopifyConnector {
  const bucket = options.emulator?.bucket;
  const settings = shopifySettingsSchema.parse({
    shopDomain: 'test-shop.myshopify.com',
    apiVersion: options.apiVersion ?? '2026-04',
    baseUrl: emulator.url,
    bucketSize: bucket?.maximumAvailable ?? 1000,
    restoreRatePerSecond: bucket?.restoreRate ?? 100,
  });
  return createShopifyConnector(
    {
      settings,
      credentials: { accessToken: options.accessToken ?? emulator.accessToken },
      fetch: options.fetch ?? globalThis.fetch,
      requestTimeoutMs: options.requestTimeoutMs ?? 2000,
      currencyDigits: 2,
    },
    { baseBackoffMs: 5, maxBackoffMs: 50, ...options.tuning },
  );
}

export async function shopifyFixture(options: FixtureOptions = {}): Promise<ShopifyFixture> {
  const emulator = await startShopifyEmulator(options.emulator);
  const door = emulator.sideDoor;
  door.setShopName('Tea & Mugs');
  const warehouse = door.addLocation('Warehouse');
  const store = door.addLocation('Store');
  const tea = door.addProduct('Green tea', [
    { sku: 'TEA-100', barcode: '4006381333931', price: '12.50', compareAtPrice: '15.00', title: '100 g', stock: { [warehouse]: 10, [store]: 3 } },
    { sku: 'TEA-250', price: '25.00', title: '250 g', stock: { [warehouse]: 5, [store]: 0 } },
  ]);
  const mug = door.addProduct('Mug', [{ sku: 'MUG-1', price: '8.00', stock: { [warehouse]: 20, [store]: 2 } }]);
  return { emulator, connector: connectorFor(emulator, options), warehouse, store, tea, mug };
}

/** A fetch that rewrites the JSON answer of requests whose body matches, and passes the rest through. */
export function rewritingFetch(match: RegExp, rewrite: (body: unknown) => unknown): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const sent = typeof init?.body === 'string' ? init.body : '';
    if (!match.test(sent)) return response;
    const text = await response.text();
    return new Response(JSON.stringify(rewrite(JSON.parse(text))), { status: response.status, headers: response.headers });
  };
}

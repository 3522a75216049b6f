// The Shopify connector: Admin GraphQL API (marketplaces.md), stock per location with
// compare-and-set and @idempotent keys, paced by the cost bucket.
import type { Connector, ConnectorCapabilities, ConnectorContext, ConnectorFactory } from '../../connector.js';
import { listLocations, listVariants, testConnection } from './catalog.js';
import { ShopifyClient, type ShopifyClientOptions } from './client.js';
import { pullOrders } from './orders.js';
import { pushPrices } from './prices.js';
import { currencyCost, currencyQuery } from './queries.js';
import { currencyDataSchema } from './schemas.js';
import { type ShopifyCredentials, shopifyCredentialsSchema, type ShopifySettings, shopifySettingsSchema } from './settings.js';
import { pushStock, stockBatchMax } from './stock.js';

/** Retry and timing knobs; tests shorten them, the engine uses the defaults. */
export type ShopifyTuning = Pick<ShopifyClientOptions, 'maxAttempts' | 'baseBackoffMs' | 'maxBackoffMs' | 'maxThrottleRetries' | 'sleep' | 'random' | 'now'>;

export interface ShopifyConnector extends Connector {
  /** Throttled answers, transient retries, time spent pacing: for the channel status. */
  readonly stats: { requests: number; throttledAnswers: number; retries: number; waitedMs: number };
}

export function shopifyEndpoint(settings: ShopifySettings): string {
  const base = (settings.baseUrl ?? `https://${settings.shopDomain}`).replace(/\/+$/, '');
  return `${base}/admin/api/${settings.apiVersion}/graphql.json`;
}

export function createShopifyConnector(context: ConnectorContext<ShopifySettings, ShopifyCredentials>, tuning: ShopifyTuning = {}): ShopifyConnector {
  const { settings } = context;
  const client = new ShopifyClient({
    endpoint: shopifyEndpoint(settings),
    accessToken: context.credentials.accessToken,
    fetch: context.fetch,
    requestTimeoutMs: context.requestTimeoutMs,
    bucketSize: settings.bucketSize,
    restoreRatePerSecond: settings.restoreRatePerSecond,
    ...tuning,
  });
  const capabilities: ConnectorCapabilities = {
    compareAndSet: true,
    idempotencyKeys: true,
    stockBatchSize: stockBatchMax,
    // One request per product; 100 variants keeps a batch's requests few and bounded.
    priceBatchSize: 100,
    stockScope: 'location',
    compareAtPrice: true,
    rateLimit: { kind: 'cost-bucket', maximumAvailable: settings.bucketSize, restoreRatePerSecond: settings.restoreRatePerSecond },
    timestampPrecisionSeconds: 1,
  };
  let currency: Promise<string> | null = null;
  const shopCurrency = (): Promise<string> => {
    currency ??= client.request({ query: currencyQuery, estimatedCost: currencyCost, data: currencyDataSchema }).then((a) => a.data.shop.currencyCode);
    // A failed read is not cached: the next pull asks again.
    currency.catch(() => {
      currency = null;
    });
    return currency;
  };
  return {
    kind: 'shopify',
    capabilities,
    get stats() {
      return { ...client.stats, waitedMs: client.pacer.waitedMs };
    },
    testConnection: () => testConnection(client, settings.apiVersion),
    listLocations: () => listLocations(client),
    listVariants: async (page) => {
      const { items, nextCursor, total } = await listVariants(client, page, context.currencyDigits);
      return { items, nextCursor, total };
    },
    pullOrders: (request) => pullOrders(client, request, shopCurrency, context.currencyDigits),
    pushStock: (items) => pushStock(client, items),
    pushPrices: (items) => pushPrices(client, items, context.currencyDigits),
  };
}

export const shopifyConnectorFactory: ConnectorFactory<ShopifySettings, ShopifyCredentials> = {
  kind: 'shopify',
  settingsSchema: shopifySettingsSchema,
  credentialsSchema: shopifyCredentialsSchema,
  create: (context) => createShopifyConnector(context),
};

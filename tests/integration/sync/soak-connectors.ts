// The real connectors of the soak, kill -9 test and benchmarks, built from a plain JSON config so
// the kill test's child process can build the same one from its command line. Fast transport
// backoff (the soak injects many faults) and a short request timeout (the "delay past the
// timeout" fault must cost little wall time).
import type { Connector } from '../../../src/sync/connector.js';
import { createShopifyConnector, type ShopifyConnector } from '../../../src/sync/connectors/shopify/index.js';
import { shopifySettingsSchema } from '../../../src/sync/connectors/shopify/settings.js';
import { createWooConnector } from '../../../src/sync/connectors/woocommerce/connector.js';

export type SoakConnectorConfig =
  | { kind: 'shopify'; url: string; accessToken: string; timeoutMs: number; bucketSize: number; restoreRate: number }
  | { kind: 'woocommerce'; url: string; consumerKey: string; consumerSecret: string; timeoutMs: number };

export interface BuiltConnector {
  connector: Connector;
  /** Transport-level retries the connector made itself, where it counts them (Shopify). */
  retries(): number | null;
  /** Time spent waiting for the rate limit, where the connector counts it (Shopify). */
  waitedMs(): number | null;
}

export function buildConnector(config: SoakConnectorConfig, fetch: typeof globalThis.fetch = globalThis.fetch): BuiltConnector {
  if (config.kind === 'shopify') {
    const settings = shopifySettingsSchema.parse({
      shopDomain: 'soak-shop.myshopify.com',
      apiVersion: '2026-04',
      baseUrl: config.url,
      bucketSize: config.bucketSize,
      restoreRatePerSecond: config.restoreRate,
    });
    const connector: ShopifyConnector = createShopifyConnector(
      { settings, credentials: { accessToken: config.accessToken }, fetch, requestTimeoutMs: config.timeoutMs, currencyDigits: 2 },
      { baseBackoffMs: 5, maxBackoffMs: 50, maxAttempts: 2 },
    );
    return { connector, retries: () => connector.stats.retries, waitedMs: () => connector.stats.waitedMs };
  }
  const connector = createWooConnector(
    {
      settings: { siteUrl: config.url, authInQuery: false },
      credentials: { consumerKey: config.consumerKey, consumerSecret: config.consumerSecret },
      fetch,
      requestTimeoutMs: config.timeoutMs,
      currencyDigits: 2,
    },
    { retry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 2 } },
  );
  return { connector, retries: () => null, waitedMs: () => null };
}

/** The channel's `connection` settings as the channel row stores them (no secrets). */
export function connectionOf(config: SoakConnectorConfig): Record<string, unknown> {
  return config.kind === 'shopify'
    ? { shopDomain: 'soak-shop.myshopify.com', apiVersion: '2026-04', baseUrl: config.url, bucketSize: config.bucketSize, restoreRatePerSecond: config.restoreRate }
    : { siteUrl: config.url, authInQuery: false };
}

/** The secrets to mask in the sync log. */
export function secretsOf(config: SoakConnectorConfig): string[] {
  return config.kind === 'shopify' ? [config.accessToken] : [config.consumerKey, config.consumerSecret];
}

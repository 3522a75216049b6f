// The WooCommerce REST v3 connector: the ConnectorFactory registered as 'woocommerce'.
import { z } from 'zod';
import { type Connector, type ConnectorCapabilities, ConnectorError, type ConnectorContext, type ConnectorFactory, type ConnectionReport } from '../../connector.js';
import { parseAnswer, totalOf } from './answers.js';
import { listLocations, listVariants } from './catalog.js';
import { defaultRetryPolicy, type RetryPolicy, WooHttp, wooReason } from './http.js';
import { pullOrders } from './orders.js';
import { pushPrices } from './push-prices.js';
import { pushStock } from './push-stock.js';
import { systemStatusSchema, wordpressIndexSchema } from './schemas.js';
import { type WooCredentials, wooCredentialsSchema, type WooSettings, wooSettingsSchema } from './settings.js';

export const wooCapabilities: ConnectorCapabilities = {
  compareAndSet: false,
  idempotencyKeys: false,
  stockBatchSize: 100,
  priceBatchSize: 100,
  stockScope: 'variant',
  compareAtPrice: true,
  rateLimit: { kind: 'retry-after' },
  timestampPrecisionSeconds: 1,
};

/** Test hooks: faster backoff, recorded sleeps, deterministic jitter. */
export interface WooConnectorOptions {
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWooConnector(context: ConnectorContext<WooSettings, WooCredentials>, options: WooConnectorOptions = {}): Connector {
  const http = new WooHttp({
    settings: context.settings,
    credentials: context.credentials,
    fetch: context.fetch,
    requestTimeoutMs: context.requestTimeoutMs,
    retry: { ...defaultRetryPolicy, ...options.retry },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
  });
  const digits = context.currencyDigits;
  return {
    kind: 'woocommerce',
    capabilities: wooCapabilities,
    testConnection: () => testConnection(http),
    listLocations: () => Promise.resolve(listLocations()),
    listVariants: (page) => listVariants(http, page, digits),
    pullOrders: (request) => pullOrders(http, request, digits),
    pushStock: (items) => pushStock(http, items),
    pushPrices: (items) => pushPrices(http, items, digits),
  };
}

/**
 * The index first (no keys needed: a wrong URL is told apart from bad keys), then an authenticated
 * read (bad keys → 'auth', key without read permission → 'permission'), then the product count.
 */
async function testConnection(http: WooHttp): Promise<ConnectionReport> {
  let index: { name: string };
  try {
    index = parseAnswer(wordpressIndexSchema, await http.getIndex(), 'index');
  } catch (error) {
    // Some other website answered (HTML, or JSON that is not the WordPress index): wrong URL.
    if (error instanceof ConnectorError && error.kind === 'invalid_answer') {
      throw new ConnectorError('not_found', { key: wooReason.wrongUrl, params: { status: 200 } }, { answerExcerpt: error.answerExcerpt });
    }
    throw error;
  }
  const status = parseAnswer(systemStatusSchema, await http.get('system_status'), 'system_status');
  const products = await http.get('products', { per_page: 1 });
  parseAnswer(z.array(z.unknown()), products, 'products');
  return {
    shopName: index.name,
    locations: 1,
    products: totalOf(products) ?? 0,
    details: { woocommerceVersion: status.environment.version, wordpressVersion: status.environment.wp_version ?? '', currency: status.settings.currency },
  };
}

export const wooConnectorFactory: ConnectorFactory<WooSettings, WooCredentials> = {
  kind: 'woocommerce',
  settingsSchema: wooSettingsSchema,
  credentialsSchema: wooCredentialsSchema,
  create: (context) => createWooConnector(context),
};

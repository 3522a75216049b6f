// Builds a WooCommerce connector against the in-process emulator, with fast backoff, recorded
// sleeps and an optional fetch wrapper (to play races or rewrite answers).
import type { Connector, StockPushItem } from '../../../src/sync/connector.js';
import { createWooConnector } from '../../../src/sync/connectors/woocommerce/connector.js';
import type { WooCredentials } from '../../../src/sync/connectors/woocommerce/settings.js';
import { defaultTestKey, type RunningWooEmulator } from '../../emulators/woocommerce/index.js';

export interface WooHarness {
  connector: Connector;
  /** Every wait the connector asked for (Retry-After and backoff), in ms. */
  sleeps: number[];
}

export interface HarnessOptions {
  credentials?: WooCredentials;
  siteUrl?: string;
  authInQuery?: boolean;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  fetch?: typeof globalThis.fetch;
}

export function wooConnector(woo: RunningWooEmulator, options: HarnessOptions = {}): WooHarness {
  const sleeps: number[] = [];
  const connector = createWooConnector(
    {
      settings: { siteUrl: options.siteUrl ?? woo.url, authInQuery: options.authInQuery ?? false },
      credentials: options.credentials ?? { consumerKey: defaultTestKey.consumerKey, consumerSecret: defaultTestKey.consumerSecret },
      fetch: options.fetch ?? globalThis.fetch,
      requestTimeoutMs: options.requestTimeoutMs ?? 2000,
      currencyDigits: 2,
    },
    {
      retry: { baseDelayMs: 10, maxDelayMs: 40, maxAttempts: options.maxAttempts ?? 4 },
      // Waits really happen (so Retry-After pacing is observable) and are recorded.
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      random: () => 1,
    },
  );
  return { connector, sleeps };
}

export function stockItem(ref: string, remoteVariantId: string, quantity: number): StockPushItem {
  return { ref, remoteVariantId, remoteInventoryItemId: null, remoteLocationId: 'default', quantity, expectedQuantity: null, idempotencyKey: null };
}

/** A fetch that lets `after` run once a matching request has been answered (e.g. a customer order). */
export function fetchWithHook(match: (url: string, method: string) => boolean, after: () => void): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (match(url, init?.method ?? 'GET')) after();
    return response;
  };
}

/** A fetch that rewrites the JSON body of matching answers. */
export function fetchRewriting(match: (url: string, method: string) => boolean, rewrite: (body: unknown) => unknown): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!match(url, init?.method ?? 'GET')) return response;
    const body: unknown = await response.json();
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(rewrite(body)), { status: response.status, headers });
  };
}

// The WooCommerce REST v3 HTTP client: consumer key/secret auth, a per-request timeout, 429 with
// Retry-After honoured, exponential backoff with full jitter for 5xx / resets / timeouts, and
// WooCommerce's error bodies mapped to ConnectorErrors whose texts never carry the secrets.
import { z } from 'zod';
import { requestRetryDelayMs } from '../../backoff.js';
import { ConnectorError, type ConnectorErrorKind, type ReasonText } from '../../connector.js';
import { logExcerpt } from '../../redact.js';
import type { WooCredentials, WooSettings } from './settings.js';

/** Translation keys of the WooCommerce connector's messages. */
export const wooReason = {
  badKeys: 'sync.woocommerce.badKeys',
  noPermission: 'sync.woocommerce.noPermission',
  wrongUrl: 'sync.woocommerce.wrongUrl',
  insecureUrl: 'sync.woocommerce.insecureUrl',
  rateLimited: 'sync.woocommerce.rateLimited',
  serverError: 'sync.woocommerce.serverError',
  connectionFailed: 'sync.woocommerce.connectionFailed',
  timeout: 'sync.woocommerce.timeout',
  invalidAnswer: 'sync.woocommerce.invalidAnswer',
  requestRejected: 'sync.woocommerce.requestRejected',
  itemRejected: 'sync.woocommerce.itemRejected',
  itemMissingFromAnswer: 'sync.woocommerce.itemMissingFromAnswer',
  remoteItemGone: 'sync.woocommerce.remoteItemGone',
  invalidRemoteId: 'sync.woocommerce.invalidRemoteId',
  invalidCursor: 'sync.woocommerce.invalidCursor',
} as const;

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Backoff before attempt n+1 is random in [0, baseDelayMs × 2^(n−1)] (full jitter), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out here: the caller gets 'rate_limited'. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

export interface WooHttpOptions {
  settings: WooSettings;
  credentials: WooCredentials;
  fetch: typeof globalThis.fetch;
  requestTimeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface WooAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  /** Redacted start of the raw answer, for per-item excerpts and the log. */
  excerpt: string;
}

export type Query = Record<string, string | number | boolean>;

const errorBodySchema = z.object({ code: z.string(), message: z.string() });

export class WooHttp {
  constructor(private readonly options: WooHttpOptions) {}

  get secrets(): string[] {
    return [this.options.credentials.consumerKey, this.options.credentials.consumerSecret];
  }

  excerpt(text: string): string {
    return logExcerpt(text, this.secrets, 500);
  }

  /** GET {site}/wp-json/wc/v3/{path}; reads are safe to repeat, so every retryable failure is retried. */
  get(path: string, query: Query = {}): Promise<WooAnswer> {
    return this.withRetries(() => this.once('GET', this.apiUrl(path, query), undefined, true), true);
  }

  /** The unauthenticated WordPress index (store name). */
  getIndex(): Promise<WooAnswer> {
    const url = new URL('wp-json/', this.siteBase());
    return this.withRetries(() => this.once('GET', url, undefined, false), true);
  }

  /**
   * POST a write. 429 is retried (refused, so nothing was applied); anything where the write may
   * have been applied (5xx, reset, timeout) is NOT retried here: the caller reads back first so a
   * lost answer is not pushed twice.
   */
  post(path: string, body: unknown): Promise<WooAnswer> {
    return this.withRetries(() => this.once('POST', this.apiUrl(path, {}), JSON.stringify(body), true), false);
  }

  /** Waits the backoff before attempt `attempt + 1` (attempt counts from 1). */
  backoff(attempt: number): Promise<void> {
    const { baseDelayMs, maxDelayMs } = this.options.retry;
    return this.options.sleep(requestRetryDelayMs(attempt, this.options.random, baseDelayMs, maxDelayMs));
  }

  get maxAttempts(): number {
    return this.options.retry.maxAttempts;
  }

  private siteBase(): URL {
    const site = this.options.settings.siteUrl;
    return new URL(site.endsWith('/') ? site : `${site}/`);
  }

  private apiUrl(path: string, query: Query): URL {
    const url = new URL(`wp-json/wc/v3/${path}`, this.siteBase());
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    if (this.options.settings.authInQuery) {
      url.searchParams.set('consumer_key', this.options.credentials.consumerKey);
      url.searchParams.set('consumer_secret', this.options.credentials.consumerSecret);
    }
    return url;
  }

  private async withRetries(run: () => Promise<WooAnswer>, retryAmbiguous: boolean): Promise<WooAnswer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ConnectorError) || !error.retryable || attempt >= this.options.retry.maxAttempts) throw error;
        if (error.kind === 'rate_limited') {
          const wait = error.retryAfterMs ?? this.options.retry.baseDelayMs;
          if (wait > this.options.retry.maxRetryAfterMs) throw error;
          await this.options.sleep(wait);
        } else {
          if (!retryAmbiguous) throw error;
          await this.backoff(attempt);
        }
      }
    }
  }

  private async once(method: 'GET' | 'POST', url: URL, body: string | undefined, authenticated: boolean): Promise<WooAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated && !this.options.settings.authInQuery) {
      const { consumerKey, consumerSecret } = this.options.credentials;
      headers.authorization = `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`;
    }
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      // The signal covers the body too: a server that sends headers and then stalls still times out.
      const response = await this.options.fetch(url, { method, headers, body, signal: AbortSignal.timeout(this.options.requestTimeoutMs) });
      status = response.status;
      responseHeaders = response.headers;
      text = await response.text();
    } catch (error) {
      throw this.networkError(error);
    }
    let parsed: unknown = undefined;
    let isJson = true;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (status >= 200 && status < 300) {
      if (!isJson) throw new ConnectorError('invalid_answer', { key: wooReason.invalidAnswer, params: { status } }, { answerExcerpt: this.excerpt(text) });
      // Redacting scans the whole text (a 100-record list is ~100 KB): done only when an excerpt is read.
      let excerpt: string | null = null;
      const excerptOf = (): string => (excerpt ??= this.excerpt(text));
      return {
        status,
        headers: responseHeaders,
        body: parsed,
        get excerpt() {
          return excerptOf();
        },
      };
    }
    throw this.statusError(status, responseHeaders, parsed, this.excerpt(text));
  }

  private networkError(error: unknown): ConnectorError {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new ConnectorError('timeout', { key: wooReason.timeout, params: { ms: this.options.requestTimeoutMs } });
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
    const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
    if (/CERT|SSL|TLS/i.test(code)) return new ConnectorError('tls', { key: wooReason.insecureUrl, params: { code } });
    if (code === 'ENOTFOUND') {
      // No such host: the URL is wrong (retrying does not fix a typo). A refused connection is
      // left transient instead: a self-hosted shop restarting refuses for a moment too.
      return new ConnectorError('not_found', { key: wooReason.wrongUrl, params: { code } });
    }
    return new ConnectorError('transient', { key: wooReason.connectionFailed, params: { code: code || 'reset' } });
  }

  private statusError(status: number, headers: Headers, body: unknown, excerpt: string): ConnectorError {
    const parsed = errorBodySchema.safeParse(body);
    const code = parsed.success ? parsed.data.code : '';
    const params = { status, code };
    const options = { answerExcerpt: excerpt };
    let kind: ConnectorErrorKind;
    let reason: ReasonText;
    if (status === 429) {
      return new ConnectorError('rate_limited', { key: wooReason.rateLimited, params }, { ...options, retryAfterMs: retryAfterMs(headers.get('retry-after')) });
    } else if (status === 401) {
      [kind, reason] = ['auth', { key: wooReason.badKeys, params }];
    } else if (status === 403) {
      [kind, reason] = ['permission', { key: wooReason.noPermission, params }];
    } else if (status === 404 && (code === 'rest_no_route' || !parsed.success)) {
      // No WooCommerce route (or not WordPress at all): the site URL is wrong or WooCommerce is off.
      [kind, reason] = ['not_found', { key: wooReason.wrongUrl, params }];
    } else if (status >= 500) {
      [kind, reason] = ['transient', { key: wooReason.serverError, params }];
    } else {
      // Any other 4xx (400 invalid param, 404 invalid id, 413 over the batch limit) is our request's fault.
      [kind, reason] = ['invalid_answer', { key: wooReason.requestRejected, params }];
    }
    return new ConnectorError(kind, reason, options);
  }
}

/** Retry-After in whole seconds (WooCommerce hosts) or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** An HTTP error status of one answer, as thrown by WooHttp, for the caller to tell apart. */
export function isStatus(error: unknown, status: number): boolean {
  return error instanceof ConnectorError && error.reason.params.status === status;
}

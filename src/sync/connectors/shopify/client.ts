// HTTP + GraphQL transport for the Shopify Admin API: access-token header, the configured API
// version, a per-request timeout, cost-bucket pacing, THROTTLED (200 or 429) → wait for the
// refill and retry, exponential backoff with full jitter for 5xx / resets / timeouts, and every
// answer's envelope checked with zod. Errors are ConnectorErrors whose text never holds the token.
import type { z } from 'zod';
import { requestRetryDelayMs } from '../../backoff.js';
import { ConnectorError, type ConnectorErrorKind } from '../../connector.js';
import { logExcerpt } from '../../redact.js';
import { CostPacer } from './pacer.js';
import { reason, shopifyReasons } from './reasons.js';
import { envelopeSchema } from './schemas.js';

export interface ShopifyClientOptions {
  endpoint: string;
  accessToken: string;
  fetch: typeof globalThis.fetch;
  requestTimeoutMs: number;
  bucketSize: number;
  restoreRatePerSecond: number;
  /** Attempts for transient failures (5xx, reset, timeout) before giving up; default 5. */
  maxAttempts?: number;
  /** First backoff step; doubles per attempt, full jitter, capped at maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Times a THROTTLED answer is waited out before the call fails as rate_limited; default 8. */
  maxThrottleRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface GraphqlRequest<T> {
  query: string;
  variables?: Record<string, unknown>;
  /** Cost the query will request (emulator/Shopify rules), for pacing before the first answer. */
  estimatedCost: number;
  data: z.ZodType<T>;
}

export interface GraphqlAnswer<T> {
  data: T;
  /** Redacted raw answer, for per-item excerpts. */
  excerpt: string;
}

const tlsCodes = new Set([
  'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_NOT_YET_VALID', 'EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const notFoundCodes = new Set(['ENOTFOUND', 'EAI_AGAIN']);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return codes;
}

/** A failure of the request itself (no HTTP answer) as a ConnectorError. */
function networkError(error: unknown, timedOut: boolean): ConnectorError {
  if (timedOut) return new ConnectorError('timeout', reason(shopifyReasons.timeout));
  const codes = errorCodes(error);
  const tls = codes.find((code) => tlsCodes.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'));
  if (tls) return new ConnectorError('tls', reason(shopifyReasons.tls, { code: tls }));
  const dns = codes.find((code) => notFoundCodes.has(code));
  if (dns) return new ConnectorError('not_found', reason(shopifyReasons.hostNotFound, { code: dns }));
  return new ConnectorError('transient', reason(shopifyReasons.connectionLost, { code: codes[0] ?? 'network' }));
}

function isThrottled(errors: unknown): boolean {
  return Array.isArray(errors) && errors.some((e: unknown) => {
    const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return code === 'THROTTLED';
  });
}

export class ShopifyClient {
  readonly pacer: CostPacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** Counters for the channel status: throttled answers seen, transient retries made. */
  readonly stats = { requests: 0, throttledAnswers: 0, retries: 0 };

  constructor(private readonly options: ShopifyClientOptions) {
    this.pacer = new CostPacer(options.bucketSize, options.restoreRatePerSecond, options.now);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  private excerpt(text: string): string {
    return logExcerpt(text, [this.options.accessToken]);
  }

  private backoffMs(attempt: number): number {
    const base = this.options.baseBackoffMs ?? 250;
    const cap = this.options.maxBackoffMs ?? 10_000;
    return requestRetryDelayMs(attempt + 1, this.random, base, cap);
  }

  /** One HTTP exchange: status and body text, or a ConnectorError for the network failure. */
  private async exchange(body: string): Promise<{ status: number; text: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.requestTimeoutMs);
    try {
      this.stats.requests += 1;
      const response = await this.options.fetch(this.options.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': this.options.accessToken },
        body,
        signal: controller.signal,
      });
      // The body read is under the same timeout: a server that stalls mid-answer is a timeout too.
      const text = await response.text();
      return { status: response.status, text };
    } catch (error) {
      throw networkError(error, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs one GraphQL operation. Safe to retry only because every mutation we send is either
   * keyed (@idempotent) or sets absolute values; the caller guarantees that.
   */
  async request<T>(request: GraphqlRequest<T>): Promise<GraphqlAnswer<T>> {
    const body = JSON.stringify({ query: request.query, variables: request.variables ?? {} });
    const maxAttempts = this.options.maxAttempts ?? 5;
    const maxThrottle = this.options.maxThrottleRetries ?? 8;
    let cost = request.estimatedCost;
    let transientFailures = 0;
    let throttledTimes = 0;
    for (;;) {
      const wait = this.pacer.delayFor(cost);
      if (wait > 0) {
        this.pacer.waitedMs += wait;
        await this.sleep(wait);
      }
      this.pacer.take(cost);
      let outcome: { status: number; text: string };
      try {
        outcome = await this.exchange(body);
      } catch (error) {
        // No answer, so no throttle status: a request that never ran (reset, refused connection)
        // was not charged. A timeout may have run on the server, so its points stay booked.
        if (!(error instanceof ConnectorError && error.kind === 'timeout')) this.pacer.giveBack(cost);
        if (error instanceof ConnectorError && error.retryable && transientFailures + 1 < maxAttempts) {
          transientFailures += 1;
          this.stats.retries += 1;
          await this.sleep(this.backoffMs(transientFailures));
          continue;
        }
        throw error;
      }
      const { status, text } = outcome;
      let parsedJson: unknown = null;
      let isJson = true;
      try {
        parsedJson = JSON.parse(text);
      } catch {
        isJson = false;
      }
      const envelope = envelopeSchema.safeParse(parsedJson);
      const reported = envelope.success ? envelope.data.extensions?.cost : undefined;
      // Shopify's figure replaces the estimate; an answer without one (5xx from the edge, 401,
      // a bare 429) means the query was not run, so the booked points were not spent.
      if (reported) this.pacer.observe(reported.throttleStatus);
      else this.pacer.giveBack(cost);
      if (status >= 500) {
        if (transientFailures + 1 < maxAttempts) {
          transientFailures += 1;
          this.stats.retries += 1;
          await this.sleep(this.backoffMs(transientFailures));
          continue;
        }
        throw new ConnectorError('transient', reason(shopifyReasons.serverError, { status }), { answerExcerpt: this.excerpt(text) });
      }
      const statusError = this.statusError(status, text);
      // A 429 from a proxy may have no JSON body: still a throttle, handled below.
      if (!isJson && status !== 429) {
        throw statusError ?? new ConnectorError('invalid_answer', reason(shopifyReasons.invalidAnswer, { status }), { answerExcerpt: this.excerpt(text) });
      }
      if (status === 429 || (status === 200 && envelope.success && isThrottled(envelope.data.errors))) {
        this.stats.throttledAnswers += 1;
        const costInfo = reported;
        cost = costInfo?.requestedQueryCost ?? cost;
        const retryAfterMs = costInfo
          ? this.pacer.delayFor(cost)
          : Math.max(this.pacer.refillTimeFor(cost), this.backoffMs(throttledTimes + 1));
        if (throttledTimes >= maxThrottle) {
          throw new ConnectorError('rate_limited', reason(shopifyReasons.throttled), { retryAfterMs, answerExcerpt: this.excerpt(text) });
        }
        throttledTimes += 1;
        // Without a throttle status the pacer's model can't say when; back off instead.
        if (!costInfo) await this.sleep(retryAfterMs);
        continue;
      }
      if (statusError) throw statusError;
      if (!envelope.success) {
        throw new ConnectorError('invalid_answer', reason(shopifyReasons.invalidAnswer, { status }), { answerExcerpt: this.excerpt(text) });
      }
      const { errors, data } = envelope.data;
      if (errors !== undefined) throw this.graphqlError(errors, text);
      const typed = request.data.safeParse(data);
      if (!typed.success) {
        throw new ConnectorError('invalid_answer', reason(shopifyReasons.invalidAnswer, { status, path: typed.error.issues[0]?.path.join('.') ?? '' }), {
          answerExcerpt: this.excerpt(text),
        });
      }
      return { data: typed.data, excerpt: this.excerpt(text) };
    }
  }

  private statusError(status: number, text: string): ConnectorError | null {
    const excerpt = this.excerpt(text);
    const make = (kind: ConnectorErrorKind, key: string) => new ConnectorError(kind, reason(key, { status }), { answerExcerpt: excerpt });
    if (status === 401) return make('auth', shopifyReasons.badToken);
    if (status === 403) return make('permission', shopifyReasons.noPermission);
    if (status === 404 || status === 405) return make('not_found', shopifyReasons.wrongUrl);
    if (status === 429) return make('rate_limited', shopifyReasons.throttled);
    if (status !== 200) return make('invalid_answer', shopifyReasons.invalidAnswer);
    return null;
  }

  private graphqlError(errors: unknown, text: string): ConnectorError {
    const list = Array.isArray(errors) ? (errors as { message?: unknown; extensions?: { code?: unknown } }[]) : [];
    const first = list[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN';
    const excerpt = this.excerpt(text);
    if (code === 'ACCESS_DENIED') return new ConnectorError('permission', reason(shopifyReasons.noPermission, { code }), { answerExcerpt: excerpt });
    // Our query was refused: a version or shape mismatch that retrying cannot fix.
    const message = typeof first?.message === 'string' ? logExcerpt(first.message, [this.options.accessToken], 200) : '';
    return new ConnectorError('invalid_answer', reason(shopifyReasons.requestRejected, { code, message }), { answerExcerpt: excerpt });
  }
}

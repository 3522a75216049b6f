// Vendure Admin GraphQL transport: bearer session from `login`, one re-login when the session is
// refused (FORBIDDEN: expired or revoked token), a per-request timeout, and exponential backoff
// with full jitter for 5xx, connection resets and timeouts. Every answer is validated with zod and
// every error text or excerpt goes through redact(), so neither the password nor the session token
// can leak into the sync log.
import { z } from 'zod';
import { requestRetryDelayMs } from '../../backoff.js';
import { ConnectorError, type ConnectorErrorKind } from '../../connector.js';
import { logExcerpt } from '../../redact.js';
import { reason, vendureReasons as R } from './reasons.js';

export interface RetryPolicy {
  /** Total tries for a retryable failure (1 = no retry). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

export interface TransportOptions {
  url: string;
  username: string;
  password: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retry?: RetryPolicy;
  /** Injected for tests; the default waits for real. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const graphQlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});
const envelopeSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(graphQlErrorSchema).optional(),
});
type Envelope = z.infer<typeof envelopeSchema>;

const loginSchema = z.object({
  login: z.object({ __typename: z.string(), errorCode: z.string().optional(), message: z.string().optional() }),
});

const loginDocument = `mutation ShopdeskLogin($username: String!, $password: String!) {
  login(username: $username, password: $password, rememberMe: false) {
    __typename
    ... on CurrentUser { id }
    ... on ErrorResult { errorCode message }
  }
}`;


/** Node's fetch wraps the socket error in `cause`; its code says what went wrong. */
function networkErrorCode(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return '';
}

function classifyNetworkError(error: unknown, host: string): ConnectorError {
  const code = networkErrorCode(error);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return new ConnectorError('tls', reason(R.tls, { host, code }));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ConnectorError('not_found', reason(R.hostNotFound, { host }));
  // Refused / reset / closed: the server may be restarting; worth a retry, then it is the URL.
  return new ConnectorError('transient', reason(R.connectionLost, { host, code: code || 'unknown' }));
}

export class VendureTransport {
  private token: string | null = null;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly host: string;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.host = new URL(options.url).host;
  }

  /** Secrets to mask: the password always, the session token once there is one. */
  secrets(): string[] {
    return this.token ? [this.options.password, this.token] : [this.options.password];
  }

  excerpt(text: string): string {
    return logExcerpt(text, this.secrets(), 1000);
  }

  /** Runs a document with the session, logging in first and once more if the session is refused. */
  async request<T>(document: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    if (!this.token) await this.login();
    let envelope = await this.withRetry(() => this.post(document, variables, true));
    if (isForbidden(envelope)) {
      // The session expired or was revoked; a fresh one either works or proves missing permission.
      await this.login();
      envelope = await this.withRetry(() => this.post(document, variables, true));
      if (isForbidden(envelope)) throw new ConnectorError('permission', reason(R.noPermission, { platform: 'Vendure' }), { answerExcerpt: this.excerpt(JSON.stringify(envelope)) });
    }
    return this.parseData(envelope, schema);
  }

  async login(): Promise<void> {
    this.token = null;
    const { username, password } = this.options;
    const { envelope, headers } = await this.withRetry(() => this.postRaw(loginDocument, { username, password }, false));
    const { login } = this.parseData(envelope, loginSchema);
    if (login.__typename !== 'CurrentUser') {
      // InvalidCredentialsError arrives as HTTP 200 with no errors array: only the type tells.
      throw new ConnectorError('auth', reason(R.badCredentials, { platform: 'Vendure', code: login.errorCode ?? login.__typename }), {
        answerExcerpt: this.excerpt(JSON.stringify(envelope)),
      });
    }
    const token = headers.get('vendure-auth-token');
    if (!token) {
      // The server runs with cookie sessions only; bearer tokens are required for an API client.
      throw new ConnectorError('auth', reason(R.noBearerToken, {}));
    }
    this.token = token;
  }

  private parseData<T>(envelope: Envelope, schema: z.ZodType<T>): T {
    const first = envelope.errors?.[0];
    if (first) {
      throw new ConnectorError('invalid_answer', reason(R.remoteError, { code: first.extensions?.code ?? 'UNKNOWN', message: this.excerpt(first.message) }), {
        answerExcerpt: this.excerpt(JSON.stringify(envelope)),
      });
    }
    const parsed = schema.safeParse(envelope.data);
    if (!parsed.success) {
      throw new ConnectorError('invalid_answer', reason(R.invalidAnswer, { platform: 'Vendure' }), { answerExcerpt: this.excerpt(JSON.stringify(envelope)) });
    }
    return parsed.data;
  }

  private async post(document: string, variables: Record<string, unknown>, authorized: boolean): Promise<Envelope> {
    return (await this.postRaw(document, variables, authorized)).envelope;
  }

  private async postRaw(document: string, variables: Record<string, unknown>, authorized: boolean): Promise<{ envelope: Envelope; headers: Headers }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (authorized && this.token) headers.authorization = `Bearer ${this.token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      let response: Response;
      let text: string;
      try {
        response = await this.options.fetch(this.options.url, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }), signal: controller.signal });
        text = await response.text();
      } catch (error) {
        if (controller.signal.aborted) throw new ConnectorError('timeout', reason(R.timeout, { host: this.host, ms: this.options.timeoutMs }));
        throw classifyNetworkError(error, this.host);
      }
      this.throwForStatus(response, text);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // A 200 that is not JSON is a web page: the URL does not point at the Admin API.
        throw new ConnectorError('not_found', reason(R.wrongUrl, { url: this.options.url }), { answerExcerpt: this.excerpt(text) });
      }
      const envelope = envelopeSchema.safeParse(json);
      if (!envelope.success) throw new ConnectorError('not_found', reason(R.wrongUrl, { url: this.options.url }), { answerExcerpt: this.excerpt(text) });
      return { envelope: envelope.data, headers: response.headers };
    } finally {
      clearTimeout(timer);
    }
  }

  private throwForStatus(response: Response, text: string): void {
    if (response.ok) return;
    const status = response.status;
    const excerpt = this.excerpt(text);
    const kind: ConnectorErrorKind =
      status === 404 || status === 405 ? 'not_found' : status === 401 ? 'auth' : status === 403 ? 'permission' : status === 429 ? 'rate_limited' : status >= 500 ? 'transient' : 'invalid_answer';
    // Vendure answers GraphQL validation failures with 400 and a normal envelope; let the caller read it.
    if (status === 400 && text.trimStart().startsWith('{')) return;
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs = status === 429 && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : null;
    const key = kind === 'not_found' ? R.wrongUrl : kind === 'transient' ? R.serverError : kind === 'rate_limited' ? R.throttled : R.httpError;
    throw new ConnectorError(kind, reason(key, { status, url: this.options.url }), { retryAfterMs, answerExcerpt: excerpt });
  }

  private async withRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof ConnectorError) || !error.retryable || attempt >= this.retry.attempts) throw error;
        await this.sleep(error.retryAfterMs ?? requestRetryDelayMs(attempt, this.random, this.retry.baseDelayMs, this.retry.maxDelayMs));
      }
    }
  }
}

function isForbidden(envelope: Envelope): boolean {
  return envelope.errors?.some((error) => error.extensions?.code === 'FORBIDDEN') ?? false;
}

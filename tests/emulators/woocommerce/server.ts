// The WooCommerce REST v3 emulator: an in-process node:http server on 127.0.0.1 (port 0 by default)
// serving /wp-json/wc/v3/… from an in-memory store, with a side door for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Socket } from 'node:net';
import { type ApiKey, authenticate, authorize } from './auth.js';
import { EmulatorClock } from './clock.js';
import { FaultQueue, type RequestFault } from './faults.js';
import { httpError, type JsonAnswer, readBody, WooHttpError } from './http-util.js';
import { type RateLimitSettings, SlidingWindowLimiter } from './rate-limit.js';
import { wooError } from './records.js';
import { type RouteContext, routes, type SiteInfo } from './routes.js';
import { createSideDoor, type WooSideDoor } from './side-door.js';
import { WooStore } from './store.js';

export interface WooEmulatorOptions {
  port?: number;
  keys?: ApiKey[];
  site?: Partial<Omit<SiteInfo, 'url'>>;
  /** Host-level request limit; none by default. */
  rateLimit?: RateLimitSettings | null;
  timezoneOffsetMinutes?: number;
  supportsOrderbyModified?: boolean;
  batchLimit?: number;
  /** Status of an over-limit batch; real WooCommerce sends 413. */
  batchOverLimitStatus?: number;
}

export interface WooCounters {
  requests: number;
  /** Requests per "METHOD /path" with numeric ids replaced by ":id". */
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  connectionsDropped: number;
  batchRequests: number;
  batchItems: number;
}

export interface RunningWooEmulator {
  url: string;
  /** The REST base the connector is configured with is `${url}`; API calls go to `${apiBase}`. */
  apiBase: string;
  keys: ApiKey[];
  sideDoor: WooSideDoor;
  stop(): Promise<void>;
}

export const defaultTestKey: ApiKey = {
  consumerKey: 'ck_0123456789abcdef0123456789abcdef01234567',
  consumerSecret: 'cs_0123456789abcdef0123456789abcdef01234567',
  permission: 'read_write',
};

const apiPrefix = '/wp-json/wc/v3';

export function emptyCounters(): WooCounters {
  return { requests: 0, byRoute: {}, byStatus: {}, rateLimited: 0, connectionsDropped: 0, batchRequests: 0, batchItems: 0 };
}

export async function startWooEmulator(options: WooEmulatorOptions = {}): Promise<RunningWooEmulator> {
  const clock = new EmulatorClock(options.timezoneOffsetMinutes ?? 0);
  const store = new WooStore(clock);
  const faults = new FaultQueue();
  const limiter = new SlidingWindowLimiter(options.rateLimit ?? null);
  const keys = options.keys ?? [defaultTestKey];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const state = { counters: emptyCounters() };
  const site: SiteInfo = {
    name: 'Emulated Woo Shop',
    description: 'Just another WordPress site',
    wooVersion: '10.3.0',
    currency: 'USD',
    ...options.site,
    url: '',
  };

  const context = (url: URL, ids: number[], rawBody: string): RouteContext => ({
    url,
    ids,
    rawBody,
    store,
    faults,
    site,
    listOptions: {
      timezoneOffsetMinutes: clock.timezoneOffsetMinutes,
      supportsOrderbyModified: options.supportsOrderbyModified ?? true,
    },
    batch: { limit: options.batchLimit ?? 100, overLimitStatus: options.batchOverLimitStatus ?? 413 },
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const answer = async (req: IncomingMessage, url: URL, rawBody: string): Promise<JsonAnswer> => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/wp-json' && req.method === 'GET') {
      // The WordPress index: unauthenticated, carries the site name shown by "test connection".
      return { status: 200, body: { name: site.name, description: site.description, url: site.url, home: site.url, namespaces: ['wp/v2', 'wc/v3'] } };
    }
    const routePath = path.startsWith(apiPrefix) ? path.slice(apiPrefix.length) : null;
    const route = routePath === null ? undefined : routes.find((r) => r.method === req.method && r.pattern.test(routePath));
    if (!route || routePath === null) throw httpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    authorize(authenticate(req, url, keys), route.writes);
    const ids = (route.pattern.exec(routePath) ?? []).slice(1).map(Number);
    if (routePath.endsWith('/batch')) state.counters.batchRequests++;
    return route.handle(context(url, ids, rawBody));
  };

  const countStatus = (status: number) => {
    state.counters.byStatus[status] = (state.counters.byStatus[status] ?? 0) + 1;
  };

  const send = (res: ServerResponse, result: JsonAnswer) => {
    countStatus(result.status);
    res.writeHead(result.status, { 'Content-Type': 'application/json; charset=UTF-8', ...result.headers });
    res.end(JSON.stringify(result.body));
  };

  const drop = (req: IncomingMessage) => {
    state.counters.connectionsDropped++;
    req.socket.destroy();
  };

  /** Applies a fault that replaces the answer; returns true when the request is finished. */
  const applyFault = async (fault: RequestFault, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    switch (fault.kind) {
      case 'reset':
        drop(req);
        return true;
      case 'status':
        countStatus(fault.status);
        if (fault.status === 500) {
          res.writeHead(500, { 'Content-Type': 'application/json; charset=UTF-8' });
          res.end(JSON.stringify(wooError(500, 'internal_server_error', '<p>There has been a critical error on this website.</p>')));
        } else {
          // Gateways in front of WordPress answer 502/503/504 with HTML, not JSON.
          res.writeHead(fault.status, { 'Content-Type': 'text/html' });
          res.end(`<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`);
        }
        return true;
      case 'rate-limit':
        send(res, tooManyRequests(fault.retryAfterSeconds));
        state.counters.rateLimited++;
        return true;
      case 'delay':
        // The request is still handled after the delay, as PHP keeps running when the client gives up.
        await sleep(fault.ms);
        return false;
      case 'lose-answer':
        return false;
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', site.url);
      const method = req.method ?? 'GET';
      state.counters.requests++;
      const routeKey = `${method} ${url.pathname.replace(/\/\d+/g, '/:id')}`;
      state.counters.byRoute[routeKey] = (state.counters.byRoute[routeKey] ?? 0) + 1;
      const rawBody = await readBody(req);
      const fault = faults.take(method, url.pathname);
      if (fault && (await applyFault(fault, req, res))) return;
      const retryAfter = limiter.admit(clock.nowMs());
      if (retryAfter !== null) {
        state.counters.rateLimited++;
        send(res, tooManyRequests(retryAfter));
        return;
      }
      let result: JsonAnswer;
      try {
        result = await answer(req, url, rawBody);
      } catch (error) {
        if (!(error instanceof WooHttpError)) throw error;
        result = { status: error.status, body: error.body };
      }
      if (req.socket.destroyed) return; // the client gave up (e.g. during an injected delay)
      if (fault?.kind === 'lose-answer') {
        drop(req);
        return;
      }
      send(res, result);
    })().catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      send(res, { status: 500, body: wooError(500, 'internal_server_error', String(error)) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator: no TCP address');
  site.url = `http://127.0.0.1:${address.port}`;

  return {
    url: site.url,
    apiBase: `${site.url}${apiPrefix}`,
    keys,
    sideDoor: createSideDoor({ store, faults, limiter, clock, state, emptyCounters }),
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function tooManyRequests(retryAfterSeconds: number): JsonAnswer {
  return {
    status: 429,
    body: wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please wait and try again.'),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
}

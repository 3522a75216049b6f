// The Shopify Admin GraphQL emulator as an in-process HTTP server:
// POST /admin/api/<version>/graphql.json with X-Shopify-Access-Token. See README.md.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BucketSettings, CostBucket } from './cost.js';
import { FaultQueue } from './faults.js';
import { GraphqlHandler, type HandlerSettings } from './graphql-handler.js';
import { type RequestCounters, SideDoor } from './side-door.js';
import { EmulatorClock, ShopStore } from './store.js';
import { defaultSupportedVersions, servedVersion } from './versions.js';

export interface ShopifyEmulatorOptions {
  port?: number;
  accessToken?: string;
  supportedVersions?: readonly string[];
  bucket?: Partial<BucketSettings>;
  throttledStatus?: HandlerSettings['throttledStatus'];
  idempotencyRequiredFrom?: string | null;
}

export interface ShopifyEmulator {
  /** Base URL, e.g. http://127.0.0.1:PORT (the shop's "https://x.myshopify.com"). */
  url: string;
  accessToken: string;
  graphqlUrl: (version: string) => string;
  stop: () => Promise<void>;
  sideDoor: SideDoor;
}

export const defaultAccessToken = 'shpat_emulator_token';
const maxBodyBytes = 1_000_000;
const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const statusText: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startShopifyEmulator(options: ShopifyEmulatorOptions = {}): Promise<ShopifyEmulator> {
  const accessToken = options.accessToken ?? defaultAccessToken;
  const supported = options.supportedVersions ?? defaultSupportedVersions;
  const clock = new EmulatorClock();
  const store = new ShopStore(clock);
  const bucket = new CostBucket({ maximumAvailable: 1000, restoreRate: 100, singleQueryMaxCost: 1000, ...options.bucket }, clock);
  const handler = new GraphqlHandler(store, bucket, {
    throttledStatus: options.throttledStatus ?? 200,
    idempotencyRequiredFrom: options.idempotencyRequiredFrom === undefined ? '2026-04' : options.idempotencyRequiredFrom,
  });
  const faults = new FaultQueue();
  const requestCounters: RequestCounters = { requests: 0, unauthorized: 0 };
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCounters.requests += 1;
    const body = await readBody(req);
    const fault = faults.take();
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'http-error') {
      sendJson(res, fault.status, { errors: statusText[fault.status] ?? 'Server Error' });
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);

    const match = graphqlPath.exec(new URL(req.url ?? '/', 'http://emulator').pathname);
    const version = match?.[1] ? servedVersion(match[1], supported) : null;
    if (!match || version === null) {
      sendJson(res, 404, { errors: 'Not Found' });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { errors: 'Method Not Allowed' }, { Allow: 'POST' });
      return;
    }
    if (req.headers['x-shopify-access-token'] !== accessToken) {
      requestCounters.unauthorized += 1;
      sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = body === null ? undefined : JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const answer = handler.handle(parsed, version);
    if (fault?.kind === 'lose-answer') {
      // The change is applied; only the answer is lost on the way back.
      req.socket.destroy();
      return;
    }
    sendJson(res, answer.status, answer.body, { 'X-Shopify-API-Version': version });
  }

  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { errors: `Emulator failure: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    accessToken,
    graphqlUrl: (version) => `${url}/admin/api/${version}/graphql.json`,
    sideDoor: new SideDoor(store, handler, bucket, faults, requestCounters),
    stop: () => new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

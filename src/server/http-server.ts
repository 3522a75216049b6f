// Serve mode's transport: the built renderer, POST /rpc into the core and core
// events over a WebSocket, on loopback only, every request token-checked.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Core } from '../core.js';
import { servePaths } from '../shared/bridge.js';
import type { Envelope } from '../shared/envelope.js';
import { hasAllowedHost, hasAllowedOrigin, hasValidToken, readCookie, sessionCookie, sessionCookieHeader, tokenCookieHeader } from './auth.js';
import type { Via } from '../team/via.js';
import { serveStatic } from './static-files.js';

export interface ServeOptions {
  core: Core;
  rendererDir: string;
  token: string;
  port: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Spreadsheet imports arrive base64-encoded: a 100 MB file is ~134 MB of text.
const maxBodyBytes = 140 * 1024 * 1024;
const rpcRequestSchema = z.object({ method: z.string().min(1).max(100), input: z.unknown() });

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  response
    .writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders })
    .end(JSON.stringify(body));
}

function errorEnvelope(code: 'VALIDATION' | 'PERMISSION', message: string, key: string): Envelope<never> {
  return { ok: false, error: { code, message, details: { key } } };
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleRpc(core: Core, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (body === null) {
    sendJson(response, 413, errorEnvelope('VALIDATION', 'The request is too large.', 'tooLarge'));
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    sendJson(response, 400, errorEnvelope('VALIDATION', 'The request is not valid JSON.', 'badRequest'));
    return;
  }
  const parsed = rpcRequestSchema.safeParse(json);
  if (!parsed.success) {
    sendJson(response, 400, errorEnvelope('VALIDATION', 'Expected {method, input}.', 'badRequest'));
    return;
  }
  // The browser's session rides in an HttpOnly cookie: a sign-in sets it, a sign-out clears it.
  let newSession: string | null | undefined;
  const via: Via = {
    origin: 'serve',
    session: readCookie(request.headers.cookie, sessionCookie) ?? undefined,
    setSession: (token) => {
      newSession = token;
    },
  };
  const answer = await core.call(parsed.data.method, parsed.data.input, via);
  // Envelopes travel with 200: the error is in the body, with its stable code.
  sendJson(response, 200, answer, newSession === undefined ? {} : { 'Set-Cookie': sessionCookieHeader(newSession) });
}

/**
 * The request's path and query, or null when the request line's target is not an origin-form
 * path ("//", "*", "http://…", control characters): those get a 400 before any other check.
 */
export function requestUrl(raw: string | undefined): URL | null {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//')) return null;
  // Control characters, spaces and backslashes never belong in a target we serve.
  if ([...raw].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) return null;
  try {
    const url = new URL(raw, 'http://localhost');
    decodeURIComponent(url.pathname); // a path that cannot be decoded names no page
    return url;
  } catch {
    return null;
  }
}

function badRequest(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, 400, errorEnvelope('VALIDATION', 'Bad request.', 'badRequest'));
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let port = options.port;
  const sockets = new Map<WebSocket, Via>();

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = requestUrl(request.url);
    if (url === null) {
      badRequest(response);
      return;
    }
    if (url.pathname === servePaths.health) {
      sendJson(response, 200, { ok: true });
      return;
    }
    if (!hasAllowedHost(request, port) || !hasAllowedOrigin(request, port)) {
      sendJson(response, 403, errorEnvelope('PERMISSION', 'Requests must come from this computer.', 'forbiddenHost'));
      return;
    }
    const given = url.searchParams.get('token');
    if (given !== null && request.method === 'GET') {
      // The printed URL: keep the token in a cookie and drop it from the address bar.
      const valid = given === options.token;
      response.writeHead(valid ? 302 : 403, {
        ...securityHeaders,
        ...(valid ? { 'Set-Cookie': tokenCookieHeader(options.token), Location: url.pathname } : {}),
        'Content-Type': 'text/plain; charset=utf-8',
      });
      response.end(valid ? '' : 'The access token in this address is wrong. Use the address Shopdesk printed.');
      return;
    }
    if (!hasValidToken(request, options.token)) {
      response
        .writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Open Shopdesk with the address printed by `npm run serve` (it carries the access token).');
      return;
    }
    if (url.pathname === servePaths.rpc) {
      if (request.method !== 'POST') {
        sendJson(response, 405, errorEnvelope('VALIDATION', 'Use POST.', 'badRequest'));
        return;
      }
      handleRpc(options.core, request, response).catch(() => {
        if (!response.headersSent) sendJson(response, 500, errorEnvelope('VALIDATION', 'Bad request.', 'badRequest'));
      });
      return;
    }
    serveStatic(options.rendererDir, url.pathname, response, securityHeaders);
  };
  // Whatever a request holds, it gets an answer and the server stays up: anything a check
  // did not foresee becomes a 400 for that request alone.
  const server: Server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      badRequest(response);
    }
  });
  // Malformed request lines and headers that Node's parser refuses: 400 and close, never a crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    // A reset upgrade socket with no error listener would take the process down.
    socket.on('error', () => socket.destroy());
    try {
      const url = requestUrl(request.url);
      if (url === null) {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        return;
      }
      const allowed =
        url.pathname === servePaths.events &&
        hasAllowedHost(request, port) &&
        hasAllowedOrigin(request, port) &&
        hasValidToken(request, options.token);
      if (!allowed) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      // Events are heard only while the browser's person is signed in (or sign-in is off):
      // checked per event, so a sign-out or a lock silences the socket at once.
      const via: Via = { origin: 'serve', session: readCookie(request.headers.cookie, sessionCookie) ?? undefined };
      wss.handleUpgrade(request, socket, head, (ws) => {
        sockets.set(ws, via);
        ws.on('error', () => ws.terminate());
        ws.on('close', () => sockets.delete(ws));
      });
    } catch {
      socket.destroy();
    }
  });
  const unsubscribe = options.core.on((event) => {
    const message = JSON.stringify(event);
    for (const [ws, via] of sockets) if (ws.readyState === ws.OPEN && options.core.admits(via)) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${host}:${port}`,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

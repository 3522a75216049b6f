// Serve mode answers every malformed request with a 4xx and stays up: any
// page on another localhost port can send these, so none may kill the server.
// Sent over a raw socket, exactly as written, then the server must still answer.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.js';
import { serveToken, startTestServer, type TestServer } from './serve-harness.js';

const token = serveToken;
let running: TestServer;
let server: RunningServer;

beforeAll(async () => {
  running = await startTestServer();
  ({ server } = running);
});

afterAll(() => running.close());

/** Sends raw bytes and resolves with the status code of the first response line (null: closed without one). */
function send(raw: string | Buffer): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(String(raw).slice(0, 60))}`));
    }, 5_000);
    const done = () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve(status ? Number(status[1]) : null);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (/\r\n/.test(received)) {
        socket.destroy();
        done();
      }
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(withPort(raw));
  });
}

// The battery is written before the server has a port: `{port}` is filled in when sending.
const host = () => 'Host: 127.0.0.1:{port}';
const withPort = (raw: string | Buffer): string | Buffer =>
  typeof raw === 'string' ? raw.replace('{port}', String(server.port)) : Buffer.from(raw.toString('latin1').replace('{port}', String(server.port)), 'latin1');
const get = (target: string, headers: string[] = []) => [`GET ${target} HTTP/1.1`, host(), ...headers, 'Connection: close', '', ''].join('\r\n');
const upgrade = (target: string, headers: string[] = []) =>
  get(target, ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', ...headers]);

describe('serve mode with malformed requests', () => {
  const battery: [string, string | Buffer][] = [
    ['path //', get('//')],
    ['path //evil.example/x', get('//evil.example/x')],
    ['path *', get('*')],
    ['absolute-form target', get('http://evil.example/')],
    ['path without a slash', get('index.html')],
    ['bad percent escape in the path', get('/%E0%A4%A', [`Cookie: shopdesk_token=${token}`])],
    ['bad percent escape in the query', get('/?token=%')],
    ['cookie shopdesk_token=%', get('/', ['Cookie: shopdesk_token=%'])],
    ['cookie with only a name', get('/', ['Cookie: shopdesk_token'])],
    ['cookie full of separators', get('/', ['Cookie: ;;==;shopdesk_token==%%;'])],
    ['Bearer with bad bytes', get('/', ['Authorization: Bearer %ZZ'])],
    ['no Host header', ['GET / HTTP/1.1', 'Connection: close', '', ''].join('\r\n')],
    ['garbage request line', 'HELLO WORLD\r\n\r\n'],
    ['unknown HTTP version', 'GET / HTTP/9.9\r\n\r\n'],
    ['NUL in the path', Buffer.from(`GET /\0 HTTP/1.1\r\n${host()}\r\n\r\n`, 'latin1')],
    ['control character in a header', get('/', ['X-Test: a\u0001b'])],
    ['header without a colon', get('/', ['NoColonHere'])],
    ['oversized header', get('/', [`X-Big: ${'a'.repeat(20_000)}`])],
    ['rpc with broken JSON', [`POST /rpc HTTP/1.1`, host(), `Cookie: shopdesk_token=${token}`, 'Content-Type: application/json', 'Content-Length: 9', 'Connection: close', '', '{"method"'].join('\r\n')],
    ['rpc with a wrong Content-Length', [`POST /rpc HTTP/1.1`, host(), `Cookie: shopdesk_token=${token}`, 'Content-Length: abc', 'Connection: close', '', ''].join('\r\n')],
    ['rpc with GET', get('/rpc', [`Cookie: shopdesk_token=${token}`])],
    ['WebSocket upgrade to //', upgrade('//')],
    ['WebSocket upgrade with cookie %', upgrade('/events', ['Cookie: shopdesk_token=%'])],
    ['WebSocket upgrade with a bad path escape', upgrade('/%E0%A4%A', [`Cookie: shopdesk_token=${token}`])],
    ['WebSocket upgrade with no key', get('/events', ['Upgrade: websocket', 'Connection: Upgrade', `Cookie: shopdesk_token=${token}`])],
  ];

  it.each(battery)('%s gets a 4xx', async (_name, raw) => {
    const status = await send(raw);
    expect(status).not.toBeNull();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('still answers properly after the whole battery, also when half-sent requests are cut off', async () => {
    for (const [, raw] of battery) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      const full = withPort(raw);
      socket.write(typeof full === 'string' ? full.slice(0, Math.floor(full.length / 2)) : full.subarray(0, full.length >> 1));
      socket.destroy();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const answer = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `shopdesk_token=${token}` },
      body: JSON.stringify({ method: 'shop.status', input: {} }),
    });
    expect(await answer.json()).toMatchObject({ ok: true, value: { ready: false } });
  });
});

// Serve mode's HTTP + WebSocket transport: token in the URL -> cookie, every request checked.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../src/core.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { serveToken, startTestServer, type TestServer } from './serve-harness.js';

const token = serveToken;
let running: TestServer;
let core: Core;
let server: RunningServer;

beforeAll(async () => {
  running = await startTestServer();
  ({ core, server } = running);
});

afterAll(() => running.close());

const rpc = (headers: Record<string, string>) =>
  fetch(`${server.url}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ method: 'shop.status', input: {} }),
  });

describe('serve mode transport', () => {
  it('turns the printed token into an HttpOnly cookie and drops it from the address', async () => {
    const answer = await fetch(`${server.url}/?token=${token}`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
    expect(answer.headers.get('set-cookie')).toMatch(/shopdesk_token=.*HttpOnly; SameSite=Strict/);
    expect((await fetch(`${server.url}/?token=wrong`, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses pages and calls without the token, and serves them with it', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(401);
    expect((await rpc({})).status).toBe(401);
    const page = await fetch(`${server.url}/products`, { headers: { Cookie: `shopdesk_token=${token}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Shopdesk</title>');
    const answer = await rpc({ Cookie: `shopdesk_token=${token}` });
    expect(await answer.json()).toMatchObject({ ok: true, value: { ready: false } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses other origins and rebound host names even with the token', async () => {
    expect((await rpc({ Cookie: `shopdesk_token=${token}`, Origin: 'http://evil.example' })).status).toBe(403);
    // fetch() may not set Host, so this request goes through node:http as a rebinding page's would arrive.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/rpc', method: 'POST', headers: { Host: `evil.example:${server.port}`, Authorization: `Bearer ${token}` } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ method: 'shop.status', input: {} }));
    });
    expect(status).toBe(403);
  });

  it('answers malformed requests with a VALIDATION envelope', async () => {
    const answer = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: '{not json',
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('streams core events over an authenticated WebSocket only', async () => {
    const refused = new WebSocket(`${server.url.replace('http', 'ws')}/events`);
    const refusedResult = await new Promise<string>((resolve) => {
      refused.on('open', () => resolve('open'));
      refused.on('error', () => resolve('error'));
    });
    expect(refusedResult).toBe('error');

    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events`, { headers: { Cookie: `shopdesk_token=${token}` } });
    await new Promise((resolve) => socket.on('open', resolve));
    const received = new Promise<unknown>((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)))));
    await core.call('shop.createEmpty', { name: 'Ws shop', currency: 'EUR', timeZone: 'Europe/Berlin', locale: 'en' });
    expect(await received).toEqual({ name: 'shop.changed', payload: { reason: 'created' } });
    socket.close();
  });
});

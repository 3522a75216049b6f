// Helpers for the Vendure connector tests: a fetch that injects faults into the real peer's
// traffic (5xx, a delay past the timeout, a replaced session token) and counts logins, and the
// seeding of a limited administrator for the "no permission" case.
import { z } from 'zod';
import type { VendurePeerClient } from '../../vendure-peer/client.js';

export type Fault = '503' | 'hang' | 'badToken' | 'malformed';

export interface FaultyFetch {
  fetch: typeof globalThis.fetch;
  /** Faults applied, one each, to the next authorized (non-login) requests. */
  inject(...faults: Fault[]): void;
  /** Runs `action` (a concurrent remote change) just before the next request whose document contains `marker`. */
  before(marker: string, action: () => Promise<unknown>): void;
  logins: number;
  requests: number;
}

function bodyText(init: RequestInit | undefined): string {
  return typeof init?.body === 'string' ? init.body : '';
}

export function faultyFetch(): FaultyFetch {
  const queue: Fault[] = [];
  let hook: { marker: string; action: () => Promise<unknown> } | null = null;
  const state: FaultyFetch = {
    logins: 0,
    requests: 0,
    inject: (...faults) => queue.push(...faults),
    before: (marker, action) => {
      hook = { marker, action };
    },
    fetch: async (input, init) => {
      state.requests += 1;
      const isLogin = bodyText(init).includes('login(');
      if (isLogin) {
        state.logins += 1;
        return fetch(input, init);
      }
      if (hook && bodyText(init).includes(hook.marker)) {
        const { action } = hook;
        hook = null;
        await action();
      }
      const fault = queue.shift();
      if (fault === 'malformed') return Response.json({ data: { activeChannel: null } });
      if (fault === '503') return new Response('<html>upstream down</html>', { status: 503 });
      if (fault === 'hang') {
        // Never answers; only the connector's abort signal ends it.
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      if (fault === 'badToken') {
        const headers = new Headers(init?.headers);
        headers.set('authorization', 'Bearer revoked-session-token');
        return fetch(input, { ...init, headers });
      }
      return fetch(input, init);
    },
  };
  return state;
}

/** An administrator whose role may only read settings: signs in, but cannot read the catalogue. */
export async function createLimitedAdmin(client: VendurePeerClient, channelId: string): Promise<{ username: string; password: string }> {
  const { createRole } = await client.request(
    `mutation Role($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
    { input: { code: 'settings-reader', description: 'Reads settings only', permissions: ['ReadSettings'], channelIds: [channelId] } },
    z.object({ createRole: z.object({ id: z.string() }) }),
  );
  const credentials = { username: 'limited@example.com', password: 'limited-admin-password' };
  await client.request(
    `mutation Admin($input: CreateAdministratorInput!) { createAdministrator(input: $input) { id } }`,
    { input: { firstName: 'Limited', lastName: 'Admin', emailAddress: credentials.username, password: credentials.password, roleIds: [createRole.id] } },
    z.object({ createAdministrator: z.object({ id: z.string() }) }),
  );
  return credentials;
}

/**
 * A stand-in server for transport tests that need fast timeouts (the real login is a bcrypt check,
 * too slow for a 50 ms timeout): login answers with a token header, then each API request takes
 * the next step of the script ('ok' answers one stock location).
 */
export function scriptedFetch(script: ('503' | 'hang' | 'ok')[], loginType = 'CurrentUser'): { fetch: typeof globalThis.fetch; calls: string[] } {
  const steps = [...script];
  const calls: string[] = [];
  const fake: typeof globalThis.fetch = (_input, init) => {
    if (bodyText(init).includes('login(')) {
      calls.push('login');
      return Promise.resolve(Response.json({ data: { login: { __typename: loginType, id: '1' } } }, { headers: { 'vendure-auth-token': 'scripted-token' } }));
    }
    calls.push('api');
    const step = steps.shift() ?? 'ok';
    if (step === '503') return Promise.resolve(new Response('busy', { status: 503 }));
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return Promise.resolve(Response.json({ data: { stockLocations: { totalItems: 1, items: [{ id: '1', name: 'Main' }] } } }));
  };
  return { fetch: fake, calls };
}

/** A sleep that records the backoff it was asked for and returns at once. */
export function recordWaits(waits: number[]): (ms: number) => Promise<void> {
  return (ms) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

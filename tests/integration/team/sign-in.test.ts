// Sign-in through serve mode as a browser does it: raw HTTP, the session in an
// HttpOnly cookie the page never reads, every refusal a stable envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorShape, Envelope } from '../../../src/shared/envelope.js';
import { serveToken, startTestServer, type TestServer } from '../serve-harness.js';

let running: TestServer;

/** One browser: the serve token plus whatever session cookie the answers set. */
function browser() {
  let session: string | null = null;
  let lastSetCookie: string | null = null;
  return {
    get lastSetCookie() {
      return lastSetCookie;
    },
    async call(method: string, input: unknown = {}): Promise<Envelope<unknown>> {
      const cookie = [`shopdesk_token=${serveToken}`, ...(session ? [`shopdesk_session=${session}`] : [])].join('; ');
      const response = await fetch(`${running.server.url}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ method, input }),
      });
      lastSetCookie = response.headers.get('set-cookie');
      const match = lastSetCookie ? /shopdesk_session=([^;]*)/.exec(lastSetCookie) : null;
      if (match) session = match[1] === '' ? null : decodeURIComponent(match[1] ?? '');
      return (await response.json()) as Envelope<unknown>;
    },
    async ok<T = unknown>(method: string, input: unknown = {}): Promise<T> {
      const answer = await this.call(method, input);
      if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    },
    async fail(method: string, input: unknown = {}): Promise<AppErrorShape> {
      const answer = await this.call(method, input);
      if (answer.ok) throw new Error(`${method} unexpectedly succeeded`);
      return answer.error;
    },
  };
}

const ownerPassword = 'counter-owner-2026';
const staffPassword = 'floor-staff-2026';
let owner: ReturnType<typeof browser>;
let variantId: number;
let staffId: number;

beforeAll(async () => {
  running = await startTestServer();
  owner = browser();
  await owner.ok('shop.createEmpty', { name: 'Harbor Street Goods', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  const product = await owner.ok<{ variants: { id: number }[] }>('products.create', { title: 'Mug', options: [], skuPrefix: 'MUG', price: 990, cost: 400 });
  variantId = product.variants[0]?.id ?? 0;
  // Sign-in off: the window acts as the owner, who sets a password and then requires sign-in.
  await owner.ok('team.changeOwnPassword', { newPassword: ownerPassword });
  const staff = await owner.ok<{ id: number }>('team.people.create', { name: 'Lin Wei', login: 'Lin', roleId: 3, password: staffPassword, pin: '2468' });
  staffId = staff.id;
  await owner.ok('team.settings.update', { signInRequired: true });
});

afterAll(() => running.close());

describe('signing in through serve mode', () => {
  it('refuses shop calls without a session but answers team.status', async () => {
    const stranger = browser();
    const refused = await stranger.fail('products.list', {});
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', details: { key: 'signInRequired' } });
    const status = await stranger.ok<{ signInRequired: boolean; person: unknown; people: { login: string; hasPin: boolean }[] }>('team.status');
    expect(status.signInRequired).toBe(true);
    expect(status.person).toBeNull();
    expect(status.people).toEqual(expect.arrayContaining([expect.objectContaining({ login: 'Lin', hasPin: true })]));
  });

  it('keeps the session in an HttpOnly cookie: the answer holds no token', async () => {
    const counter = browser();
    const answer = await counter.call('team.signIn', { login: 'owner', password: ownerPassword });
    expect(answer.ok).toBe(true);
    expect(counter.lastSetCookie).toMatch(/^shopdesk_session=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const token = /shopdesk_session=([^;]+)/.exec(counter.lastSetCookie ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(answer).toMatchObject({ ok: true, value: { person: { login: 'owner', roleBuiltIn: 'owner' } } });
    await counter.ok('products.list', {});
    // Signing out clears the cookie, and the next call needs a sign-in again.
    await counter.ok('team.signOut');
    expect(counter.lastSetCookie).toMatch(/shopdesk_session=; .*Max-Age=0/);
    expect(await counter.fail('products.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('says a wrong password is wrong, then slows down guessing from the sixth try', async () => {
    const guesser = browser();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await guesser.fail('team.signIn', { login: 'Lin', password: `guess-${attempt}` })).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { key: 'signInWrong' },
      });
    }
    const limited = await guesser.fail('team.signIn', { login: 'lin', password: 'guess-6' });
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { key: 'signInRateLimited' } });
    expect(limited.details.params?.seconds).toBeGreaterThan(0);
    // Even the right password waits: the limit is per sign-in name, not per guess.
    expect((await guesser.fail('team.signIn', { login: 'Lin', password: staffPassword })).code).toBe('RATE_LIMITED');
    // An unknown name is refused exactly like a wrong password (no hint which names exist).
    expect(await guesser.fail('team.signIn', { login: 'nobody', password: 'whatever1' })).toMatchObject({ details: { key: 'signInWrong' } });
  });

  it('refuses calls while locked, until the same person unlocks', async () => {
    const counter = browser();
    await counter.ok('team.signIn', { login: 'owner', password: ownerPassword });
    expect(await counter.ok('team.lock')).toEqual({ locked: true });
    expect(await counter.fail('products.list', {})).toMatchObject({ code: 'UNAUTHENTICATED', details: { key: 'sessionLocked' } });
    const status = await counter.ok<{ locked: boolean; person: { login: string } | null }>('team.status');
    expect(status).toMatchObject({ locked: true, person: { login: 'owner' } });
    expect(await counter.fail('team.unlock', { password: 'not-the-password' })).toMatchObject({ code: 'UNAUTHENTICATED', details: { key: 'signInWrong' } });
    expect(await counter.fail('products.list', {})).toMatchObject({ details: { key: 'sessionLocked' } });
    await counter.ok('team.unlock', { password: ownerPassword });
    await counter.ok('products.list', {});
  });

  it('switches to a person by PIN on a shared counter', async () => {
    const counter = browser();
    expect(await counter.fail('team.signInWithPin', { personId: staffId, pin: '0000' })).toMatchObject({ details: { key: 'signInWrong' } });
    const answer = await counter.ok<{ person: { login: string } }>('team.signInWithPin', { personId: staffId, pin: '2468' });
    expect(answer.person.login).toBe('Lin');
  });
});

describe('what a Staff person may do', () => {
  let staff: ReturnType<typeof browser>;
  beforeAll(async () => {
    staff = browser();
    await staff.ok('team.signInWithPin', { personId: staffId, pin: '2468' });
  });

  it('refuses a price edit naming the permission, but lets a barcode edit through', async () => {
    const refused = await staff.fail('variants.update', { variantId, changes: { price: 1290 } });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { key: 'forbidden', params: { permission: 'prices.edit', method: 'variants.update' } } });
    await staff.ok('variants.update', { variantId, changes: { barcode: null } });
  });

  it('refuses managing people, naming people.manage', async () => {
    for (const [method, input] of [
      ['team.people.list', {}],
      ['team.people.create', { name: 'Sneaky', login: 'sneaky', roleId: 1, password: 'long-enough-1' }],
      ['team.settings.update', { signInRequired: false }],
    ] as const) {
      expect(await staff.fail(method, input)).toMatchObject({ code: 'FORBIDDEN', details: { key: 'forbidden', params: { permission: 'people.manage' } } });
    }
  });

  it('sees no cost in the products list, where the owner sees it', async () => {
    const boss = browser();
    await boss.ok('team.signIn', { login: 'owner', password: ownerPassword });
    type Rows = { rows: Array<{ variantId: number; cost: number | null }> };
    const costOf = (list: Rows) => list.rows.find((row) => row.variantId === variantId)?.cost;
    expect(costOf(await boss.ok<Rows>('products.list', {}))).toBe(400);
    expect(costOf(await staff.ok<Rows>('products.list', {}))).toBeNull();
  });
});

describe('the rules of people and roles', () => {
  let signedIn: ReturnType<typeof browser>;
  beforeAll(async () => {
    signedIn = browser();
    await signedIn.ok('team.signIn', { login: 'OWNER', password: ownerPassword });
  });

  it('keeps the last owner an owner, and nobody deactivates themselves', async () => {
    const me = (await signedIn.ok<{ person: { id: number } }>('team.status')).person.id;
    expect(await signedIn.fail('team.people.update', { personId: me, changes: { roleId: 2 } })).toMatchObject({ details: { key: 'lastOwner' } });
    const second = await signedIn.ok<{ id: number }>('team.people.create', { name: 'Second owner', login: 'second', roleId: 1, password: 'second-owner-1' });
    expect(await signedIn.fail('team.people.update', { personId: me, changes: { active: false } })).toMatchObject({ details: { key: 'notYourself' } });
    expect(await signedIn.fail('team.people.update', { personId: me, changes: { roleId: 2 } })).toMatchObject({ details: { key: 'notYourself' } });
    // Another owner can be stepped down while one remains.
    await signedIn.ok('team.people.update', { personId: second.id, changes: { roleId: 2 } });
  });

  it('refuses a sign-in name taken in another case', async () => {
    const refused = await signedIn.fail('team.people.create', { name: 'Another Lin', login: 'LIN', roleId: 3, password: 'another-lin-1' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details.issues).toEqual([expect.objectContaining({ path: 'login', key: 'loginTaken' })]);
  });

  it('refuses to require sign-in until the person turning it on has a password', async () => {
    const fresh = await startTestServer();
    try {
      const call = async (method: string, input: unknown) => {
        const response = await fetch(`${fresh.server.url}/rpc`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `shopdesk_token=${serveToken}` },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Envelope<unknown>;
      };
      await call('shop.createEmpty', { name: 'One person', currency: 'USD', timeZone: 'UTC', locale: 'en' });
      const refused = await call('team.settings.update', { signInRequired: true });
      expect(refused).toMatchObject({ ok: false, error: { details: { key: 'signInNeedsPassword' } } });
      expect(await call('team.settings.get', {})).toMatchObject({ ok: true, value: { signInRequired: false } });
    } finally {
      await fresh.close();
    }
  });
});

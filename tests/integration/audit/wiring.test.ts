// What the core plugs in (src/audit/wiring.ts): the router's `around` hook, the sign-in
// and refusal events, and changes made outside any call.
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditRecorder } from '../../../src/audit/recorder.js';
import { createAuditService } from '../../../src/audit/service.js';
import { openDatabase } from '../../../src/db/open.js';
import { createAuditAround, createForbiddenAudit, createSignInAudit } from '../../../src/audit/wiring.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { runAs } from '../../../src/team/call-context.js';
import type { PersonRow } from '../../../src/team/team-store.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { mei } from './audit-harness.js';
import { signedInAs } from '../team/team-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const clock = fixedClock(testNow);
const fail = (error: unknown): never => {
  throw error;
};
const rowsOf = (s: TestShop) => createAuditService(s.db, clock).list({}, { offset: 0, limit: 50 }, true).rows;

describe('audit wiring', () => {
  it('the core records a call as its caller, and a refused call that changed nothing not at all', async () => {
    shop = testShop();
    const person = await signedInAs(shop, 'manager', 'mei');
    await shop.ok('team.people.update', { personId: 2, changes: { name: 'Mei Chen' } });
    expect((await person.call('settings.update', { name: 'Tea & Mugs' })).ok).toBe(true);
    const refused = await person.call('settings.update', { currency: 'XXX' });
    expect(refused.ok).toBe(false);
    const rows = rowsOf(shop).filter((row) => row.kind === 'settings.update');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'settings.update', personName: 'Mei Chen', personId: 2, origin: 'serve' });
  });

  it('records sign-ins, refused sign-ins and refused calls', () => {
    shop = testShop();
    const opened = shop;
    const signIns = createSignInAudit(() => opened.db, clock, fail);
    const person = { id: 7, name: 'Mei Chen', login: 'mei' } as PersonRow;
    signIns.signedIn(person, { origin: 'serve' }, 'password');
    signIns.refused('mei', { origin: 'desktop' }, 'wrongSecret');
    createForbiddenAudit(() => opened.db, clock, fail).forbidden('suppliers.update', mei, 'suppliers.manage');
    const rows = rowsOf(shop);
    expect(rows.map((row) => [row.kind, row.personName, row.origin])).toEqual([
      ['forbidden', 'Mei Chen', 'serve'],
      ['signInRefused', 'Shopdesk', 'desktop'],
      ['signIn', 'Mei Chen', 'serve'],
    ]);
    expect(rows[0]?.subject).toBe('suppliers.update');
  });

  it('changes made outside any call are recorded as the shop’s own before the next call', async () => {
    shop = testShop();
    const opened = shop;
    opened.db.prepare("INSERT INTO suppliers (name, currency, created_at, updated_at) VALUES ('Side door Ltd', 'USD', ?, ?)").run(testNow, testNow);
    const around = createAuditAround(() => opened.db, clock, fail);
    await runAs(mei, () => around({ method: 'settings.update', caller: mei, input: { name: 'X' } }, () => opened.ok('settings.update', { name: 'X' })));
    const outside = rowsOf(shop).find((row) => row.kind === 'outsideChanges');
    expect(outside).toMatchObject({ personId: 0, personName: 'Shopdesk', origin: 'cli' });
    const full = createAuditService(opened.db, clock).get(outside?.id ?? 0, 0, 10, true).row;
    expect(full.changes.find((c) => c.table === 'suppliers' && c.field === 'name')?.after).toBe('Side door Ltd');
    expect(rowsOf(shop)[0]).toMatchObject({ kind: 'settings.update', personName: 'Mei Chen' });
  });

  it('a row that cannot be written now (another writer holds the lock) is written with the next call', async () => {
    shop = testShop();
    const opened = shop;
    const mine = openDatabase(opened.path);
    mine.pragma('busy_timeout = 0');
    const errors: unknown[] = [];
    const recorder = createAuditRecorder(mine, clock, (error) => errors.push(error));
    try {
      recorder.after(recorder.before(), { method: 'settings.get', input: {}, ok: true }); // folds the seeding first
      const mark = recorder.before();
      // A change on the side connection (not through the core, which records its own calls).
      opened.db.prepare("UPDATE shop_settings SET name = 'Locked out' WHERE id = 1").run();
      opened.db.exec('BEGIN IMMEDIATE');
      runAs(mei, () => recorder.after(mark, { method: 'settings.update', input: { name: 'Locked out' }, ok: true }));
      opened.db.exec('COMMIT');
      expect(errors).toHaveLength(1);
      expect(rowsOf(opened).some((row) => row.kind === 'settings.update')).toBe(false);
      recorder.after(recorder.before(), { method: 'settings.get', input: {}, ok: true });
      const row = rowsOf(opened).find((r) => r.kind === 'settings.update');
      expect(row).toMatchObject({ personName: 'Mei Chen' });
      expect(row?.changes.find((c) => c.field === 'name')?.after).toBe('Locked out');
    } finally {
      mine.close();
    }
  });
});

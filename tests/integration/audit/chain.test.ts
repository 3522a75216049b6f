// The audit log cannot be changed by the core (triggers refuse UPDATE and DELETE), and a
// change made with plain SQL after dropping them is found by the hash chain.
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/audit/recorder.js';
import { verifyChain } from '../../../src/audit/service.js';
import { openDatabase } from '../../../src/db/open.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const clock = fixedClock(testNow);

function shopWithRows(count: number): TestShop {
  const opened = testShop();
  for (let i = 1; i <= count; i += 1) {
    appendAudit(opened.db, clock, { kind: 'settings.update', area: 'settings', summary: `change ${i}`, after: { 'shop_settings:1': { name: `Shop ${i}` } } });
  }
  return opened;
}

function dropGuards(shop: TestShop): void {
  shop.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('append-only', () => {
  it('refuses UPDATE and DELETE of audit rows', () => {
    shop = shopWithRows(2);
    expect(() => shop?.db.prepare("UPDATE audit_log SET person_name = 'Someone else' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => shop?.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(verifyChain(shop.db)).toEqual({ ok: true, rows: 2, brokenAt: null });
  });
});

describe('the hash chain', () => {
  it('an intact log verifies, through audit.verify too', async () => {
    shop = shopWithRows(5);
    expect(verifyChain(shop.db)).toEqual({ ok: true, rows: 5, brokenAt: null });
    // Through the core, the seeding outside any call is folded into one more row first.
    expect(await shop.ok('audit.verify', {})).toMatchObject({ ok: true, brokenAt: null });
  });

  it('a row edited with plain SQL is named', async () => {
    shop = shopWithRows(5);
    dropGuards(shop);
    shop.db.prepare(`UPDATE audit_log SET after_json = '{"shop_settings:1":{"name":"Forged"}}' WHERE id = 3`).run();
    expect(verifyChain(shop.db)).toEqual({ ok: false, rows: 3, brokenAt: { id: 3, at: testNow, reason: 'edited' } });
    expect((await shop.ok('audit.verify', {})).brokenAt).toMatchObject({ id: 3, reason: 'edited' });
  });

  it('a row whose hash was recomputed after the edit still breaks the chain at the next row', () => {
    shop = shopWithRows(4);
    dropGuards(shop);
    // Someone who knows the scheme re-hashes the edited row: the row after it no longer follows.
    shop.db.prepare("UPDATE audit_log SET person_name = 'Forged', hash = 'f' || substr(hash, 2) WHERE id = 2").run();
    const status = verifyChain(shop.db);
    expect(status.ok).toBe(false);
    expect(status.brokenAt?.id).toBe(2);
  });

  it('a deleted row is named by the row after the gap', () => {
    shop = shopWithRows(5);
    dropGuards(shop);
    shop.db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyChain(shop.db).brokenAt).toEqual({ id: 3, at: testNow, reason: 'missingBefore' });
  });

  it('a row slipped in is named', () => {
    shop = shopWithRows(3);
    dropGuards(shop);
    const first = shop.db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, unknown>;
    shop.db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    // A made-up row 3 carrying a copied hash, then the real one back as 4.
    shop.db
      .prepare(
        `INSERT INTO audit_log (id, at, person_id, person_name, origin, area, kind, subject, summary, input_json, before_json, after_json, extra_json, change_set_id, prev_hash, hash)
         VALUES (3, @at, 0, 'Intruder', 'cli', 'settings', 'settings.update', NULL, NULL, NULL, NULL, NULL, NULL, NULL, @prev_hash, @hash)`,
      )
      .run(first);
    const status = verifyChain(shop.db);
    expect(status.ok).toBe(false);
    expect(status.brokenAt?.id).toBe(3);
  });

  it('rows written by two connections still form one chain', () => {
    shop = shopWithRows(1);
    const other = openDatabase(shop.path);
    try {
      for (let i = 0; i < 4; i += 1) appendAudit(i % 2 === 0 ? other : shop.db, clock, { kind: 'signIn', area: 'team' });
    } finally {
      other.close();
    }
    expect(verifyChain(shop.db)).toEqual({ ok: true, rows: 5, brokenAt: null });
  });
});

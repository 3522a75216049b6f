import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const csv = [
  '供应商,联系人,币种,交期,备注',
  'Hangzhou Textiles,Li Wei,CNY,21,linen',
  'Tiger Trading,,usd,35,',
  'Hangzhou Textiles,Dup,CNY,5,',
  'Bad Lead,,CNY,-3,',
].join('\n');

describe('suppliers import', () => {
  it('previews creates and errors with row and column, applies only valid rows when chosen, and undoes as one set', async () => {
    shop = testShop();
    const session = await openImport(shop, 'suppliers', 'suppliers.csv', csv);
    expect(session.encoding).toBe('utf-8');
    expect(session.columns.map((c) => c.field)).toEqual(['name', 'contactName', 'currency', 'leadTimeDays', 'notes']);
    expect(session.counts).toEqual({ create: 2, update: 0, unchanged: 0, skip: 0, error: 2 });
    const errors = await rows(shop, session.sessionId, 'error');
    expect(errors.map((r) => [r.row, r.issues[0]?.key, r.issues[0]?.header])).toEqual([
      [4, 'duplicateInFile', '供应商'],
      [5, 'negative', '交期'],
    ]);
    expect(errors[0]?.issues[0]?.message).toBe('Row 4, 供应商: "Hangzhou Textiles" appears again on row 2');

    const refused = await applyImport(shop, session.sessionId, 'all');
    expect(refused.status).toBe('failed');
    expect(refused.error?.details.key).toBe('importHasErrors');
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM suppliers').get()).toEqual({ n: 0 });

    const done = await applyImport(shop, session.sessionId, 'validOnly');
    expect(done.status).toBe('succeeded');
    expect(shop.db.prepare('SELECT name, contact_name AS contact, currency, lead_time_days AS lead FROM suppliers ORDER BY name').all()).toEqual([
      { name: 'Hangzhou Textiles', contact: 'Li Wei', currency: 'CNY', lead: 21 },
      { name: 'Tiger Trading', contact: null, currency: 'USD', lead: 35 },
    ]);
    const after = await shop.ok('imports.get', { sessionId: session.sessionId });
    expect(after.applied?.written).toBe(2);
    expect((await openImport(shop, 'suppliers', 'suppliers.csv', csv)).counts).toEqual({ create: 0, update: 0, unchanged: 2, skip: 0, error: 2 });

    const history = await shop.ok('history.list', {});
    expect(history.changeSets[0]?.kind).toBe('import');
    await shop.ok('history.undo', { changeSetId: after.applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM suppliers').get()).toEqual({ n: 0 });
  });

  it('updates only the columns present; a blank cell keeps the value unless blank clears', async () => {
    shop = testShop();
    const first = await openImport(shop, 'suppliers', 's.csv', 'Name,Contact,Phone\nAcme,Ann,123\n');
    await applyImport(shop, first.sessionId);
    const second = await openImport(shop, 'suppliers', 's2.csv', 'Name,Contact\nAcme,\n');
    expect(second.counts).toEqual({ create: 0, update: 0, unchanged: 1, skip: 0, error: 0 });
    const clearing = await shop.ok('imports.update', { sessionId: second.sessionId, options: { blankClears: true } });
    expect(clearing.counts.update).toBe(1);
    expect((await rows(shop, second.sessionId, 'update'))[0]?.changes).toEqual([{ field: 'contactName', before: 'Ann', after: null }]);
    await applyImport(shop, second.sessionId);
    expect(shop.db.prepare("SELECT contact_name AS c, phone FROM suppliers WHERE name = 'Acme'").get()).toEqual({ c: null, phone: '123' });
  });
});

describe('an import previewed before another write', () => {
  it('plans again inside its transaction, so it never applies a stale preview', async () => {
    shop = testShop();
    const stale = await openImport(shop, 'suppliers', 'a.csv', 'Name,Contact\nAcme,Ann\n');
    expect(stale.counts.create).toBe(1);
    await applyImport(shop, (await openImport(shop, 'suppliers', 'b.csv', 'Name,Contact\nAcme,Bob\n')).sessionId);
    const done = await applyImport(shop, stale.sessionId);
    expect(done.status).toBe('succeeded');
    expect(shop.db.prepare('SELECT name, contact_name AS contact FROM suppliers').all()).toEqual([{ name: 'Acme', contact: 'Ann' }]);
  });
});

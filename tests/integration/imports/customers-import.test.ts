import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const customers = (shop: TestShop) => shop.db.prepare('SELECT email, name, phone, city, country FROM customers ORDER BY id').all();

function seedCustomers(shop: TestShop): void {
  const insert = shop.db.prepare("INSERT INTO customers (email, name, phone, city, country, created_at) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')");
  insert.run('ann@example.com', 'Ann Berg', '+47 400 00 000', 'Oslo', 'NO');
  insert.run('wang.fang@example.cn', '王芳', null, '上海', 'CN');
}

describe('customers import', () => {
  it('matches e-mails in any case, creates, updates and leaves unchanged, and names every bad row and column', async () => {
    shop = testShop();
    seedCustomers(shop);
    const before = customers(shop);
    const file = [
      '电子邮件,客户名称,手机,城市,国家',
      'ANN@Example.com,Ann Berg,+47 400 00 000,Bergen,NO', // 2 update: city
      'wang.fang@example.cn,王芳,,上海,CN', // 3 unchanged (blank phone keeps)
      'li.na@example.com,李娜,+86 138 0000 0000,杭州,CN', // 4 create
      'not-an-email,Bob,,,', // 5 bad e-mail
      'new@example.com,,,Paris,FR', // 6 no name to create with
      ',Nobody,,,', // 7 no e-mail
      'Li.Na@example.com,李娜,,,', // 8 the same e-mail again
    ].join('\n');
    const session = await openImport(shop, 'customers', 'customers.csv', file);
    expect(session.columns.map((c) => c.field)).toEqual(['email', 'name', 'phone', 'city', 'country']);
    expect(session.counts).toEqual({ create: 1, update: 1, unchanged: 1, skip: 0, error: 4 });
    const errors = await rows(shop, session.sessionId, 'error');
    expect(errors.map((r) => [r.row, ...r.issues.map((i) => i.message)])).toEqual([
      [5, 'Row 5, 电子邮件: "not-an-email" is not an e-mail address'],
      [6, 'Row 6, 客户名称: a value is needed here'],
      [7, 'Row 7, 电子邮件: a value is needed here'],
      [8, 'Row 8, 电子邮件: "Li.Na@example.com" appears again on row 4'],
    ]);
    expect((await rows(shop, session.sessionId, 'update'))[0]?.changes).toEqual([{ field: 'city', before: 'Oslo', after: 'Bergen' }]);

    expect((await applyImport(shop, session.sessionId, 'all')).status).toBe('failed');
    expect(customers(shop)).toEqual(before);

    await applyImport(shop, session.sessionId, 'validOnly');
    expect(customers(shop)).toEqual([
      { email: 'ann@example.com', name: 'Ann Berg', phone: '+47 400 00 000', city: 'Bergen', country: 'NO' },
      { email: 'wang.fang@example.cn', name: '王芳', phone: null, city: '上海', country: 'CN' },
      { email: 'li.na@example.com', name: '李娜', phone: '+86 138 0000 0000', city: '杭州', country: 'CN' },
    ]);

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(customers(shop)).toEqual(before);
  });

  it('clears a column only when "blank clears" is chosen, and reads a Shopify customers export', async () => {
    shop = testShop();
    seedCustomers(shop);
    const shopify = 'First Name,Last Name,Email,Default Address City,Default Address Country Code,Phone\nAnn,Berg,ann@example.com,,NO,\n';
    const keep = await openImport(shop, 'customers', 'customers_export.csv', shopify);
    expect(keep.columns.map((c) => c.field)).toEqual([null, null, 'email', 'city', 'country', 'phone']);
    expect(keep.counts).toEqual({ create: 0, update: 0, unchanged: 1, skip: 0, error: 0 });

    const clear = await openImport(shop, 'customers', 'customers_export.csv', shopify, { options: { blankClears: true } });
    expect((await rows(shop, clear.sessionId, 'update'))[0]?.changes).toEqual([
      { field: 'phone', before: '+47 400 00 000', after: null },
      { field: 'city', before: 'Oslo', after: null },
    ]);
    await applyImport(shop, clear.sessionId);
    expect(customers(shop)[0]).toEqual({ email: 'ann@example.com', name: 'Ann Berg', phone: null, city: null, country: 'NO' });
  });
});

// audit.list / audit.get / exports.grid through the contract: filters, keyset paging
// newest first, a change set's items on its row, and the log as a file.
import { afterEach, describe, expect, it } from 'vitest';
import { HOD_M, seedPurchasing } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { audited, mei } from './audit-harness.js';
import { createAuditHandlers } from '../../../src/audit/handlers.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { runAs } from '../../../src/team/call-context.js';
import { builtInRolePermissions } from '../../../src/team/permission-names.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

async function seeded(): Promise<TestShop> {
  const opened = testShop(seedPurchasing);
  await audited(opened, 'settings.update', { name: 'Tea & Mugs' });
  await audited(opened, 'suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
  await audited(opened, 'suppliers.create', { name: 'Hangzhou Tea', currency: 'CNY' });
  await audited(opened, 'variants.update', { variantId: HOD_M, changes: { price: 2999 } });
  return opened;
}

describe('audit.list and audit.get', () => {
  it('filters by kind, area, text and date, newest first, paged by keyset', async () => {
    shop = await seeded();
    const suppliers = await shop.ok('audit.list', { kind: 'suppliers.create' });
    expect(suppliers.total).toBe(2);
    expect(suppliers.rows.map((row) => row.changes.find((c) => c.field === 'name')?.after)).toEqual(['Hangzhou Tea', 'Acme Tea Co']);
    expect((await shop.ok('audit.list', { area: 'catalog' })).rows.map((row) => row.kind)).toEqual(['variants.update']);
    expect((await shop.ok('audit.list', { text: 'Hangzhou' })).rows.map((row) => row.kind)).toEqual(['suppliers.create']);
    expect((await shop.ok('audit.list', { text: 'Mei Chen' })).total + (await shop.ok('audit.list', { text: 'Owner' })).total).toBeGreaterThanOrEqual(4);
    expect((await shop.ok('audit.list', { text: 'suppliers.create' })).total).toBe(2);
    expect((await shop.ok('audit.list', { from: '2026-11-21T00:00:00.000Z' })).total).toBe(0);
    expect((await shop.ok('audit.list', { to: testNow, kind: 'settings.update' })).total).toBe(1);

    const first = await shop.ok('audit.list', { limit: 2 });
    expect(first.nextBeforeId).not.toBeNull();
    const second = await shop.ok('audit.list', { limit: 2, beforeId: first.nextBeforeId ?? undefined });
    const ids = [...first.rows, ...second.rows].map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.people.map((p) => p.name)).toContain('Owner');
  });

  it("a change set's row shows its items and offers its change set for undo", async () => {
    shop = await seeded();
    const row = (await shop.ok('audit.list', { kind: 'variants.update' })).rows[0];
    expect(row?.changes[0]).toMatchObject({ table: 'variants', field: 'price', after: 2999 });
    const entry = await shop.ok('audit.get', { id: row?.id ?? 0 });
    expect(entry.changeSet?.id).toBe(row?.changeSetId);
    expect(entry.changeSetItems[0]).toMatchObject({ entity: 'variants', field: 'price', after: 2999 });
    expect(entry.input).toMatchObject({ variantId: HOD_M });
  });

  it('exports the filtered log, kinds in the reader’s words', async () => {
    shop = await seeded();
    const file = await shop.ok('exports.grid', {
      source: 'audit.list',
      query: { kind: 'suppliers.create' },
      columns: [
        { field: 'at', header: 'When', kind: 'date' },
        { field: 'personName', header: 'Who', kind: 'text' },
        { field: 'kind', header: 'What', kind: 'text', labels: { 'suppliers.create': 'Supplier created' } },
        { field: 'changesText', header: 'Changes', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'audit',
    });
    expect(file.rows).toBe(2);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Supplier created');
    expect(text).toContain('Acme Tea Co');
  });
});

describe('who may read the log', () => {
  it('the list handler itself refuses a caller without audit.view (exports.grid calls it directly, past the router)', async () => {
    shop = await seeded();
    const opened = shop;
    const handlers = createAuditHandlers({ db: () => opened.db, clock: fixedClock(testNow), actor: () => 'mei', emit: () => undefined });
    const staff = { ...mei, permissions: new Set(builtInRolePermissions.staff) };
    const query = { offset: 0, limit: 10 };
    expect(() => runAs(staff, () => handlers['audit.list'](query))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as Error);
    const viewer = { ...mei, permissions: new Set(builtInRolePermissions.viewer) };
    expect(((await runAs(viewer, () => handlers['audit.list'](query))) as { total: number }).total).toBeGreaterThan(0);
  });
});

// exports.grid over coupons.list (a batch to send) and promotions.audience (the send list).
import { afterEach, describe, expect, it } from 'vitest';
import { gridSources, queryShapeOf, rowHasField } from '../../../src/exports/sources.js';
import { freezeAudience } from '../../../src/promotions/audience.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { insertOrder, seedCouponShop } from './coupon-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const csvLines = (base64: string): string[] => Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('exports.grid: coupons and audiences', () => {
  it('writes every code of a batch over several pages, with uses', async () => {
    shop = testShop((path) => seedCouponShop(path, [{ id: 1 }]));
    await shop.ok('coupons.add', { promotionId: 1, code: 'SHARED10' });
    await shop.ok('coupons.generate', { promotionId: 1, count: 2500, prefix: 'B-', length: 8, perCustomer: false });
    insertOrder(shop.db, 1, '2026-11-19T10:00:00.000Z', 3000, 'shared10');
    const file = await shop.ok('exports.grid', {
      source: 'coupons.list',
      query: { promotionId: 1 },
      columns: [
        { field: 'code', header: 'Code', kind: 'text' },
        { field: 'uses', header: 'Uses', kind: 'number' },
      ],
      format: 'csv',
      fileName: 'Coupons',
    });
    expect(file.rows).toBe(2501);
    const lines = csvLines(file.contentBase64);
    expect(lines[0]).toBe('Code,Uses');
    expect(lines[1]).toBe('SHARED10,1');
    expect(lines.slice(2).every((l) => /^B-[A-Z2-9]{8},0$/.test(l))).toBe(true);
    expect(new Set(lines.slice(1)).size).toBe(2501);
  });

  it('writes the send list: treatment customers with their codes, not the control group', async () => {
    // Customer 6 is held out (see audience.test.ts); 4 and 5 get codes.
    shop = testShop((path) => seedCouponShop(path, [{ id: 9, segment: 'hibernating', controlShareBp: 5000 }]));
    freezeAudience(shop.db, 9, new Date('2026-11-20T10:00:00.000Z'));
    await shop.ok('coupons.generate', { promotionId: 9, perCustomer: true, prefix: 'WB', length: 8 });
    const file = await shop.ok('exports.grid', {
      source: 'promotions.audience',
      query: { promotionId: 9, group: 'treatment' },
      columns: [
        { field: 'name', header: 'Name', kind: 'text' },
        { field: 'email', header: 'Email', kind: 'text' },
        { field: 'code', header: 'Code', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'Send list',
    });
    const lines = csvLines(file.contentBase64);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Name,Email,Code');
    expect(lines[1]).toMatch(/^Dee,dee@example\.com,WB[A-Z2-9]{8}$/);
    expect(lines[2]).toMatch(/^Eve,eve@example\.com,WB[A-Z2-9]{8}$/);
  });

  it('refuses a column the audience rows do not have', async () => {
    shop = testShop((path) => seedCouponShop(path, [{ id: 9, segment: 'hibernating' }]));
    const refused = await shop.fail('exports.grid', {
      source: 'promotions.audience',
      query: { promotionId: 9 },
      columns: [{ field: 'segment', header: 'Segment', kind: 'text' }],
      format: 'csv',
      fileName: 'x',
    });
    expect(refused.details).toMatchObject({ key: 'validation', issues: [{ key: 'exportUnknownField' }] });
  });
});

describe('promotions export sources', () => {
  it('pages the paged lists, reads top-N and per-promotion answers whole, and names their row fields', () => {
    expect(queryShapeOf('promotions.list').pageSize).toBe(1000);
    expect(queryShapeOf('coupons.list').pageSize).toBe(1000);
    expect(queryShapeOf('promotions.audience').pageSize).toBe(1000);
    // promotions.results has a limit but no offset: one page of its largest size.
    const results = queryShapeOf('promotions.results');
    expect(results.pageSize).toBe(500);
    expect(Object.keys(results.schema.shape)).toEqual(['from', 'to']);
    expect(queryShapeOf('promotions.evaluate').pageSize).toBeNull();
    expect(queryShapeOf('promotions.simulate').pageSize).toBeNull();
    expect(rowHasField(gridSources['promotions.results'].rowSchema, 'roi')).toBe(true);
    expect(rowHasField(gridSources['promotions.evaluate'].rowSchema, 'liftUnits')).toBe(true);
    expect(rowHasField(gridSources['promotions.simulate'].rowSchema, 'shortfall')).toBe(true);
    expect(rowHasField(gridSources['promotions.audience'].rowSchema, 'inControl')).toBe(true);
    expect(rowHasField(gridSources['coupons.list'].rowSchema, 'customerEmail')).toBe(true);
  });
});

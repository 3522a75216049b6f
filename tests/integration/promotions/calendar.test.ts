// The promotions calendar through the core: bars whose window overlaps a range of local days in
// the shop's time zone, the built-in and the owner's key dates; margin-floor settings.
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../temp-shop.js';
import { lifecycleShop, teeSale, type LifecycleShop } from './lifecycle-fixture.js';

let current: LifecycleShop | undefined;
afterEach(async () => {
  await current?.shop.close();
  current = undefined;
  removeTempDirs();
});

/** A shop in Shanghai (UTC+8): local midnight of 2026-11-01 is 2026-10-31T16:00Z. */
function shanghaiShop(): LifecycleShop {
  current = lifecycleShop();
  current.shop.db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
  return current;
}

describe('calendar', () => {
  it('shows the promotions overlapping the local days of the range, and the key dates in it', async () => {
    const s = shanghaiShop();
    const window = (name: string, startsAt: string, endsAt: string) => s.promotions.create(teeSale({ name, startsAt, endsAt }), 'owner');
    // Ends at local 11-01 00:00 (exclusive): entirely in October.
    window('October', '2026-10-20T16:00:00.000Z', '2026-10-31T16:00:00.000Z');
    // One local minute on 10-31 and one on 11-01.
    window('Across the month', '2026-10-31T15:59:00.000Z', '2026-10-31T16:01:00.000Z');
    window('Double 11', '2026-11-10T16:00:00.000Z', '2026-11-11T16:00:00.000Z');
    // Starts local 11-30 23:59.
    window('Last minute', '2026-11-30T15:59:00.000Z', '2026-12-02T16:00:00.000Z');
    // Starts local 12-01 00:00: after the range.
    window('December', '2026-11-30T16:00:00.000Z', '2026-12-05T16:00:00.000Z');
    const own = await s.shop.ok('promotions.keyDates.add', { date: '2026-11-20', name: 'Shop anniversary' });

    const month = await s.shop.ok('promotions.calendar', { from: '2026-11-01', to: '2026-11-30' });
    expect(month.promotions.map((p) => p.name)).toEqual(['Across the month', 'Double 11', 'Last minute']);
    expect(month.promotions[1]).toMatchObject({ status: 'draft', channels: 'all', variantCount: 2 });
    expect(month.keyDates).toEqual([
      { id: null, date: '2026-11-11', key: 'double11', name: null },
      { id: own.id, date: '2026-11-20', key: null, name: 'Shop anniversary' },
      { id: null, date: '2026-11-27', key: 'blackFriday', name: null },
    ]);
  });

  it('marks Spring Festival 2027 on 6 February', async () => {
    const s = shanghaiShop();
    const week = await s.shop.ok('promotions.calendar', { from: '2027-02-01', to: '2027-02-07' });
    expect(week).toEqual({ promotions: [], keyDates: [{ id: null, date: '2027-02-06', key: 'springFestival', name: null }] });
  });

  it('refuses a range that ends before it starts', async () => {
    const s = shanghaiShop();
    const error = await s.shop.fail('promotions.calendar', { from: '2026-11-30', to: '2026-11-01' });
    expect([error.code, error.details.issues?.[0]?.key]).toEqual(['VALIDATION', 'rangeInverted']);
  });
});

describe('key dates', () => {
  it('adds and removes the owner’s dates', async () => {
    const s = shanghaiShop();
    const added = await s.shop.ok('promotions.keyDates.add', { date: '2026-12-24', name: '  Christmas Eve ' });
    expect(added).toMatchObject({ date: '2026-12-24', key: null, name: 'Christmas Eve' });
    expect(await s.shop.ok('promotions.keyDates.remove', { id: added.id ?? 0 })).toEqual({ removed: true });
    const december = await s.shop.ok('promotions.calendar', { from: '2026-12-20', to: '2026-12-31' });
    expect(december.keyDates).toEqual([]);
    expect((await s.shop.fail('promotions.keyDates.remove', { id: added.id ?? 0 })).code).toBe('NOT_FOUND');
    expect((await s.shop.fail('promotions.keyDates.add', { date: '2026-02-30', name: 'Nope' })).details.issues?.[0]?.key).toBe('localDate');
  });
});

describe('margin floors', () => {
  it('round-trips the shop floor and per-category floors, and removes one with null', async () => {
    const s = shanghaiShop();
    expect(await s.shop.ok('promotions.settings.get', {})).toMatchObject({ minMarginBp: 1000, categoryFloors: [] });
    const updated = await s.shop.ok('promotions.settings.update', {
      minMarginBp: 1500,
      categoryFloors: [
        { categoryId: 3, minMarginBp: 3000 },
        { categoryId: 2, minMarginBp: 500 },
      ],
    });
    expect(updated).toMatchObject({
      minMarginBp: 1500,
      categoryFloors: [
        { categoryId: 2, categoryName: 'Apparel > Tees', minMarginBp: 500 },
        { categoryId: 3, categoryName: 'Mugs', minMarginBp: 3000 },
      ],
    });
    const after = await s.shop.ok('promotions.settings.update', { categoryFloors: [{ categoryId: 2, minMarginBp: null }] });
    expect(after).toMatchObject({ minMarginBp: 1500, categoryFloors: [{ categoryId: 3, categoryName: 'Mugs', minMarginBp: 3000 }] });
    const error = await s.shop.fail('promotions.settings.update', { categoryFloors: [{ categoryId: 99, minMarginBp: 100 }] });
    expect(error.details.issues?.map((i) => [i.path, i.key])).toEqual([['categoryFloors.0.categoryId', 'unknownCategory']]);
  });
});

describe('channel fees', () => {
  it('lists every channel with its fee, sets and clears one, and refuses an unknown channel', async () => {
    const s = shanghaiShop();
    expect((await s.shop.ok('promotions.settings.get', {})).channelFees).toEqual([
      { channelId: 2, channelName: 'POS', feeBp: null },
      { channelId: 1, channelName: 'Shopify', feeBp: null },
    ]);
    const set = await s.shop.ok('promotions.settings.update', { channelFees: [{ channelId: 1, feeBp: 290 }] });
    expect(set.channelFees).toContainEqual({ channelId: 1, channelName: 'Shopify', feeBp: 290 });
    const cleared = await s.shop.ok('promotions.settings.update', { channelFees: [{ channelId: 1, feeBp: null }] });
    expect(cleared.channelFees).toContainEqual({ channelId: 1, channelName: 'Shopify', feeBp: null });
    const error = await s.shop.fail('promotions.settings.update', { channelFees: [{ channelId: 99, feeBp: 100 }] });
    expect(error.details.issues?.map((i) => [i.path, i.key])).toEqual([['channelFees.0.channelId', 'unknownChannel']]);
  });
});

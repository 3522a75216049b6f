// The daily digest instead of one notification per alert: when it is due, what
// it lists (the groups needing action, in the shop's local day), and which
// urgent groups are told at once, only once.
import { afterEach, describe, expect, it } from 'vitest';
import { digestDue, emptyDigestState, urgentToNotify } from '../../../src/alerts/digest.js';
import { fastMoverUnits, isUrgent } from '../../../src/alerts/group-key.js';
import { seedReorder } from '../reorder-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

describe('daily digest', () => {
  it('is due once a day from the digest hour on', () => {
    expect(digestDue(emptyDigestState, '2026-11-20', 8)).toBe(false);
    expect(digestDue(emptyDigestState, '2026-11-20', 9)).toBe(true);
    expect(digestDue({ lastDigestOn: '2026-11-20', notified: [] }, '2026-11-20', 15)).toBe(false);
    expect(digestDue({ lastDigestOn: '2026-11-19', notified: [] }, '2026-11-20', 23)).toBe(true);
    expect(digestDue({ lastDigestOn: '2026-11-19', notified: [] }, '2026-11-20', 7, 6)).toBe(true);
  });

  it('tells an urgent group once, and again only after it stopped being urgent', () => {
    const a = { key: 'stockOut:supplier:1', urgent: true };
    const b = { key: 'salesDrop:category:2', urgent: false };
    const first = urgentToNotify(emptyDigestState, [a, b]);
    expect(first.notify).toEqual([a]);
    const second = urgentToNotify(first.state, [a, b]);
    expect(second.notify).toEqual([]);
    const gone = urgentToNotify(second.state, [b]);
    expect(gone.state.notified).toEqual([]);
    expect(urgentToNotify(gone.state, [a]).notify).toEqual([a]);
  });

  it('calls urgent only a new critical stock-out of a fast mover or a failing channel', () => {
    const stockOut = (units: number, severity: 'critical' | 'warning' = 'critical', status: 'new' | 'seen' = 'new') => ({
      rule: 'stockOut' as const,
      severity,
      status,
      explanation: { baselineText: { key: 'alerts.baseline.soldRecently', params: { units, days: 28 } } },
    });
    expect(fastMoverUnits).toBe(14);
    expect(isUrgent(stockOut(14))).toBe(true);
    expect(isUrgent(stockOut(13))).toBe(false);
    expect(isUrgent(stockOut(30, 'warning'))).toBe(false);
    expect(isUrgent(stockOut(30, 'critical', 'seen'))).toBe(false);
  });

  it('lists the groups needing action with their new counts, in the shop’s local day and hour', async () => {
    shop = testShop(seedReorder);
    await shop.ok('alerts.evaluate', {});
    const digest = await shop.ok('alerts.digest', {});
    // testNow is 2026-11-20T10:00Z and the shop is on UTC.
    expect([digest.today, digest.hour]).toEqual(['2026-11-20', 10]);
    const groups = await shop.ok('alerts.groups', { status: 'new' });
    expect(digest.groups.map((g) => g.key)).toEqual(groups.groups.filter((g) => g.needsAction).map((g) => g.key));
    expect(digest.groups.length).toBe(groups.needAction);
    for (const group of digest.groups) expect(group.count).toBe(groups.groups.find((g) => g.key === group.key)?.newCount);

    shop.db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
    expect(await shop.ok('alerts.digest', {})).toMatchObject({ today: '2026-11-20', hour: 18 });
  });
});

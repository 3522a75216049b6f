// Scheduling through the margin guard (refused below the floor without a reason, recorded in
// History with one), starting at once when the start has passed, back to draft, and cancel.
// Guard, runner and audience are fakes that record their calls (lifecycle-fixture.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { historyRenderer } from '../../../src/shared/history-texts.js';
import { parseSummaryParams } from '../../../src/shared/history-summary.js';
import { runAs, systemCaller } from '../../../src/team/call-context.js';
import type { Permission } from '../../../src/team/permission-names.js';
import { removeTempDirs } from '../temp-shop.js';
import { lifecycleShop, refusal, row, teeSale, type LifecycleShop } from './lifecycle-fixture.js';

let current: LifecycleShop | undefined;
afterEach(async () => {
  await current?.shop.close();
  current = undefined;
  removeTempDirs();
});
const open = (options: { breaches?: number } = {}): LifecycleShop => (current = lifecycleShop(options));

describe('schedule', () => {
  it('schedules a draft whose SKUs all keep their margin, and leaves it waiting for its start', () => {
    const { promotions, lifecycle, calls, shop } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    const detail = lifecycle.schedule(id, undefined, 'owner');
    expect([detail.status, detail.overrideReason, detail.editable]).toEqual(['scheduled', null, true]);
    expect(calls.check).toEqual([{ promotionId: id }]);
    // The runner is asked at once; the start (12-01) has not come (now 11-20), so it stays scheduled.
    expect(calls.advance).toEqual(['2026-11-20T10:00:00.000Z']);
    expect(shop.db.prepare('SELECT kind, summary FROM change_sets ORDER BY id DESC LIMIT 1').get()).toEqual({
      kind: 'promotion_schedule',
      summary: 'Scheduled promotion “Tee week”',
    });
  });

  it('refuses below the floor without a reason, naming the count and the worst SKUs', () => {
    const { promotions, lifecycle, shop } = open({ breaches: 3 });
    const { id } = promotions.create(teeSale(), 'owner');
    const error = refusal(() => lifecycle.schedule(id, undefined, 'owner'));
    expect([error.code, error.details.key, error.details.params]).toEqual(['CONFLICT', 'belowMarginFloor', { count: 3, name: 'Tee week' }]);
    expect(error.details.issues).toEqual([
      {
        path: 'breaches.0',
        key: 'belowMarginFloor',
        message: 'TEE-S: 750 leaves a margin of -6.67 % under the floor of 10.00 %',
        params: { sku: 'TEE-S', variantId: 1, unitPrice: 750, cost: 800, marginBp: -667, floorBp: 1000 },
      },
    ]);
    expect(row(shop.db, id)?.status).toBe('draft');
  });

  it('refuses a role that runs promotions but does not see costs without telling it the cost or margin', () => {
    const { promotions, lifecycle } = open({ breaches: 3 });
    const { id } = promotions.create(teeSale(), 'owner');
    const promoter = { ...systemCaller('serve'), personId: 7, login: 'promo', name: 'Promo', permissions: new Set<Permission>(['shop.view', 'promotions.run']) };
    const error = refusal(() => runAs(promoter, () => lifecycle.schedule(id, undefined, 'promo')));
    expect([error.code, error.details.key]).toEqual(['CONFLICT', 'belowMarginFloor']);
    expect(error.details.issues).toEqual([
      {
        path: 'breaches.0',
        key: 'belowMarginFloor',
        message: 'TEE-S: 750 is under the margin floor of 10.00 %',
        params: { sku: 'TEE-S', variantId: 1, unitPrice: 750, floorBp: 1000 },
      },
    ]);
  });

  it('schedules over the floor with a stated reason, recorded on the promotion and in History in both languages', async () => {
    const { promotions, lifecycle, shop } = open({ breaches: 3 });
    const { id } = promotions.create(teeSale(), 'owner');
    const detail = lifecycle.schedule(id, 'Clearing last season’s tees', 'owner');
    expect([detail.status, detail.overrideReason, detail.overrideBy, detail.overrideAt]).toEqual([
      'scheduled',
      'Clearing last season’s tees',
      'owner',
      '2026-11-20T10:00:00.000Z',
    ]);
    const history = await shop.ok('history.list', { offset: 0, limit: 10 });
    const set = history.changeSets[0];
    expect([set?.kind, set?.summary]).toEqual([
      'promotion_schedule',
      'Scheduled promotion “Tee week” below the margin floor on 3 SKU(s). Reason: Clearing last season’s tees',
    ]);
    const stored = shop.db.prepare<[], { key: string; params: string }>('SELECT summary_key AS key, summary_params AS params FROM change_sets ORDER BY id DESC LIMIT 1').get();
    const zh = historyRenderer('zh-CN', 'USD').summary({ key: stored?.key ?? '', params: parseSummaryParams(stored?.params ?? null) }, '');
    expect(zh).toBe('促销“Tee week”有 3 个规格低于毛利底线，仍已排期。原因：Clearing last season’s tees');
  });

  it('starts at once a promotion whose start has passed', () => {
    const { promotions, lifecycle, calls, clock } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    clock.set('2026-12-02T08:00:00.000Z');
    const detail = lifecycle.schedule(id, undefined, 'owner');
    expect(calls.advance).toEqual(['2026-12-02T08:00:00.000Z']);
    expect([detail.status, detail.startedAt, detail.editable]).toEqual(['running', '2026-12-02T08:00:00.000Z', false]);
  });

  it('refuses a promotion whose end has passed, and anything but a draft', () => {
    const { promotions, lifecycle, clock } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    clock.set('2026-12-08T00:00:00.000Z');
    expect(refusal(() => lifecycle.schedule(id, undefined, 'owner')).details.key).toBe('promotionWindowPast');
    clock.set('2026-11-20T10:00:00.000Z');
    lifecycle.schedule(id, undefined, 'owner');
    expect(refusal(() => lifecycle.schedule(id, undefined, 'owner')).details).toEqual({
      key: 'promotionNotDraft',
      params: { name: 'Tee week', status: 'scheduled' },
    });
  });

  it('takes the audience of a segment campaign when scheduled, and drops it when put back to draft', () => {
    const { promotions, lifecycle, calls, shop } = open();
    const { id } = promotions.create(
      teeSale({ rule: { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1500 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 }, segmentCode: 'atRiskBigSpenders', controlShareBp: 2000 }),
      'owner',
    );
    lifecycle.schedule(id, undefined, 'owner');
    expect(calls.freeze).toEqual([{ promotionId: id, asOf: '2026-11-20T10:00:00.000Z' }]);
    // What freezeAudience would have written.
    shop.db.prepare('INSERT INTO promotion_audience (promotion_id, customer_id, in_control) VALUES (?, 1, 0), (?, 2, 1)').run(id, id);
    const back = lifecycle.unschedule(id, 'owner');
    expect(back.status).toBe('draft');
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM promotion_audience WHERE promotion_id = ?').get(id)).toEqual({ n: 0 });
  });
});

describe('unschedule', () => {
  it('puts a scheduled promotion back to draft and forgets its override; refuses once it runs', () => {
    const { promotions, lifecycle, shop } = open({ breaches: 1 });
    const { id } = promotions.create(teeSale(), 'owner');
    lifecycle.schedule(id, 'Stock clearance', 'owner');
    const draft = lifecycle.unschedule(id, 'owner');
    expect([draft.status, draft.overrideReason, draft.overrideBy]).toEqual(['draft', null, null]);
    lifecycle.schedule(id, 'Stock clearance', 'owner');
    shop.db.prepare("UPDATE promotions SET status = 'running', started_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(id);
    expect(refusal(() => lifecycle.unschedule(id, 'owner')).details.key).toBe('promotionNotScheduled');
  });
});

describe('cancel', () => {
  it('cancels a running promotion: its sale prices are cleared through the runner', () => {
    const { promotions, lifecycle, calls, shop, clock } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    lifecycle.schedule(id, undefined, 'owner');
    shop.db.prepare("UPDATE promotions SET status = 'running', started_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(id);
    clock.set('2026-12-03T09:30:00.000Z');
    const detail = lifecycle.cancel(id, 'owner');
    expect([detail.status, detail.finishedAt]).toEqual(['cancelled', '2026-12-03T09:30:00.000Z']);
    expect(calls.clearPrices).toEqual([{ promotionId: id, at: '2026-12-03T09:30:00.000Z' }]);
    expect(shop.db.prepare('SELECT kind, summary FROM change_sets ORDER BY id DESC LIMIT 1').get()).toEqual({
      kind: 'promotion_cancel',
      summary: 'Cancelled promotion “Tee week”',
    });
    expect(refusal(() => lifecycle.cancel(id, 'owner')).details.key).toBe('promotionFinished');
  });
});

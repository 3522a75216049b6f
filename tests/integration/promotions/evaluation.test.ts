// Evaluation of a promotion on a small history whose baseline is known (passed in): every figure
// below is computed by hand from the orders in the fixture (see the comments next to them).
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { evaluatePromotion } from '../../../src/promotions/evaluation-service.js';
import { evaluationSchema, type Simulation } from '../../../src/promotions/insight-contract.js';
import { evaluationShop, flatBaseline, knownBaselines, order, promotion } from './evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

/**
 * Promotion 1: 10 % off Tea A (product 1) from 1 to 8 March 2026 (UTC), on the POS channel only.
 *   O1  2 Mar  Ann (her first order)  POS  3 × T-A @1000, line discount 300; 1 × C-1 @500; 100 off the order
 *   O2  3 Mar  Bo                      Web  2 × T-A (out of the channel scope)
 *   O3  4 Mar  Cy                      POS  5 × T-A, cancelled
 *   O4  5 Mar  Ann                     POS  1 × T-A, discount 100
 *   O6  6 Mar  Di (ordered in January) POS  2 × T-A, discount 200
 *   O8  7 Mar 23:30, guest             POS  1 × T-A, discount 100
 *   O9  8 Mar 00:00 (the end: after)   POS  1 × T-A
 *   O10 10 Mar                         POS  1 × T-A;  O11 11 Mar Web 4 × T-A (out of scope)
 *   O12 3 Mar Bo                       POS  1 × T-B @2000 (the same category, not promoted)
 *   O7  20 Mar Ann                     Web  1 × C-1 (a repeat order)
 */
function marchHistory(): void {
  db = evaluationShop();
  promotion(db, { id: 1, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-08T00:00:00.000Z', targets: [['product', 1]], channels: [1] });
  order(db, { placedAt: '2026-01-10T10:00:00.000Z', customerId: 4, lines: [{ variantId: 3, quantity: 1, unitPrice: 500 }] });
  order(db, { placedAt: '2026-02-28T23:00:00.000Z', customerId: 3, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
  order(db, { placedAt: '2026-03-02T10:00:00.000Z', customerId: 1, orderDiscount: 100, lines: [{ variantId: 1, quantity: 3, unitPrice: 1000, discount: 300 }, { variantId: 3, quantity: 1, unitPrice: 500 }] });
  order(db, { placedAt: '2026-03-03T10:00:00.000Z', customerId: 2, channelId: 2, lines: [{ variantId: 1, quantity: 2, unitPrice: 1000, discount: 200 }] });
  order(db, { placedAt: '2026-03-04T10:00:00.000Z', customerId: 3, status: 'cancelled', lines: [{ variantId: 1, quantity: 5, unitPrice: 1000, discount: 500 }] });
  order(db, { placedAt: '2026-03-05T10:00:00.000Z', customerId: 1, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000, discount: 100 }] });
  order(db, { placedAt: '2026-03-06T10:00:00.000Z', customerId: 4, lines: [{ variantId: 1, quantity: 2, unitPrice: 1000, discount: 200 }] });
  order(db, { placedAt: '2026-03-07T23:30:00.000Z', customerId: null, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000, discount: 100 }] });
  order(db, { placedAt: '2026-03-08T00:00:00.000Z', lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
  order(db, { placedAt: '2026-03-10T09:00:00.000Z', lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
  order(db, { placedAt: '2026-03-11T09:00:00.000Z', channelId: 2, lines: [{ variantId: 1, quantity: 4, unitPrice: 1000 }] });
  order(db, { placedAt: '2026-03-03T11:00:00.000Z', customerId: 2, lines: [{ variantId: 2, quantity: 1, unitPrice: 2000 }] });
  order(db, { placedAt: '2026-03-20T09:00:00.000Z', customerId: 1, channelId: 2, lines: [{ variantId: 3, quantity: 1, unitPrice: 500 }] });
}

// Promoted set: 0.5 units a day, all on T-A; the other Tea (T-B): 0.2 a day.
const baselines = () => knownBaselines((days) => flatBaseline(days, 0.5, [[1, 1]]), (days) => flatBaseline(days, 0.2, [[2, 1]]));

describe('promotion evaluation', () => {
  it('attributes by active SKU within the channel scope, splits the order discount, and computes lift, incremental GP and ROI', () => {
    marchHistory();
    const source = baselines();
    const e = evaluatePromotion(db, 1, new Date('2026-04-01T00:00:00.000Z'), { baselines: source });
    // One baseline over the 7 promotion days and the 14 after, from the first day.
    expect(source.calls).toEqual([{ first: '2026-03-01', days: 21 }]);
    expect(e.state).toBe('final');
    expect(e.days).toBe(7);
    // O1, O4, O6, O8: 3 + 1 + 2 + 1 units of T-A; O2 (Web), O3 (cancelled), O9 (at the end) are out.
    expect(e.orders).toBe(4);
    expect(e.units).toBe(7);
    expect(e.gmv).toBe(7000);
    // O1's T-A line: 300 + 100 × 3000 / 3500 = 385.71; + 100 + 200 + 100 = 785.71 → 786.
    expect(e.discounts).toBe(786);
    expect(e.netSales).toBe(6214);
    expect(e.grossProfit).toBe(6214 - 7 * 400);
    // Baseline: 7 days × 0.5 = 3.5 units at 1000 (regular) and 600 margin.
    expect(e.baselineUnits).toBeCloseTo(3.5, 10);
    expect(e.baselineNetSales).toBe(3500);
    expect(e.baselineGrossProfit).toBe(2100);
    expect(e.liftUnits).toBeCloseTo(3.5, 10);
    expect(e.liftPercent).toBeCloseTo(1, 10);
    expect(e.liftNetSales).toBe(2714);
    expect(e.giftCost).toBe(0);
    expect(e.promotionCost).toBe(786);
    // 3414 − 2100 − 0 = 1314; ROI 1314 / 786.
    expect(e.incrementalGrossProfit).toBe(1314);
    expect(e.roi).toBeCloseTo(1314 / 786, 10);
    expect(e.rows.map((r) => [r.sku, r.units, r.discounts, r.netSales])).toEqual([['T-A', 7, 786, 6214]]);
    expect(e.notes.map((n) => n.key)).toContain('promotions.evaluation.note.channelScope');
    // What promotions.evaluate answers is valid against its contract.
    expect(evaluationSchema.parse(e)).toEqual(e);
  });

  it('measures the pull-forward dip over the 14 days after the end, complete only once they are over', () => {
    marchHistory();
    const final = evaluatePromotion(db, 1, new Date('2026-04-01T00:00:00.000Z'), { baselines: baselines() });
    // O9 (8 Mar 00:00) and O10 on POS; O11 is on the Web channel. Baseline 14 × 0.5 = 7.
    expect(final.pullForward).toEqual({ days: 14, units: 2, baselineUnits: 7, dipUnits: -5, complete: true });
    const midway = evaluatePromotion(db, 1, new Date('2026-03-15T00:00:00.000Z'), { baselines: baselines() });
    // 7 days of the 14 are over: baseline 3.5.
    expect(midway.pullForward).toEqual({ days: 14, units: 2, baselineUnits: 3.5, dipUnits: -1.5, complete: false });
    expect(midway.notes.map((n) => n.key)).toContain('promotions.evaluation.note.pullForwardOpen');
  });

  it('measures cannibalisation of the same category’s other products against their baseline', () => {
    marchHistory();
    const e = evaluatePromotion(db, 1, new Date('2026-04-01T00:00:00.000Z'), { baselines: baselines() });
    // T-B sold 1 × 2000 in the window; baseline 7 × 0.2 = 1.4 units × 2000 = 2800.
    expect(e.cannibalisation).toEqual({ skus: 1, netSales: 2000, baselineNetSales: 2800, differenceNetSales: -800 });
  });

  it('tells new customers (first order ever attributed) from returning ones, with the new ones’ repeat orders since', () => {
    marchHistory();
    const e = evaluatePromotion(db, 1, new Date('2026-04-01T00:00:00.000Z'), { baselines: baselines() });
    // Ann's first order is O1 (new; later O4 and O7); Di ordered in January (returning); the guest counts in neither.
    expect(e.customers).toEqual({
      total: 2,
      new: 1,
      returning: 1,
      newRepeatOrders: 2,
      newRepeatCustomers: 1,
      // Ann: 3000 − 385.71 + 900 = 3514.29; Di: 2000 − 200.
      netSalesNew: 3514,
      netSalesReturning: 1800,
    });
    // Before O7 was placed only O4 had followed.
    const earlier = evaluatePromotion(db, 1, new Date('2026-03-19T00:00:00.000Z'), { baselines: baselines() });
    expect(earlier.customers.newRepeatOrders).toBe(1);
  });

  it('is live while running: the current day counts up to now, and it is compared with its simulation', () => {
    marchHistory();
    promotion(db, { id: 2, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 2000 }, status: 'running', startsAt: '2026-06-01T12:00:00.000Z', endsAt: '2026-06-05T00:00:00.000Z', targets: [['variant', 3]] });
    order(db, { placedAt: '2026-06-01T15:00:00.000Z', lines: [{ variantId: 3, quantity: 4, unitPrice: 500, discount: 400 }] });
    order(db, { placedAt: '2026-06-02T19:00:00.000Z', lines: [{ variantId: 3, quantity: 9, unitPrice: 500, discount: 900 }] });
    const simulation = { days: 4, totals: { expectedUnits: 40 } } as Simulation;
    const e = evaluatePromotion(db, 2, new Date('2026-06-02T18:00:00.000Z'), { baselines: knownBaselines((days) => flatBaseline(days, 2, [[3, 1]])), simulate: () => simulation });
    expect(e.state).toBe('live');
    expect(e.to).toBe('2026-06-02T18:00:00.000Z');
    // Half of 1 June and three quarters of 2 June: 1.25 days, baseline 2.5 units; the 19:00 order is still to come.
    expect(e.days).toBeCloseTo(1.25, 10);
    expect(e.baselineUnits).toBeCloseTo(2.5, 10);
    expect(e.units).toBe(4);
    // 40 expected over 4 days: 12.5 for 1.25 days.
    expect(e.expectedUnits).toBeCloseTo(12.5, 10);
    expect(e.pullForward).toMatchObject({ units: 0, baselineUnits: 0, complete: false });
  });

  it('measures a promotion cancelled early up to when it was cancelled, and nothing for one cancelled before it started', () => {
    marchHistory();
    promotion(db, { id: 3, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, status: 'cancelled', finishedAt: '2026-03-04T00:00:00.000Z', startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-08T00:00:00.000Z', targets: [['product', 1]], channels: [1] });
    promotion(db, { id: 4, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, status: 'cancelled', finishedAt: '2026-02-20T00:00:00.000Z', startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-08T00:00:00.000Z', targets: [['product', 1]] });
    const early = evaluatePromotion(db, 3, new Date('2026-04-01T00:00:00.000Z'), { baselines: baselines() });
    // Only O1 (2 March) falls before 4 March on POS.
    expect(early.units).toBe(3);
    expect(early.days).toBe(3);
    expect(early.baselineUnits).toBeCloseTo(1.5, 10);
    const never = evaluatePromotion(db, 4, new Date('2026-04-01T00:00:00.000Z'), { baselines: baselines() });
    expect(never.state).toBe('notStarted');
    expect(never.units).toBe(0);
  });

  it('takes the baseline on the shop’s local days (Shanghai: UTC+8)', () => {
    db = evaluationShop('Asia/Shanghai');
    // 2 March 00:00 – 4 March 00:00 in Shanghai.
    promotion(db, { id: 1, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, startsAt: '2026-03-01T16:00:00.000Z', endsAt: '2026-03-03T16:00:00.000Z', targets: [['variant', 1]] });
    order(db, { placedAt: '2026-03-01T15:59:00.000Z', lines: [{ variantId: 1, quantity: 5, unitPrice: 1000 }] });
    order(db, { placedAt: '2026-03-01T16:30:00.000Z', lines: [{ variantId: 1, quantity: 2, unitPrice: 1000, discount: 200 }] });
    const source = knownBaselines((days) => flatBaseline(days, 1, [[1, 1]]));
    const e = evaluatePromotion(db, 1, new Date('2026-04-01T00:00:00.000Z'), { baselines: source });
    expect(source.calls).toEqual([{ first: '2026-03-02', days: 16 }]);
    expect(e.days).toBe(2);
    expect(e.baselineUnits).toBe(2);
    // The 23:59 order of 1 March (local) is before the start.
    expect(e.units).toBe(2);
  });
});

// The results list is kept per connection while nothing is written (results-service.ts): asked
// again it answers the same list, and after any write — an order placed under a promotion, a
// return, a cancellation — the list is recomputed and equals a fresh evaluation. A list holding a
// live promotion is never kept (its figures move with the clock).
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { evaluatePromotion } from '../../../src/promotions/evaluation-service.js';
import { listPromotionResults } from '../../../src/promotions/results-service.js';
import { evaluationShop, order, promotion } from './evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

const rule = { type: 'percent_off', percentOffBp: 1000 };
const now = new Date('2026-06-10T00:00:00.000Z');
const input = { limit: 100 };

/** The list as it must be: each promotion's headline evaluation now. */
function expected(rows: ReturnType<typeof listPromotionResults>) {
  return rows.map((r) => {
    const e = evaluatePromotion(db, r.promotionId, now, { headline: true, simulate: null });
    return { ...r, units: e.units, netSales: e.netSales, liftPercent: e.liftPercent, incrementalGrossProfit: e.incrementalGrossProfit, promotionCost: e.promotionCost, roi: e.roi };
  });
}

describe('promotion results kept between writes', () => {
  it('answers the same list until something is written, then recomputes it', () => {
    db = evaluationShop();
    promotion(db, { id: 1, type: 'percent_off', rule, startsAt: '2026-06-02T00:00:00.000Z', endsAt: '2026-06-06T00:00:00.000Z', targets: [['product', 2]] });
    const first = order(db, { placedAt: '2026-06-03T10:00:00.000Z', lines: [{ variantId: 2, quantity: 1, unitPrice: 2000, discount: 200 }] });
    const before = listPromotionResults(db, input, now);
    expect(before.map((r) => [r.promotionId, r.units, r.netSales])).toEqual([[1, 1, 1800]]);
    expect(listPromotionResults(db, input, now)).toEqual(before);
    // A new order under the promotion.
    order(db, { placedAt: '2026-06-04T10:00:00.000Z', lines: [{ variantId: 2, quantity: 2, unitPrice: 2000, discount: 400 }] });
    const afterOrder = listPromotionResults(db, input, now);
    expect(afterOrder.map((r) => [r.units, r.netSales])).toEqual([[3, 5400]]);
    expect(afterOrder).toEqual(expected(afterOrder));
    // The first order cancelled.
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(first);
    const afterCancel = listPromotionResults(db, input, now);
    expect(afterCancel.map((r) => [r.units, r.netSales])).toEqual([[2, 3600]]);
    expect(afterCancel).toEqual(expected(afterCancel));
  });

  it('never keeps a list with a live promotion', () => {
    db = evaluationShop();
    promotion(db, { id: 2, type: 'percent_off', rule, status: 'running', startsAt: '2026-06-06T00:00:00.000Z', endsAt: '2026-06-21T00:00:00.000Z', targets: [['product', 2]] });
    order(db, { placedAt: '2026-06-07T10:00:00.000Z', lines: [{ variantId: 2, quantity: 1, unitPrice: 2000, discount: 200 }] });
    expect(listPromotionResults(db, input, now).map((r) => r.units)).toEqual([1]);
    // An order placed at 11:00 does not count at midnight, and counts at noon with nothing written in between.
    db.prepare("UPDATE orders SET placed_at = '2026-06-10T11:00:00.000Z'").run();
    const later = new Date('2026-06-10T12:00:00.000Z');
    expect(listPromotionResults(db, input, now).map((r) => r.units)).toEqual([0]);
    expect(listPromotionResults(db, input, later).map((r) => r.units)).toEqual([1]);
  });
});

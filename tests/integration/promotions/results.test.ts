// The promotions results list: running and ended promotions overlapping a range, newest first,
// with the evaluation's headline figures; drafts, scheduled ones and those cancelled before they
// started are left out.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { evaluatePromotion } from '../../../src/promotions/evaluation-service.js';
import { evaluationSummarySchema } from '../../../src/promotions/insight-contract.js';
import { listPromotionResults } from '../../../src/promotions/results-service.js';
import { evaluationShop, flatBaseline, knownBaselines, order, promotion } from './evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

const rule = { type: 'percent_off', percentOffBp: 1000 };
const now = new Date('2026-06-10T00:00:00.000Z');
// 0.4 units of Tea B a day: 4 days → 1.6 units, baseline GP 1.6 × 800 = 1280.
const baselines = knownBaselines((days) => flatBaseline(days, 0.4, [[2, 1]]));

function shop(): void {
  db = evaluationShop();
  promotion(db, { id: 1, type: 'percent_off', rule, startsAt: '2026-06-02T00:00:00.000Z', endsAt: '2026-06-06T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 2, type: 'percent_off', rule, status: 'running', startsAt: '2026-06-06T00:00:00.000Z', endsAt: '2026-06-21T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 3, type: 'percent_off', rule, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-06T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 4, type: 'percent_off', rule, status: 'scheduled', startsAt: '2026-06-03T00:00:00.000Z', endsAt: '2026-06-30T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 5, type: 'percent_off', rule, status: 'cancelled', finishedAt: '2026-05-30T00:00:00.000Z', startsAt: '2026-06-03T00:00:00.000Z', endsAt: '2026-06-30T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 6, type: 'percent_off', rule, status: 'cancelled', finishedAt: '2026-06-04T00:00:00.000Z', startsAt: '2026-06-03T00:00:00.000Z', endsAt: '2026-06-30T00:00:00.000Z', targets: [['product', 1]] });
  order(db, { placedAt: '2026-06-03T10:00:00.000Z', lines: [{ variantId: 2, quantity: 1, unitPrice: 2000, discount: 200 }] });
  order(db, { placedAt: '2026-06-04T10:00:00.000Z', lines: [{ variantId: 2, quantity: 2, unitPrice: 2000, discount: 400 }] });
}

describe('promotion results', () => {
  it('lists running and ended promotions overlapping the range with the evaluation’s headline figures', () => {
    shop();
    const rows = listPromotionResults(db, { from: '2026-06-01T00:00:00.000Z', to: '2026-06-08T00:00:00.000Z', limit: 100 }, now, baselines);
    expect(rows.map((r) => [r.promotionId, r.status, r.endsAt])).toEqual([
      [2, 'running', '2026-06-21T00:00:00.000Z'],
      [6, 'cancelled', '2026-06-04T00:00:00.000Z'],
      [1, 'ended', '2026-06-06T00:00:00.000Z'],
    ]);
    for (const row of rows) expect(evaluationSummarySchema.parse(row)).toEqual(row);
    const ended = rows[2];
    // 3 units, net sales 5400, GP 5400 − 3600 = 1800; incremental 1800 − 1280 = 520; cost 600.
    expect(ended).toMatchObject({ units: 3, netSales: 5400, incrementalGrossProfit: 520, promotionCost: 600 });
    expect(ended?.liftPercent).toBeCloseTo((3 - 1.6) / 1.6, 10);
    expect(ended?.roi).toBeCloseTo(520 / 600, 10);
    const full = evaluatePromotion(db, 1, now, { baselines });
    expect(ended).toMatchObject({ units: full.units, netSales: full.netSales, incrementalGrossProfit: full.incrementalGrossProfit, roi: full.roi });
  });

  it('lists everything that ran when no range is given, up to the limit', () => {
    shop();
    const rows = listPromotionResults(db, { limit: 2 }, now, baselines);
    expect(rows.map((r) => r.promotionId)).toEqual([2, 6]);
    expect(listPromotionResults(db, { limit: 100 }, now, baselines).map((r) => r.promotionId)).toEqual([2, 6, 1, 3]);
  });
});

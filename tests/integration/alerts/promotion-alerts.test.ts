// The three promotion alerts on a small hand-made shop (UTC), with known baselines and simulations:
// - Promotion 1 (running 1–11 June, Tea A and Cups): by 3 June 00:00 (2 days in, 8 left) it sold
//   16 × T-A (8 a day; 40 available → 5 days of cover) and 4 × C-1 (2 a day; 30 available → 15 days).
// - Promotion 2 (10 % off Tea B, 20–25 May, ended): 3 × T-B for 6000 − 600 = 5400, COGS 3600;
//   baseline 0.4 a day × 5 = 2 units, GP 2 × 800 = 1600 → lift +50 %, incremental GP 200, ROI 200 / 600.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../src/alerts/evaluate.js';
import { promotionBelowSimulationRuleWith } from '../../../src/alerts/rules/promotion-below-simulation.js';
import { promotionEndedRuleWith } from '../../../src/alerts/rules/promotion-ended.js';
import { promotionStockCoverRule } from '../../../src/alerts/rules/promotion-stock-cover.js';
import { createAlertStore } from '../../../src/alerts/store.js';
import type { Db } from '../../../src/db/open.js';
import type { Simulation } from '../../../src/promotions/insight-contract.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { evaluationShop, flatBaseline, knownBaselines, order, promotion } from '../promotions/evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

function shop(stockA: number): void {
  db = evaluationShop();
  promotion(db, { id: 1, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, status: 'running', startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-06-11T00:00:00.000Z', targets: [['product', 1], ['variant', 3]] });
  promotion(db, { id: 2, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, startsAt: '2026-05-20T00:00:00.000Z', endsAt: '2026-05-25T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 3, type: 'percent_off', rule: { type: 'percent_off', percentOffBp: 1000 }, startsAt: '2026-04-20T00:00:00.000Z', endsAt: '2026-04-25T00:00:00.000Z', targets: [['product', 2]] });
  db.prepare("INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, updated_at) VALUES (1, 1, ?, 0, '2026-06-01T00:00:00Z'), (3, 1, 32, 2, '2026-06-01T00:00:00Z')").run(stockA);
  order(db, { placedAt: '2026-06-01T10:00:00.000Z', lines: [{ variantId: 1, quantity: 10, unitPrice: 1000, discount: 1000 }, { variantId: 3, quantity: 4, unitPrice: 500, discount: 200 }] });
  order(db, { placedAt: '2026-06-02T10:00:00.000Z', lines: [{ variantId: 1, quantity: 6, unitPrice: 1000, discount: 600 }] });
  order(db, { placedAt: '2026-05-21T10:00:00.000Z', lines: [{ variantId: 2, quantity: 2, unitPrice: 2000, discount: 400 }] });
  order(db, { placedAt: '2026-05-23T10:00:00.000Z', lines: [{ variantId: 2, quantity: 1, unitPrice: 2000, discount: 200 }] });
}

const alerts = () => createAlertStore(db).list(undefined, 0, 50);
const simulation = (expectedUnits: number) => () => ({ days: 10, totals: { expectedUnits } }) as Simulation;
const baselines = knownBaselines((days) => flatBaseline(days, 0.4, [[2, 1]]));

describe('promotion alerts', () => {
  it('warns when a running promotion’s SKU will sell out before the promotion ends, listing the worst SKUs', () => {
    shop(40);
    evaluateAlerts(db, fixedClock('2026-06-03T00:00:00.000Z'), [promotionStockCoverRule]);
    const [alert, ...rest] = alerts();
    expect(rest).toHaveLength(0);
    expect(alert?.rule).toBe('promotionStockCover');
    expect(alert?.subjectType).toBe('promotion');
    expect(alert?.explanation.title).toEqual({ key: 'alerts.title.promotionStockCover', params: { promotion: 'Promotion 1', skus: 1 } });
    expect(alert?.explanation.value).toBe(5);
    expect(alert?.explanation.baseline).toBe(8);
    expect(alert?.explanation.causes).toEqual([{ key: 'alerts.cause.promotionSkuCover', params: { sku: 'T-A', available: 40, perDay: 8, days: 5 } }]);
    expect(alert?.explanation.action).toEqual({ kind: 'openPromotion', promotionId: 1 });
  });

  it('stays quiet with enough stock, and resolves once stock arrives', () => {
    shop(100);
    evaluateAlerts(db, fixedClock('2026-06-03T00:00:00.000Z'), [promotionStockCoverRule]);
    expect(alerts()).toHaveLength(0);
    db.prepare('UPDATE stock_levels SET on_hand = 40 WHERE variant_id = 1').run();
    evaluateAlerts(db, fixedClock('2026-06-03T00:00:00.000Z'), [promotionStockCoverRule]);
    expect(alerts().map((a) => a.status)).toEqual(['new']);
    db.prepare('UPDATE stock_levels SET on_hand = 100 WHERE variant_id = 1').run();
    const result = evaluateAlerts(db, fixedClock('2026-06-03T01:00:00.000Z'), [promotionStockCoverRule]);
    expect(result.resolved).toBe(1);
  });

  it('warns when a running promotion sells below half its simulation, only after a full day', () => {
    shop(100);
    const zero = knownBaselines((days) => flatBaseline(days, 0, []));
    // 500 expected over 10 days → 100 for the 2 days so far; 20 sold.
    evaluateAlerts(db, fixedClock('2026-06-03T00:00:00.000Z'), [promotionBelowSimulationRuleWith({ simulate: simulation(500), baselines: zero })]);
    const [alert] = alerts();
    expect(alert?.rule).toBe('promotionBelowSimulation');
    expect(alert?.explanation.value).toBe(20);
    expect(alert?.explanation.baseline).toBe(100);
    expect(alert?.explanation.changeRatio).toBeCloseTo(-0.8, 10);
    db.exec('DELETE FROM alerts');
    // 100 expected over 10 days → 20 for 2 days: on track.
    evaluateAlerts(db, fixedClock('2026-06-03T00:00:00.000Z'), [promotionBelowSimulationRuleWith({ simulate: simulation(100), baselines: zero })]);
    expect(alerts()).toHaveLength(0);
    // Less than a day in: no judgement yet.
    evaluateAlerts(db, fixedClock('2026-06-01T20:00:00.000Z'), [promotionBelowSimulationRuleWith({ simulate: simulation(500), baselines: zero })]);
    expect(alerts()).toHaveLength(0);
  });

  it('tells of a promotion ended in the last 7 days with its lift and ROI, and lets it go after', () => {
    shop(100);
    const rule = promotionEndedRuleWith({ baselines });
    evaluateAlerts(db, fixedClock('2026-06-01T00:00:00.000Z'), [rule]);
    const [alert, ...rest] = alerts();
    // Promotion 3 ended in April: long enough ago.
    expect(rest).toHaveLength(0);
    expect(alert?.explanation.title).toEqual({ key: 'alerts.title.promotionEnded', params: { promotion: 'Promotion 2', lift: '+50 %', roi: '0.33' } });
    expect(alert?.explanation.value).toBe(200);
    expect(alert?.explanation.baseline).toBe(600);
    expect(alert?.explanation.causes).toEqual([
      { key: 'alerts.cause.promotionLift', params: { units: 3, baseline: 2, lift: '+50 %' } },
      { key: 'alerts.cause.promotionProfit', params: { profit: 200, cost: 600 } },
    ]);
    expect(alert?.severity).toBe('info');
    const later = evaluateAlerts(db, fixedClock('2026-06-02T00:00:01.000Z'), [rule]);
    expect(later.resolved).toBe(1);
  });
});

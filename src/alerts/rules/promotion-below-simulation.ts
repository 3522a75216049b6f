// A running promotion selling far below what its simulation expected (issue 15): after at least
// one full day, units sold under it so far < 50 % of the simulation's expected units for the
// elapsed days (the evaluation's live comparison, evaluation-service.ts). Resolves itself when
// sales catch up or the promotion ends. The simulation is injectable for tests.
import type { Db } from '../../db/open.js';
import { evaluatePromotion, type BaselineSource } from '../../promotions/evaluation-service.js';
import { evaluationStoreOf } from '../../promotions/evaluation-store.js';
import type { Simulation } from '../../promotions/insight-contract.js';
import { simulatePromotion } from '../../promotions/simulation-service.js';
import { AppError } from '../../shared/app-error.js';
import type { Evaluation } from '../../promotions/insight-contract.js';
import type { AlertRuleFn, Finding } from '../rule-context.js';
import { ratioOf, round2 } from '../rule-context.js';

/** Below this share of the expected units the promotion is "far below" its simulation. */
export const belowSimulationShare = 0.5;
const dayMs = 86_400_000;

export interface BelowSimulationOptions {
  simulate?: (db: Db, promotionId: number, now: Date) => Simulation;
  baselines?: BaselineSource;
}

export function promotionBelowSimulationRuleWith(options: BelowSimulationOptions = {}): AlertRuleFn {
  const simulate = options.simulate ?? ((db: Db, promotionId: number, now: Date) => simulatePromotion(db, promotionId, {}, now));
  return (ctx) => {
    const now = new Date(ctx.now);
    return evaluationStoreOf(ctx.db)
      .running()
      .flatMap((header): Finding[] => {
        if (now.getTime() - Date.parse(header.startsAt) < dayMs) return [];
        let evaluation: Evaluation;
        try {
          evaluation = evaluatePromotion(ctx.db, header.id, now, { headline: true, simulate, ...(options.baselines ? { baselines: options.baselines } : {}) });
        } catch (error) {
          // A promotion the simulation refuses (an expected refusal) has nothing to compare with; it must not stop the other rules.
          if (error instanceof AppError) return [];
          throw error;
        }
        const expected = evaluation.expectedUnits;
        if (evaluation.state !== 'live' || expected === null || expected <= 0 || evaluation.units >= belowSimulationShare * expected) return [];
        const baseline = round2(expected);
        return [
          {
            rule: 'promotionBelowSimulation',
            subjectType: 'promotion',
            subjectId: String(header.id),
            fingerprint: `promotionBelowSimulation:promotion:${header.id}`,
            severity: 'warning',
            explanation: {
              title: { key: 'alerts.title.promotionBelowSimulation', params: { promotion: header.name } },
              metric: { key: 'alerts.metric.promotionUnitsSoFar', params: { days: round2(evaluation.days) } },
              unit: 'units',
              value: evaluation.units,
              baseline,
              baselineText: { key: 'alerts.baseline.promotionSimulation', params: { days: round2(evaluation.days), share: belowSimulationShare * 100 } },
              change: round2(evaluation.units - expected),
              changeRatio: ratioOf(evaluation.units, expected),
              band: null,
              causes: [{ key: 'alerts.cause.promotionBaselineUnits', params: { units: round2(evaluation.baselineUnits) } }],
              action: { kind: 'openPromotion', promotionId: header.id },
              window: { from: ctx.localDate(header.startsAt), to: ctx.today },
            },
          },
        ];
      });
  };
}

export const promotionBelowSimulationRule: AlertRuleFn = promotionBelowSimulationRuleWith();

// A promotion ended in the last 7 days (or was cancelled after it started): its evaluation is
// ready, and the alert states its lift and ROI (evaluation-service.ts, headline figures) so the
// owner sees at once whether it made money. For information; gone after 7 days.
import { evaluatePromotion, type BaselineSource } from '../../promotions/evaluation-service.js';
import { evaluationStoreOf } from '../../promotions/evaluation-store.js';
import type { KeyedText } from '../contract.js';
import type { AlertRuleFn, Finding } from '../rule-context.js';
import { round2 } from '../rule-context.js';

export const endedAlertDays = 7;
const dayMs = 86_400_000;

/** A signed percentage with one decimal ("+35.2 %"), or "—" without a baseline. */
function percentText(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 1000) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded} %`;
}

export function promotionEndedRuleWith(options: { baselines?: BaselineSource } = {}): AlertRuleFn {
  return (ctx) => {
    const now = new Date(ctx.now);
    const since = new Date(now.getTime() - endedAlertDays * dayMs).toISOString();
    return evaluationStoreOf(ctx.db)
      .endedSince(since, ctx.now)
      .flatMap((header): Finding[] => {
        const e = evaluatePromotion(ctx.db, header.id, now, { headline: true, simulate: null, ...(options.baselines ? { baselines: options.baselines } : {}) });
        if (e.state !== 'final') return [];
        const causes: KeyedText[] = [
          e.liftPercent === null
            ? { key: 'alerts.cause.promotionNoBaseline', params: { units: e.units } }
            : { key: 'alerts.cause.promotionLift', params: { units: e.units, baseline: round2(e.baselineUnits), lift: percentText(e.liftPercent) } },
          { key: 'alerts.cause.promotionProfit', params: { profit: e.incrementalGrossProfit, cost: e.promotionCost } },
        ];
        const roi = e.roi === null ? '—' : String(round2(e.roi));
        return [
          {
            rule: 'promotionEnded',
            subjectType: 'promotion',
            subjectId: String(header.id),
            fingerprint: `promotionEnded:promotion:${header.id}`,
            severity: 'info',
            explanation: {
              title: { key: 'alerts.title.promotionEnded', params: { promotion: header.name, lift: percentText(e.liftPercent), roi } },
              metric: { key: 'alerts.metric.promotionIncrementalProfit', params: {} },
              unit: 'money',
              value: e.incrementalGrossProfit,
              baseline: e.promotionCost,
              baselineText: { key: 'alerts.baseline.promotionCost', params: {} },
              change: e.incrementalGrossProfit - e.promotionCost,
              changeRatio: e.roi === null ? null : e.roi - 1,
              band: null,
              causes,
              action: { kind: 'openPromotion', promotionId: header.id },
              window: { from: ctx.localDate(e.from), to: ctx.localDate(new Date(Date.parse(e.to) - 1).toISOString()) },
            },
          },
        ];
      });
  };
}

export const promotionEndedRule: AlertRuleFn = promotionEndedRuleWith();

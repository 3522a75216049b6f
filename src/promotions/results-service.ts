// Headline results of the promotions that ran in a range (the promotions list, the weekly report):
// each one's evaluation (evaluation-service.ts) in its headline form — attributed lines and one
// baseline, without pull-forward, cannibalisation, customers, A/B or the simulation — so a week
// with a few promotions stays a few indexed scans.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { evaluatePromotion, type BaselineSource } from './evaluation-service.js';
import { evaluationStoreOf } from './evaluation-store.js';
import type { evaluationSummarySchema } from './insight-contract.js';

export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

const farPast = '0000-01-01T00:00:00.000Z';
const farFuture = '9999-12-31T23:59:59.999Z';

/** Running and ended promotions overlapping [from, to) (UTC instants; all when absent), newest first. */
export function listPromotionResults(
  db: Db,
  input: { from?: string | undefined; to?: string | undefined; limit: number },
  now: Date,
  baselines?: BaselineSource,
): EvaluationSummary[] {
  const promotions = evaluationStoreOf(db).overlapping(input.from ?? farPast, input.to ?? farFuture, input.limit);
  return promotions.flatMap((p): EvaluationSummary[] => {
    const evaluation = evaluatePromotion(db, p.id, now, { headline: true, simulate: null, ...(baselines ? { baselines } : {}) });
    // A promotion cancelled before it started (or not yet started) has no results to list.
    if (evaluation.state === 'notStarted') return [];
    return [
      {
        promotionId: p.id,
        name: p.name,
        type: p.type,
        status: p.status,
        startsAt: p.startsAt,
        endsAt: p.status === 'cancelled' && p.finishedAt !== null && p.finishedAt < p.endsAt ? p.finishedAt : p.endsAt,
        units: evaluation.units,
        netSales: evaluation.netSales,
        liftPercent: evaluation.liftPercent,
        incrementalGrossProfit: evaluation.incrementalGrossProfit,
        promotionCost: evaluation.promotionCost,
        roi: evaluation.roi,
      },
    ];
  });
}

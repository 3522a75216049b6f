// Headline results of the promotions that ran in a range (the promotions list, the weekly report):
// each one's evaluation (evaluation-service.ts) in its headline form — attributed lines and one
// baseline, without pull-forward, cannibalisation, customers, A/B or the simulation — so a week
// with a few promotions stays a few indexed scans.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { createWriteStamp } from '../db/write-stamp.js';
import { evaluatePromotion, type BaselineSource } from './evaluation-service.js';
import { evaluationStoreOf } from './evaluation-store.js';
import type { evaluationSummarySchema } from './insight-contract.js';

export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/**
 * The last list per connection, kept while nothing is written to the shop (the write stamp taken
 * after it was computed: the evaluations' own temp-table writes are inside it) and none of its
 * promotions was live — a live one's figures move with the clock. The promotions page asks for the
 * same list again on every visit; any write, by this connection or another, recomputes it.
 */
const lastList = perDatabase((db: Db) => ({ stamp: createWriteStamp(db), key: '', after: '', rows: [] as EvaluationSummary[] }));

const farPast = '0000-01-01T00:00:00.000Z';
const farFuture = '9999-12-31T23:59:59.999Z';

/** Running and ended promotions overlapping [from, to) (UTC instants; all when absent), newest first. */
export function listPromotionResults(
  db: Db,
  input: { from?: string | undefined; to?: string | undefined; limit: number },
  now: Date,
  baselines?: BaselineSource,
): EvaluationSummary[] {
  const memo = lastList(db);
  const key = JSON.stringify([input.from ?? null, input.to ?? null, input.limit]);
  if (!baselines && memo.key === key && memo.after === memo.stamp()) return [...memo.rows];
  let live = false;
  const promotions = evaluationStoreOf(db).overlapping(input.from ?? farPast, input.to ?? farFuture, input.limit);
  const rows = promotions.flatMap((p): EvaluationSummary[] => {
    const evaluation = evaluatePromotion(db, p.id, now, { headline: true, simulate: null, ...(baselines ? { baselines } : {}) });
    if (evaluation.state === 'live' || p.status === 'running') live = true;
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
  if (!baselines) Object.assign(memo, live ? { key: '', after: '', rows: [] } : { key, after: memo.stamp(), rows });
  return rows;
}

// STUB (coordinator): headline results of running and ended promotions. Owner: the evaluation helper; replace wholesale, keep the exported signature.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { evaluationSummarySchema } from './insight-contract.js';

export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/** Running and ended promotions overlapping [from, to) (UTC instants; all when absent), newest first. */
export function listPromotionResults(db: Db, input: { from?: string | undefined; to?: string | undefined; limit: number }, now: Date): EvaluationSummary[] {
  void db;
  void input;
  void now;
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
}

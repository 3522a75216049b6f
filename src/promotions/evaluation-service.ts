// STUB (coordinator): promotion evaluation. Owner: the evaluation helper; replace wholesale, keep the exported signature.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Evaluation } from './insight-contract.js';

export function evaluatePromotion(db: Db, promotionId: number, now: Date): Evaluation {
  void db;
  void promotionId;
  void now;
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
}

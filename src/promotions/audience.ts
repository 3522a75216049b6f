// STUB (coordinator): segment campaign audiences. Owner: the coupons helper; replace wholesale, keep the exported signature.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';

/** Takes the segment's customers as of `asOf` into promotion_audience (treatment / control); no-op without a segment. */
export function freezeAudience(db: Db, promotionId: number, asOf: Date): { treatment: number; control: number } {
  void db;
  void promotionId;
  void asOf;
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
}

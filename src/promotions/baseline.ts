// STUB (coordinator): the promotion baseline (metrics.md "Promotions"). Owner: the evaluation helper; replace wholesale, keep the exported signature.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';

export interface Baseline {
  /** Local dates of the window, in order. */
  dates: string[];
  /** Baseline units per day over all the promotion's variants. */
  daily: number[];
  /** Baseline units per variant over the whole window (variants with no history are absent = 0). */
  byVariant: Map<number, number>;
  /** Holdout WAPE of the forecast (null: too little history). */
  wape: number | null;
}

/** Baseline demand of the promotion's variants for `days` local days from `fromLocalDate`, fitted on history before it. */
export function promotionBaseline(db: Db, promotionId: number, fromLocalDate: string, days: number): Baseline {
  void db;
  void promotionId;
  void fromLocalDate;
  void days;
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
}

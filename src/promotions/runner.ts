// STUB (coordinator): starting and ending promotions. Owner: the running helper; replace wholesale, keep the exported signatures.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { PromotionDetail } from './contract.js';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
};

/**
 * Starts every scheduled promotion whose start has come (status running, its sale prices written
 * to promotion_prices) and ends every running one whose end has passed (status ended, its prices
 * removed); drops a flash sale's price on a SKU whose cap is reached. One transaction; idempotent.
 */
export function advancePromotions(db: Db, now: Date): { started: number[]; ended: number[] } {
  void db;
  void now;
  return todo();
}

/** Removes a promotion's sale prices (cancel); channels get the regular price back through the outbox. */
export function clearPromotionPrices(db: Db, promotionId: number, at: string): number {
  void db;
  void promotionId;
  void at;
  return todo();
}

/** Per linked channel in the promotion's scope: pushed as a sale price, or not and why. */
export function pushPlan(db: Db, promotionId: number): PromotionDetail['push'] {
  void db;
  void promotionId;
  return todo();
}

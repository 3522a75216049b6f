// STUB (coordinator): the conflict finder and margin guard. Owner: the guard helper; replace wholesale, keep the exported signature.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { CheckResult, PromotionFields } from './contract.js';

export type CheckInput = { promotionId: number } | { fields: PromotionFields; promotionId?: number | undefined };

export function createGuardService(db: Db) {
  void db;
  return {
    /** Conflicts and margin breaches of a saved promotion, or of unsaved fields (as if saved). */
    check(input: CheckInput, options: { listLimit?: number } = {}): CheckResult {
      void input;
      void options;
      throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
    },
  };
}

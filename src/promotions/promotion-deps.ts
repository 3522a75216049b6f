// What the promotion lifecycle calls in the other promotion services: the margin guard, the runner
// (start/end, sale prices, what goes out to channels) and segment audiences. Passed in, so tests
// can watch the calls; the handlers use the real ones.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { freezeAudience } from './audience.js';
import type { CheckResult, PromotionDetail } from './contract.js';
import { createGuardService, type CheckInput } from './guard-service.js';
import { advancePromotions, clearPromotionPrices, pushPlan } from './runner.js';

export interface PromotionDeps {
  check(db: Db, input: CheckInput): CheckResult;
  advance(db: Db, now: Date): { started: number[]; ended: number[] };
  clearPrices(db: Db, promotionId: number, at: string): number;
  pushPlan(db: Db, promotionId: number): PromotionDetail['push'];
  freezeAudience(db: Db, promotionId: number, asOf: Date): { treatment: number; control: number };
}

const guardFor = perDatabase(createGuardService);

export const defaultPromotionDeps: PromotionDeps = {
  check: (db, input) => guardFor(db).check(input),
  advance: advancePromotions,
  clearPrices: clearPromotionPrices,
  pushPlan,
  freezeAudience,
};

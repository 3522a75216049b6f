// STUB (coordinator): the pre-launch simulation. Owner: the simulation helper; replace wholesale, keep the exported signature.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Simulation } from './insight-contract.js';

export function simulatePromotion(db: Db, promotionId: number, options: { upliftAssumptionBp?: number | undefined }, now: Date): Simulation {
  void db;
  void promotionId;
  void options;
  void now;
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
}

// STUB written by the coordinator so the core compiles while this file is being built; replace wholesale.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { AppError } from '../shared/app-error.js';
import type { promotionInsightContract } from './insight-contract.js';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
};

export function createPromotionInsightHandlers(area: AreaContext): AreaHandlers<typeof promotionInsightContract> {
  void area;
  return {
    'promotions.simulate': todo,
    'promotions.draftPurchaseOrders': todo,
    'promotions.evaluate': todo,
    'promotions.results': todo,
  };
}

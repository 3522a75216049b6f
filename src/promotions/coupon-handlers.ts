// STUB written by the coordinator so the core compiles while this file is being built; replace wholesale.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { AppError } from '../shared/app-error.js';
import type { couponContract } from './coupon-contract.js';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
};

export function createCouponHandlers(area: AreaContext): AreaHandlers<typeof couponContract> {
  void area;
  return {
    'coupons.add': todo,
    'coupons.generate': todo,
    'coupons.list': todo,
    'coupons.removeUnused': todo,
    'promotions.audience': todo,
  };
}

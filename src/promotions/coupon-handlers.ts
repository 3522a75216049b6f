// coupons.* and promotions.audience: thin calls into the coupon and audience services, built once
// per database connection.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import { audienceServiceFor } from './audience.js';
import type { couponContract } from './coupon-contract.js';
import { createCouponService } from './coupon-service.js';

export function createCouponHandlers(area: AreaContext): AreaHandlers<typeof couponContract> {
  const couponsFor = perDatabase((db) => createCouponService(db, area.clock));
  return {
    'coupons.add': ({ promotionId, code }) => couponsFor(area.db()).add(promotionId, code),
    'coupons.generate': (input) => couponsFor(area.db()).generate(input),
    'coupons.list': ({ promotionId, search, offset, limit }) => couponsFor(area.db()).list(promotionId, search, offset, limit),
    'coupons.removeUnused': ({ promotionId }) => couponsFor(area.db()).removeUnused(promotionId),
    'promotions.audience': ({ promotionId, group, offset, limit }) =>
      audienceServiceFor(area.db()).page(promotionId, group, offset, limit, area.clock.now()),
  };
}

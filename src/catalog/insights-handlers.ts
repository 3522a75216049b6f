// The product 360 view's one read method, wired like the other catalog handlers.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { productInsightsContract } from './insights-contract.js';
import { createInsightsStore } from './insights-store.js';

export function createProductInsightsHandlers(ctx: AreaContext): AreaHandlers<typeof productInsightsContract> {
  const storeFor = perDatabase((db) => createInsightsStore(db, ctx.clock));
  return {
    'products.insights': ({ productId, weeks, movementLimit }) => storeFor(ctx.db()).get(productId, weeks, movementLimit),
  };
}

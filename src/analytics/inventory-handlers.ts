// The stock health methods. Read-only: services built per connection.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import { checkPeriodOrder } from './periods.js';
import type { inventoryAnalyticsContract } from './inventory-contract.js';
import { createInventoryAnalyticsService } from './inventory-service.js';

export function createInventoryAnalyticsHandlers(ctx: AreaContext): AreaHandlers<typeof inventoryAnalyticsContract> {
  const serviceFor = perDatabase((db) => createInventoryAnalyticsService(db));
  return {
    'analytics.stockOuts': ({ from, to, offset, limit }) => {
      checkPeriodOrder(from, to);
      return serviceFor(ctx.db()).stockOuts({ from, to }, offset, limit);
    },
    'analytics.inventoryAging': ({ asOf }) => serviceFor(ctx.db()).inventoryAging(asOf),
    'analytics.newProductSellThrough': ({ asOf, days, limit }) => serviceFor(ctx.db()).newProductSellThrough(asOf, days, limit),
  };
}

// The customer retention and value methods. Read-only: services built per connection.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { retentionContract } from './retention-contract.js';
import { createRetentionService } from './retention-service.js';

export function createRetentionHandlers(ctx: AreaContext): AreaHandlers<typeof retentionContract> {
  const serviceFor = perDatabase((db) => createRetentionService(db));
  return {
    'analytics.cohorts': ({ asOf, months }) => serviceFor(ctx.db()).cohorts(asOf, months),
    'analytics.customerValue': ({ asOf, sort, offset, limit }) => serviceFor(ctx.db()).customerValue(asOf, sort, offset, limit),
    'analytics.silentCustomers': ({ asOf, days, offset, limit }) => serviceFor(ctx.db()).silentCustomers(asOf, days, offset, limit),
  };
}

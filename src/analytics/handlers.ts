// The analytics.* methods. Read-only: built per connection, no events.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../server/router.js';
import type { analyticsContract } from './contract.js';
import { createKpiService } from './kpi-service.js';

export function createAnalyticsHandlers(ctx: AreaContext): AreaHandlers<typeof analyticsContract> {
  const kpisFor = perDatabase((db) => createKpiService(db));
  return {
    'analytics.kpis': (period) => {
      const db = ctx.db();
      const currency = (db.prepare('SELECT currency FROM shop_settings WHERE id = 1').get() as { currency: string }).currency;
      return { ...kpisFor(db).kpis(period), currency };
    },
  };
}

// The product and inventory analytics methods. Read-only: services built per
// connection, no events. The lead spreads these into src/handlers.ts.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { z } from 'zod';
import type { productsAnalyticsContract } from './products-contract.js';
import { createProductsService } from './products-service.js';

type Contract = typeof productsAnalyticsContract;
/** Parsed input, spelled out so this file type-checks before the contract is spread into src/contract.ts. */
type Input<M extends keyof Contract> = z.output<Contract[M]['input']>;

export function createProductAnalyticsHandlers(ctx: AreaContext): AreaHandlers<typeof productsAnalyticsContract> {
  const productsFor = perDatabase((db) => createProductsService(db));
  const currencyOf = perDatabase((db) => db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1'));
  const currency = () => currencyOf(ctx.db()).get()?.currency ?? 'USD';
  return {
    'analytics.abc': (input: Input<'analytics.abc'>) => ({ ...productsFor(ctx.db()).abc(input), currency: currency() }),
    'analytics.productHealth': (input: Input<'analytics.productHealth'>) => ({ ...productsFor(ctx.db()).productHealth(input), currency: currency() }),
    'analytics.slowMovers': (input: Input<'analytics.slowMovers'>) => ({ ...productsFor(ctx.db()).slowMovers(input), currency: currency() }),
  };
}

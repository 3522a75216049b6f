// The catalog-editing and history methods, wired to their services. Services
// are built once per database connection (perDatabase) so statements are
// prepared once; src/handlers.ts spreads these into the full handler map.
import type { AreaContext } from '../area-context.js';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { createHistoryService } from '../history/service.js';
import type { AreaHandlers } from '../router.js';
import type { Clock } from '../shared/clock.js';
import { createBulkService } from './bulk-service.js';
import { createBulkStore } from './bulk-store.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import type { catalogEditContract } from './edit-contract.js';
import { createEditStore } from './edit-store.js';
import { createProductService, toVariantDetail } from './product-service.js';
import { createTaxonomyService } from './taxonomy-service.js';
import { createVariantEditService } from './variant-edit-service.js';
import { backupBeforeBulkEdit } from '../backup/backup-service.js';
import { createCatalogStore } from './store.js';
import type { BulkTarget } from './edit-contract.js';


function buildServices(db: Db, clock: Clock) {
  const store = createEditStore(db);
  const history = createHistoryService(db, clock, shopUndoTargets);
  return {
    history,
    products: createProductService(db, store, history, clock),
    variants: createVariantEditService(db, store, history, clock),
    bulk: createBulkService(db, createBulkStore(db), store, history, clock),
    taxonomy: createTaxonomyService(db, store, clock),
  };
}

/** How many variants a bulk target reaches (the filter's total, as the grid counts it). */
function targetRows(db: Db, target: BulkTarget): number {
  if ('variantIds' in target) return target.variantIds.length;
  return createCatalogStore(db).listVariants({ ...target.filter, offset: 0, limit: 1, sort: [] }).total;
}

export function createCatalogEditHandlers(ctx: AreaContext): AreaHandlers<typeof catalogEditContract> {
  const servicesFor = perDatabase((db) => buildServices(db, ctx.clock));
  const services = () => servicesFor(ctx.db());
  // Every write tells open views (other windows, other browser tabs) to re-read.
  const write = <T>(run: () => T): T => {
    const result = run();
    ctx.emit({ name: 'data.changed', payload: { areas: ['catalog'] } });
    return result;
  };
  return {
    'products.get': ({ productId }) => services().products.get(productId),
    'products.create': (input) => write(() => services().products.create(input)),
    'products.update': (input) => write(() => services().products.update(input, ctx.actor())),
    'variants.update': ({ variantId, changes }) =>
      write(() => {
        const result = services().variants.update(variantId, changes, ctx.actor());
        return { ...result, variant: toVariantDetail(result.variant) };
      }),
    // A large bulk edit is preceded by a backup (above the backups' row threshold, default 1,000).
    'variants.bulkUpdate': async (input) => {
      await backupBeforeBulkEdit(ctx.db(), new Set(input.edits.map((edit) => edit.variantId)).size, ctx.clock);
      return write(() => services().variants.bulkUpdate(input, ctx.actor()));
    },
    'variants.bulkAction': async ({ target, action }) => {
      await backupBeforeBulkEdit(ctx.db(), targetRows(ctx.db(), target), ctx.clock);
      return write(() => services().bulk.run(target, action, ctx.actor()));
    },
    'categories.list': () => services().taxonomy.listCategories(),
    'categories.create': ({ name, parentId }) => write(() => services().taxonomy.createCategory(name, parentId)),
    'tags.list': () => services().taxonomy.listTags(),
    'bundles.set': ({ bundleVariantId, components }) => write(() => services().taxonomy.setBundle(bundleVariantId, components)),
    'bundles.availability': ({ bundleVariantId, locationId }) => services().taxonomy.availability(bundleVariantId, locationId ?? null),
    'history.list': ({ offset, limit }) => services().history.list(offset, limit),
    'history.get': ({ changeSetId, offset, limit }) => services().history.get(changeSetId, offset, limit),
    'history.undo': ({ changeSetId }) => write(() => services().history.undo(changeSetId, ctx.actor())),
  };
}

// The bulk preview method, wired to its reader (built once per database connection).
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { bulkContract } from './bulk-contract.js';
import { createBulkPreview } from './bulk-preview.js';
import { createBulkStore } from './bulk-store.js';

export function createBulkHandlers(ctx: AreaContext): AreaHandlers<typeof bulkContract> {
  const previewFor = perDatabase((db) => createBulkPreview(db, createBulkStore(db)));
  return {
    'variants.bulkPreview': ({ target, action }) => previewFor(ctx.db())(target, action),
  };
}

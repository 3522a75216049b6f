// Reorder methods, wired to the service (built once per database connection).
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { reorderContract } from './reorder-contract.js';
import { createReorderService } from './reorder-service.js';

export function createReorderHandlers(ctx: AreaContext): AreaHandlers<typeof reorderContract> {
  const serviceFor = perDatabase((db) => createReorderService(db, ctx.clock));
  const service = () => serviceFor(ctx.db());
  const changed = () => ctx.emit({ name: 'data.changed', payload: { areas: ['purchasing'] } });
  return {
    'reorder.suggestions': (input) => service().suggestions(input),
    'reorder.createDraft': (input) => {
      const created = service().createDraft(input, ctx.actor());
      changed();
      return created;
    },
    'reorder.settings.get': () => service().settings(),
    'reorder.settings.update': (input) => {
      const updated = service().updateSettings(input);
      changed();
      return updated;
    },
  };
}

// audit.* methods: reads only (the log is written by the recorder, never by a call).
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import { callerCan, currentCaller } from '../team/call-context.js';
import { forbidden } from '../team/guard.js';
import type { auditContract } from './contract.js';
import { createAuditService } from './service.js';

export function createAuditHandlers(ctx: AreaContext): AreaHandlers<typeof auditContract> {
  const service = perDatabase((db) => createAuditService(db, ctx.clock));
  // Costs in before/after values and inputs are the caller's to see only with costs.view.
  const costs = (): boolean => callerCan(currentCaller(), 'costs.view');
  return {
    'audit.list': ({ beforeId, offset, limit, ...filter }) => {
      // The router checks audit.view; exports.grid calls this handler directly, so it is checked here too.
      if (!callerCan(currentCaller(), 'audit.view')) throw forbidden('audit.list', 'audit.view');
      return service(ctx.db()).list(filter, { beforeId, offset, limit }, costs());
    },
    'audit.get': ({ id, offset, limit }) => service(ctx.db()).get(id, offset, limit, costs()),
    'audit.verify': () => service(ctx.db()).verify(),
  };
}

// Alert methods. Evaluation writes alerts (never shop data), so it emits
// 'alerts.raised' when it opens alerts rather than 'data.changed' (which would
// trigger another evaluation).
import type { z } from 'zod';
import type { AreaContext } from '../area-context.js';
import type { Db } from '../db/open.js';
import type { AreaHandlers } from '../router.js';
import type { FieldIssue } from '../shared/envelope.js';
import { validationError } from '../shared/app-error.js';
import type { alertsContract } from './contract.js';
import { evaluateAlerts, type EvaluateOptions, type Evaluation } from './evaluate.js';
import { createAlertGroupService } from './group-service.js';
import { createLimitsStore } from './limits-store.js';
import { createAlertStore } from './store.js';

type Contract = typeof alertsContract;
type Input<M extends keyof Contract> = z.output<Contract[M]['input']>;

/** Evaluates and tells every face about newly opened alerts. */
/** `incremental`: re-check only what changed since the last run (the scheduler after data changes). */
export function evaluateAndAnnounce(db: Db, ctx: Pick<AreaContext, 'clock' | 'emit'>, options: EvaluateOptions = {}): Evaluation {
  const result = evaluateAlerts(db, ctx.clock, undefined, options);
  if (result.opened.length > 0) {
    ctx.emit({ name: 'alerts.raised', payload: { count: result.opened.length, alerts: result.opened.slice(0, 20) } });
  }
  return result;
}

export function createAlertHandlers(ctx: AreaContext): AreaHandlers<typeof alertsContract> {
  const setStatus = (db: Db, input: Input<'alerts.setStatus'>): { updated: number } => {
    const store = createAlertStore(db);
    return db.transaction(() => {
      const issues: FieldIssue[] = [];
      input.ids.forEach((id, i) => {
        const status = store.status(id);
        const path = `ids.${i}`;
        if (status === null) issues.push({ path, key: 'unknownAlert', message: `${path}: alert ${id} does not exist` });
        else if (status === 'resolved' && input.status === 'seen') {
          issues.push({ path, key: 'alertResolved', message: `${path}: alert ${id} is already resolved` });
        }
      });
      if (issues.length > 0) throw validationError(`The alerts could not be marked ${input.status}; no alert was changed.`, issues);
      const now = ctx.clock.now().toISOString();
      let updated = 0;
      for (const id of input.ids) updated += input.status === 'seen' ? store.markSeen(id, now) : store.markResolved(id, now);
      return { updated };
    })();
  };
  return {
    'alerts.list': (input) => {
      const store = createAlertStore(ctx.db());
      const counts = store.counts();
      if (input.group !== undefined) {
        return { ...createAlertGroupService(ctx.db(), ctx.clock).list(input.group, input.status, input.offset, input.limit), counts };
      }
      return {
        alerts: store.list(input.status, input.offset, input.limit),
        total: input.status ? counts[input.status] : counts.new + counts.seen + counts.resolved,
        counts,
      };
    },
    'alerts.setStatus': (input) => setStatus(ctx.db(), input),
    'alerts.groups': (input) => createAlertGroupService(ctx.db(), ctx.clock).groups(input.status),
    'alerts.groups.setStatus': (input) => createAlertGroupService(ctx.db(), ctx.clock).setStatus(input.group, input.status),
    'alerts.groups.createPo': (input) => {
      const created = createAlertGroupService(ctx.db(), ctx.clock).createPo(input.group, input.locationId, ctx.actor());
      // A draft PO is purchasing data (as reorder.createDraft announces it).
      ctx.emit({ name: 'data.changed', payload: { areas: ['purchasing'] } });
      return created;
    },
    'alerts.digest': () => createAlertGroupService(ctx.db(), ctx.clock).digest(),
    'alerts.evaluate': () => {
      const { opened, resolved, open } = evaluateAndAnnounce(ctx.db(), ctx);
      return { opened: opened.length, resolved, open };
    },
    'alerts.limits.get': () => ({ limits: createLimitsStore(ctx.db()).all() }),
    'alerts.limits.set': (input) => {
      if (input.lower !== null && input.upper !== null && input.lower > input.upper) {
        throw validationError('The lower limit is above the upper limit; the limits were not changed.', [
          { path: 'upper', key: 'limitOrder', message: `upper: ${input.upper} is below the lower limit ${input.lower}` },
        ]);
      }
      if (input.kpi === 'returnRate' && ((input.lower ?? 0) > 1 || (input.upper ?? 0) > 1)) {
        const path = (input.upper ?? 0) > 1 ? 'upper' : 'lower';
        throw validationError('A return-rate limit is a fraction between 0 and 1; the limits were not changed.', [
          { path, key: 'rateLimit', message: `${path}: a return rate limit must be between 0 and 1` },
        ]);
      }
      const limits = createLimitsStore(ctx.db());
      limits.set(input.kpi, input.lower, input.upper, ctx.clock.now().toISOString());
      return { limits: limits.all() };
    },
  };
}

// A promotion's way through its states (rules.ts): draft -> scheduled (through the margin guard,
// or over it with a stated reason), back to draft before it starts, cancelled at any point before
// it ends. Each step is one transaction and one change set; the runner starts and ends promotions.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { KnownSummary } from '../shared/history-texts.js';
import { assertPromotionFields } from './promotion-checks.js';
import { defaultPromotionDeps, type PromotionDeps } from './promotion-deps.js';
import { belowMarginFloor, fieldsOf, notStarted, promotionState, type PromotionService } from './promotion-service.js';
import type { ColumnValue } from './promotion-store.js';
import type { PromotionDetail } from './contract.js';

export function createLifecycleService(db: Db, clock: Clock, promotions: PromotionService, deps: PromotionDeps = defaultPromotionDeps) {
  const { store, must, record } = promotions.internals;

  const schedule = db.transaction((id: number, overrideReason: string | undefined, actor: string): void => {
    const stored = must(id);
    if (stored.status !== 'draft') throw promotionState(stored, stored.status, 'promotionNotDraft', 'scheduled (only a draft can be)');
    const now = clock.now();
    if (Date.parse(stored.endsAt) <= now.getTime()) {
      throw new AppError('CONFLICT', `Promotion “${stored.name}” ends before now; move its end to schedule it. Nothing was changed.`, {
        key: 'promotionWindowPast',
        params: { name: stored.name },
      });
    }
    // What it names may have been deleted since it was saved.
    assertPromotionFields(fieldsOf(stored), store);
    const result = deps.check(db, { promotionId: id });
    const reason = overrideReason?.trim() ?? '';
    if (result.breachCount > 0 && reason === '') throw belowMarginFloor(stored.name, result);

    const at = now.toISOString();
    const before: Record<string, ColumnValue> = { status: 'draft', override_reason: stored.overrideReason, override_by: stored.overrideBy, override_at: stored.overrideAt };
    const after: Record<string, ColumnValue> = { status: 'scheduled' };
    if (result.breachCount > 0) Object.assign(after, { override_reason: reason, override_by: actor, override_at: at });
    store.setColumns(id, after, at);
    const summary: KnownSummary =
      result.breachCount > 0
        ? { key: 'promotionScheduleOverride', params: { name: stored.name, count: result.breachCount, reason } }
        : { key: 'promotionSchedule', params: { name: stored.name } };
    record('promotion_schedule', summary, actor, id, before, after);
    if (stored.segmentCode !== null) deps.freezeAudience(db, id, now);
    // A start that has already passed runs at once.
    deps.advance(db, now);
  });

  const unschedule = db.transaction((id: number, actor: string): void => {
    const stored = must(id);
    if (stored.status !== 'scheduled' || !notStarted(stored)) {
      throw promotionState(stored, stored.status, 'promotionNotScheduled', 'put back to draft (only a scheduled promotion that has not started can)');
    }
    const at = clock.now().toISOString();
    // The override belonged to that schedule: scheduling again asks again.
    const before: Record<string, ColumnValue> = { status: 'scheduled', override_reason: stored.overrideReason, override_by: stored.overrideBy, override_at: stored.overrideAt };
    const after: Record<string, ColumnValue> = { status: 'draft', override_reason: null, override_by: null, override_at: null };
    for (const column of ['override_reason', 'override_by', 'override_at']) {
      if (before[column] === null) {
        delete before[column];
        delete after[column];
      }
    }
    store.setColumns(id, after, at);
    store.clearAudience(id);
    record('promotion_unschedule', { key: 'promotionUnschedule', params: { name: stored.name } }, actor, id, before, after);
  });

  const cancel = db.transaction((id: number, actor: string): void => {
    const stored = must(id);
    if (stored.status === 'ended' || stored.status === 'cancelled') throw promotionState(stored, stored.status, 'promotionFinished', 'cancelled');
    const at = clock.now().toISOString();
    const before: Record<string, ColumnValue> = { status: stored.status, finished_at: stored.finishedAt };
    const after: Record<string, ColumnValue> = { status: 'cancelled', finished_at: at };
    store.setColumns(id, after, at);
    // Its sale prices go; variants.price was never touched, so the regular price is back exactly.
    deps.clearPrices(db, id, at);
    record('promotion_cancel', { key: 'promotionCancel', params: { name: stored.name } }, actor, id, before, after);
  });

  return {
    schedule(id: number, overrideReason: string | undefined, actor: string): PromotionDetail {
      schedule(id, overrideReason, actor);
      return promotions.get(id);
    },
    unschedule(id: number, actor: string): PromotionDetail {
      unschedule(id, actor);
      return promotions.get(id);
    },
    cancel(id: number, actor: string): PromotionDetail {
      cancel(id, actor);
      return promotions.get(id);
    },
  };
}

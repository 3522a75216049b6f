// Promotions as the owner plans them: create, edit and delete drafts, read them back (list and
// detail). Every write is one transaction and one change set in History (change-sets.ts says how
// undo reverses it). Scheduling, unscheduling and cancelling: lifecycle-service.ts.
import type { Db } from '../db/open.js';
import { createHistoryService, type HistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { KnownSummary } from '../shared/history-texts.js';
import {
  channelsField,
  createdField,
  normalChannels,
  normalTargets,
  promotionEntity,
  removedField,
  snapshotText,
  targetsField,
} from './change-sets.js';
import type { PromotionDetail, PromotionFields, PromotionRow } from './contract.js';
import type { PromotionRule } from './rules.js';
import { assertPromotionFields } from './promotion-checks.js';
import { defaultPromotionDeps, type PromotionDeps } from './promotion-deps.js';
import { createPromotionReader, type StoredPromotion } from './promotion-reader.js';
import { createPromotionStore, type ColumnValue, type NewPromotionRow, type PromotionColumn } from './promotion-store.js';
import type { PromotionStatus } from './rules.js';
import { callerCan, currentCaller } from '../team/call-context.js';

/** The columns (and link snapshots) a person's fields set; `targets` / `channels` are JSON. */
type FieldColumn = Exclude<PromotionColumn, 'status' | 'scope' | 'all_channels' | 'override_reason' | 'override_by' | 'override_at' | 'started_at' | 'finished_at'>;
export type EditableValues = Record<FieldColumn | typeof targetsField | typeof channelsField, ColumnValue>;

/** Which field of the editor each recorded column comes from (issues name the field). */
const fieldOfColumn: Record<keyof EditableValues, keyof PromotionFields> = {
  name: 'name',
  type: 'rule',
  rule: 'rule',
  starts_at: 'startsAt',
  ends_at: 'endsAt',
  stacking: 'stacking',
  priority: 'priority',
  segment_code: 'segmentCode',
  control_share_bp: 'controlShareBp',
  uplift_assumption_bp: 'upliftAssumptionBp',
  note: 'note',
  targets: 'targets',
  channels: 'channels',
};

/** What a running promotion may still change: its name, note and (a later or earlier, still future) end. */
const editableWhileRunning: ReadonlySet<keyof PromotionFields> = new Set(['name', 'note', 'endsAt']);
/** Fields that change which SKUs get which price: a scheduled promotion's guard runs again. */
const guardedFields: ReadonlySet<keyof PromotionFields> = new Set(['rule', 'startsAt', 'endsAt', 'stacking', 'priority', 'targets', 'channels']);

export function valuesOf(fields: PromotionFields): EditableValues {
  return {
    name: fields.name,
    type: fields.rule.type,
    rule: JSON.stringify(fields.rule),
    starts_at: new Date(fields.startsAt).toISOString(),
    ends_at: new Date(fields.endsAt).toISOString(),
    stacking: fields.stacking,
    priority: fields.priority,
    segment_code: fields.segmentCode,
    control_share_bp: fields.controlShareBp,
    uplift_assumption_bp: fields.upliftAssumptionBp,
    note: fields.note,
    targets: JSON.stringify(normalTargets(fields.targets)),
    channels: JSON.stringify(normalChannels(fields.channels)),
  };
}

export function fieldsOf(stored: StoredPromotion): PromotionFields {
  return {
    name: stored.name,
    startsAt: stored.startsAt,
    endsAt: stored.endsAt,
    stacking: stored.stacking,
    priority: stored.priority,
    targets: stored.targets,
    channels: stored.channels,
    rule: stored.rule,
    segmentCode: stored.segmentCode,
    controlShareBp: stored.controlShareBp,
    upliftAssumptionBp: stored.upliftAssumptionBp,
    note: stored.note,
  };
}

/** Not yet started: a draft, or scheduled before the runner started it. */
export function notStarted(stored: Pick<StoredPromotion, 'status' | 'startedAt'>): boolean {
  return (stored.status === 'draft' || stored.status === 'scheduled') && stored.startedAt === null;
}

export function promotionState(stored: StoredPromotion, status: PromotionStatus, key: string, action: string): AppError {
  return new AppError('CONFLICT', `Promotion “${stored.name}” is ${status}; it cannot be ${action}. Nothing was changed.`, {
    key,
    params: { name: stored.name, status },
  });
}

/** The variants a rule names itself (gift, catalog bundle, bundle components), so the editor can show them. */
function ruleVariantIds(rule: PromotionRule): number[] {
  if (rule.type === 'gift_with_purchase') return [rule.giftVariantId];
  if (rule.type === 'bundle_price') return [...(rule.bundleVariantId === null ? [] : [rule.bundleVariantId]), ...rule.components.map((c) => c.variantId)];
  return [];
}

export function createPromotionService(db: Db, clock: Clock, deps: PromotionDeps = defaultPromotionDeps) {
  const store = createPromotionStore(db);
  const reader = createPromotionReader(db);
  const history: HistoryService = createHistoryService(db, clock, shopUndoTargets);

  const must = (id: number): StoredPromotion => {
    const stored = reader.get(id);
    if (!stored) throw notFound('Promotion', id);
    return stored;
  };

  function toRows(raws: readonly (NewPromotionRow & { id: number })[]): PromotionRow[] {
    const ids = raws.map((r) => r.id);
    const counts = store.variantCounts(ids, raws.filter((r) => r.scope === 'shop').map((r) => r.id));
    const channels = store.channelNames(ids);
    return raws.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      status: r.status,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      stacking: r.stacking,
      priority: r.priority,
      channels: r.allChannels === 1 ? 'all' : (channels.get(r.id) ?? []),
      variantCount: counts.get(r.id) ?? 0,
      segmentCode: r.segmentCode,
      overrideReason: r.overrideReason,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  function get(id: number): PromotionDetail {
    const stored = must(id);
    const raw = store.raw(id);
    const [row] = toRows(raw ? [raw] : []);
    if (!row) throw notFound('Promotion', id);
    return {
      ...row,
      rule: stored.rule,
      targets: stored.targets,
      targetLabels: store.targetLabels(id).map((t) => ({ kind: t.kind, id: t.id, label: t.label ?? `#${t.id}` })),
      ruleVariants: store.variantLabels(ruleVariantIds(stored.rule)),
      controlShareBp: stored.controlShareBp,
      upliftAssumptionBp: stored.upliftAssumptionBp,
      note: stored.note,
      overrideBy: stored.overrideBy,
      overrideAt: stored.overrideAt,
      startedAt: stored.startedAt,
      finishedAt: stored.finishedAt,
      push: deps.pushPlan(db, id),
      editable: notStarted(stored),
    };
  }

  /** One change set of column items (before/after per column that changed). */
  function record(kind: string, summary: KnownSummary, actor: string, id: number, before: Partial<Record<string, ColumnValue>>, after: Partial<Record<string, ColumnValue>>): number {
    const setId = history.begin(kind, summary, actor);
    for (const field of Object.keys(after)) {
      history.addItem(setId, { entity: promotionEntity, entityId: id, field, before: before[field] ?? null, after: after[field] ?? null });
    }
    return setId;
  }

  /** Writes the changed values (columns, targets, channels) of an edit. */
  function write(id: number, changed: Partial<EditableValues>, fields: PromotionFields, at: string): void {
    const columns: Partial<Record<PromotionColumn, ColumnValue>> = {};
    for (const [column, value] of Object.entries(changed) as [keyof EditableValues, ColumnValue][]) {
      if (column === targetsField) {
        const targets = normalTargets(fields.targets);
        columns.scope = targets.scope;
        store.replaceTargets(id, targets.scope === 'targets' ? targets.items : []);
      } else if (column === channelsField) {
        const channels = normalChannels(fields.channels);
        columns.all_channels = channels === 'all' ? 1 : 0;
        store.replaceChannels(id, channels === 'all' ? [] : channels);
      } else {
        columns[column] = value;
      }
    }
    store.setColumns(id, columns, at);
  }

  const create = db.transaction((input: PromotionFields, actor: string): number => {
    const fields = { ...input, targets: normalTargets(input.targets), channels: normalChannels(input.channels) };
    assertPromotionFields(fields, store);
    const at = clock.now().toISOString();
    const values = valuesOf(fields);
    const id = store.insert({
      name: fields.name,
      type: fields.rule.type,
      status: 'draft',
      startsAt: String(values.starts_at),
      endsAt: String(values.ends_at),
      stacking: fields.stacking,
      priority: fields.priority,
      scope: fields.targets.scope,
      allChannels: fields.channels === 'all' ? 1 : 0,
      rule: String(values.rule),
      segmentCode: fields.segmentCode,
      controlShareBp: fields.controlShareBp,
      upliftAssumptionBp: fields.upliftAssumptionBp,
      overrideReason: null,
      overrideBy: null,
      overrideAt: null,
      note: fields.note,
      createdAt: at,
      updatedAt: at,
      startedAt: null,
      finishedAt: null,
    });
    if (fields.targets.scope === 'targets') store.replaceTargets(id, fields.targets.items);
    if (fields.channels !== 'all') store.replaceChannels(id, fields.channels);
    const setId = history.begin('promotion_create', { key: 'promotionCreate', params: { name: fields.name } }, actor);
    history.addItem(setId, { entity: promotionEntity, entityId: id, field: createdField, before: null, after: true });
    return id;
  });

  const update = db.transaction((id: number, patch: Partial<PromotionFields>, actor: string): void => {
    const stored = must(id);
    if (stored.status === 'ended' || stored.status === 'cancelled') throw promotionState(stored, stored.status, 'promotionFinished', 'edited');
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<PromotionFields>;
    const fields: PromotionFields = { ...fieldsOf(stored), ...given };
    const before = valuesOf(fieldsOf(stored));
    const after = valuesOf(fields);
    const changed = (Object.keys(after) as (keyof EditableValues)[]).filter((column) => before[column] !== after[column]);
    if (changed.length === 0) return;
    const changedFields = new Set(changed.map((column) => fieldOfColumn[column]));
    const now = clock.now();
    const issues: FieldIssue[] = [];
    if (!notStarted(stored)) {
      for (const field of changedFields) {
        if (!editableWhileRunning.has(field)) {
          issues.push({ path: field, key: 'lockedWhileRunning', message: `${field}: a running promotion keeps it; only its name, note and end can change` });
        }
      }
    }
    if ((stored.status === 'scheduled' || stored.status === 'running') && changedFields.has('endsAt') && Date.parse(fields.endsAt) <= now.getTime()) {
      issues.push({ path: 'endsAt', key: 'endsAtPast', message: 'endsAt: the end of a scheduled or running promotion must be later than now' });
    }
    if (issues.length > 0) throw validationError(`The promotion was refused; nothing was changed. ${issues.map((i) => i.message).join('; ')}`, issues);
    assertPromotionFields(fields, store);

    const at = now.toISOString();
    const changedValues = Object.fromEntries(changed.map((column) => [column, after[column]])) as Partial<EditableValues>;
    write(id, changedValues, fields, at);
    record('promotion_edit', { key: 'promotionEdit', params: { name: fields.name, count: changedFields.size } }, actor, id, before, changedValues);
    if (stored.status === 'scheduled') {
      // A scheduled promotion was let through the margin guard as it was; an edit that changes
      // its prices is checked again (a stated override covered the old terms only).
      if ([...changedFields].some((field) => guardedFields.has(field))) {
        const result = deps.check(db, { promotionId: id });
        if (result.breachCount > 0) throw belowMarginFloor(fields.name, result, 'put it back to draft and schedule it again with a reason, or keep its terms');
      }
      if (changedFields.has('segmentCode') || changedFields.has('controlShareBp')) {
        store.clearAudience(id);
        if (fields.segmentCode !== null) deps.freezeAudience(db, id, now);
      }
      // Its start may now have passed.
      deps.advance(db, now);
    }
  });

  const remove = db.transaction((id: number, actor: string): void => {
    const stored = must(id);
    if (stored.status !== 'draft') throw promotionState(stored, stored.status, 'promotionNotDraft', 'deleted (only drafts can; cancel it instead)');
    const raw = store.raw(id);
    if (!raw) throw notFound('Promotion', id);
    const { id: _id, ...row } = raw;
    void _id;
    const snapshot = snapshotText({ row, targets: stored.targets, channels: stored.channels, codes: store.couponCodes(id) });
    const setId = history.begin('promotion_remove', { key: 'promotionRemove', params: { name: stored.name } }, actor);
    history.addItem(setId, { entity: promotionEntity, entityId: id, field: removedField, before: snapshot, after: null });
    store.delete(id);
  });

  return {
    list(filter: Parameters<typeof store.list>[0]): { rows: PromotionRow[]; total: number } {
      // Stored instants are toISOString() text; the bounds must be too for text comparison to order them.
      const iso = (instant: string | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString());
      const { rows, total } = store.list({ ...filter, from: iso(filter.from), to: iso(filter.to) });
      return { rows: toRows(rows), total };
    },
    get,
    create(fields: PromotionFields, actor: string): PromotionDetail {
      return get(create(fields, actor));
    },
    update(id: number, patch: Partial<PromotionFields>, actor: string): PromotionDetail {
      update(id, patch, actor);
      return get(id);
    },
    remove(id: number, actor: string): { removed: boolean } {
      remove(id, actor);
      return { removed: true };
    },
    /** For lifecycle-service.ts: the same store, reader and history. */
    internals: { store, reader, history, must, record },
  };
}
export type PromotionService = ReturnType<typeof createPromotionService>;

/** The margin guard's refusal: how many SKUs, and the worst of them as issues (JSON-small). */
export function belowMarginFloor(
  name: string,
  result: { breachCount: number; breaches: readonly { variantId: number; sku: string; unitPrice: number; cost: number; marginBp: number; floorBp: number }[] },
  remedy = 'state a reason to schedule it anyway',
): AppError {
  const shown = result.breaches.slice(0, 20);
  // A role may run promotions without seeing costs: then the refusal names the SKUs, not their cost or margin.
  const seesCosts = callerCan(currentCaller(), 'costs.view');
  return new AppError(
    'CONFLICT',
    `Promotion “${name}” would sell ${result.breachCount} SKU(s) below the margin floor; ${remedy}. Nothing was changed.`,
    {
      key: 'belowMarginFloor',
      params: { count: result.breachCount, name },
      issues: shown.map((b, i) => ({
        path: `breaches.${i}`,
        key: 'belowMarginFloor',
        message: seesCosts
          ? `${b.sku}: ${b.unitPrice} leaves a margin of ${(b.marginBp / 100).toFixed(2)} % under the floor of ${(b.floorBp / 100).toFixed(2)} %`
          : `${b.sku}: ${b.unitPrice} is under the margin floor of ${(b.floorBp / 100).toFixed(2)} %`,
        params: {
          sku: b.sku,
          variantId: b.variantId,
          unitPrice: b.unitPrice,
          floorBp: b.floorBp,
          ...(seesCosts ? { cost: b.cost, marginBp: b.marginBp } : {}),
        },
      })),
    },
  );
}

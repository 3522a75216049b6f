// What promotion change sets hold, and how History undoes them (issue 15: "creating, editing,
// scheduling and cancelling are undoable where nothing has run yet"). Items are entity
// 'promotions', entity_id = the promotion: '$row' (created), '$removed' (a deleted draft, its
// snapshot as before-value), a column of promotions, or 'targets' / 'channels' (JSON snapshots, so
// undo rewrites the link rows exactly). One hook restores them all, after refusing when the
// promotion has started: from then on its prices and orders are real and only cancel stops it.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { decodeChangeValue } from '../history/service.js';
import type { UndoTargets } from '../history/store.js';
import { AppError } from '../shared/app-error.js';
import { freezeAudience } from './audience.js';
import {
  createPromotionStore,
  promotionColumnNames,
  type ColumnValue,
  type PromotionColumn,
} from './promotion-store.js';
import { segmentCodeSchema } from '../analytics/contract.js';
import {
  promotionChannelsSchema,
  promotionStatusSchema,
  promotionTargetsSchema,
  promotionTypeSchema,
  stackingSchema,
  type PromotionChannels,
  type PromotionTargets,
} from './rules.js';

export const promotionEntity = 'promotions';
export const createdField = '$row';
export const removedField = '$removed';
export const targetsField = 'targets';
export const channelsField = 'channels';

/** A removed draft, whole: undo puts it back with its id, targets, channels and coupon codes. */
const snapshotSchema = z.object({
  row: z.object({
    name: z.string(),
    type: promotionTypeSchema,
    status: promotionStatusSchema,
    startsAt: z.string(),
    endsAt: z.string(),
    stacking: stackingSchema,
    priority: z.number().int(),
    scope: z.enum(['shop', 'targets']),
    allChannels: z.number().int(),
    rule: z.string(),
    segmentCode: segmentCodeSchema.nullable(),
    controlShareBp: z.number().int(),
    upliftAssumptionBp: z.number().int().nullable(),
    overrideReason: z.string().nullable(),
    overrideBy: z.string().nullable(),
    overrideAt: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  }),
  targets: promotionTargetsSchema,
  channels: promotionChannelsSchema,
  codes: z.array(z.object({ id: z.number().int(), code: z.string(), customerId: z.number().int().nullable(), createdAt: z.string() })),
});
export type PromotionSnapshot = z.infer<typeof snapshotSchema>;

/** Targets in one order (kind, id), so equal sets compare equal and JSON snapshots are stable. */
export function normalTargets(targets: PromotionTargets): PromotionTargets {
  if (targets.scope === 'shop') return { scope: 'shop' };
  const seen = new Set<string>();
  const items = targets.items
    .filter((item) => !seen.has(`${item.kind}:${item.id}`) && Boolean(seen.add(`${item.kind}:${item.id}`)))
    .sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind < b.kind ? -1 : 1));
  return { scope: 'targets', items };
}

export function normalChannels(channels: PromotionChannels): PromotionChannels {
  return channels === 'all' ? 'all' : [...new Set(channels)].sort((a, b) => a - b);
}

export function alreadyRan(name: string): AppError {
  return new AppError('CONFLICT', `Promotion “${name}” has started; what it did cannot be undone (cancel it to stop it).`, {
    key: 'promotionAlreadyRan',
    params: { name },
  });
}

function parseJson<T>(schema: z.ZodType<T>, text: ColumnValue | boolean): T {
  if (typeof text !== 'string') throw new Error('A promotion change set item holds no JSON snapshot.');
  return schema.parse(JSON.parse(text));
}

const isColumn = (field: string): field is PromotionColumn => (promotionColumnNames as readonly string[]).includes(field);

/** Reverses one promotion change set (History's hook for entity 'promotions'); returns rows restored. */
export function undoPromotionChangeSet(db: Db, changeSetId: number, at: string): number {
  const store = createPromotionStore(db);
  const items = store.changeSetItems(changeSetId, promotionEntity);
  const ids = [...new Set(items.map((item) => item.entityId))];
  for (const id of ids) {
    const row = store.raw(id);
    if (row && (row.startedAt !== null || row.status === 'running' || row.status === 'ended')) throw alreadyRan(row.name);
  }
  let restored = 0;
  for (const id of ids) {
    const own = items.filter((item) => item.entityId === id);
    // A created promotion goes whole: its targets, channels, codes and audience cascade.
    if (own.some((item) => item.field === createdField)) {
      restored += store.delete(id) ? 1 : 0;
      continue;
    }
    const removed = own.find((item) => item.field === removedField);
    if (removed) {
      const snapshot = parseJson(snapshotSchema, decodeChangeValue(removed.beforeValue));
      store.insert(snapshot.row, id);
      if (snapshot.targets.scope === 'targets') store.replaceTargets(id, snapshot.targets.items);
      if (snapshot.channels !== 'all') store.replaceChannels(id, snapshot.channels);
      store.insertCouponCodes(id, snapshot.codes);
      restored += 1;
      continue;
    }
    const columns: Partial<Record<PromotionColumn, ColumnValue>> = {};
    for (const item of own) {
      const before = decodeChangeValue(item.beforeValue);
      if (item.field === targetsField) {
        const targets = parseJson(promotionTargetsSchema, before);
        columns.scope = targets.scope;
        store.replaceTargets(id, targets.scope === 'targets' ? targets.items : []);
      } else if (item.field === channelsField) {
        const channels = parseJson(promotionChannelsSchema, before);
        columns.all_channels = channels === 'all' ? 1 : 0;
        store.replaceChannels(id, channels === 'all' ? [] : channels);
      } else if (isColumn(item.field)) {
        columns[item.field] = typeof before === 'boolean' ? Number(before) : before;
      } else {
        throw new Error(`A promotion change set holds an item (${item.field}) this version cannot undo.`);
      }
    }
    store.setColumns(id, columns, at);
    restored += 1;
    // The audience belongs to a scheduled segment campaign: gone with the schedule, taken again
    // when undo puts the schedule back (undo of "back to draft") or changes its segment.
    const status = own.find((item) => item.field === 'status');
    const fromDraft = status !== undefined && decodeChangeValue(status.afterValue) === 'draft';
    const segmentChanged = own.some((item) => item.field === 'segment_code' || item.field === 'control_share_bp');
    const now = store.raw(id);
    if (now?.status === 'draft' && status) store.clearAudience(id);
    else if (now?.status === 'scheduled' && (fromDraft || segmentChanged)) {
      store.clearAudience(id);
      if (now.segmentCode !== null) freezeAudience(db, id, new Date(at));
    }
  }
  return restored;
}

export const promotionUndoTargets: UndoTargets = {
  columns: {},
  memberships: {},
  hooks: { [promotionEntity]: undoPromotionChangeSet },
};

/** The snapshot a removal records, as the item's before-value. */
export function snapshotText(snapshot: PromotionSnapshot): string {
  return JSON.stringify(snapshot);
}

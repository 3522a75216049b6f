// The review queue (issue 14, point 6): one list of everything sync could not decide alone —
// price conflicts, unlinked order lines, remote stock edits, failed items — and the one way to
// settle an item. Each resolution runs in one transaction with the item's own status change, so
// an item is never marked settled without its effect, nor the effect made twice (a settled item is
// refused). The effects reuse the paths the rest of the shop uses: a local price change goes
// through the catalogue's variant edit (a History change set), a stock correction is a ledger
// 'sync' movement, a push is an outbox row (the workers send it).
//
// "Accept local" on a price conflict must reach the channel whoever owns the field (under 'ask'
// or 'channel' the compare alone would not push it): the resolved item keeps `pushValue` and a
// non-null next_try_at until price-push.ts has sent that value — a durable marker, committed with
// the resolution, that the pusher honours while the local value is still the accepted one.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { createEditStore } from '../catalog/edit-store.js';
import { createVariantEditService } from '../catalog/variant-edit-service.js';
import { createHistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { createLedger } from '../inventory/ledger.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { lineSubject, reapplyHeldOrders } from './channel-order-writer.js';
import { applyLinks } from './linker.js';
import { createOutboxStore, type OutboxStore } from './outbox-store.js';
import { priceFields } from './price-compare.js';
import { createPricePushStore } from './price-push-store.js';
import { createReviewStore, reviewKinds, type ReviewKind, type ReviewRow, type ReviewStatus, type ReviewStore } from './review-store.js';

export type ReviewAction = 'acceptLocal' | 'acceptRemote' | 'retry' | 'ignore' | { kind: 'link'; variantId: number };
type ActionName = 'acceptLocal' | 'acceptRemote' | 'retry' | 'ignore' | 'link';

/** What each kind of item accepts (the UI offers only these). */
export const reviewActionsByKind: Record<ReviewKind, readonly ActionName[]> = {
  conflict: ['acceptLocal', 'acceptRemote', 'ignore'],
  remote_stock_edit: ['acceptLocal', 'acceptRemote', 'ignore'],
  failed_item: ['retry', 'ignore'],
  unlinked_line: ['link', 'ignore'],
};

export interface ReviewListQuery {
  channelId?: number | undefined;
  kind?: ReviewKind | undefined;
  status: ReviewStatus;
  offset: number;
  limit: number;
}

export interface ReviewItemView {
  id: number;
  channelId: number;
  channelName: string;
  kind: ReviewKind;
  subject: string;
  /** The values side by side as the item recorded them (lastSynced / local / remote …). */
  values: Record<string, unknown>;
  reason: { key: string; params: Record<string, string | number | null> };
  remoteAnswer: string | null;
  attempts: number;
  nextTryAt: string | null;
  status: ReviewStatus;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  actions: ActionName[];
}

export interface ReviewList {
  items: ReviewItemView[];
  total: number;
  counts: Record<ReviewKind, number>;
}

export interface PriceChanges {
  price?: number;
  compareAtPrice?: number | null;
}

export interface ReviewDeps {
  db: Db;
  clock: Clock;
  /** Who resolves (History and the ledger record it). */
  actor?: string;
  /** A local price change with History; default: the catalogue's variant edit service. */
  editVariant?(variantId: number, changes: PriceChanges, actor: string): void;
  /** Links one remote variant to a local one and queues its pushes; default: the linker's applyLinks. */
  linkOne?(channelId: number, remoteVariantId: string, variantId: number): void;
  /** Re-applies the channel's held orders (synchronously, inside the resolution's transaction); default: reapplyHeldOrders. */
  reapplyHeld?(channelId: number, variantIds?: readonly number[]): void;
  outbox?: OutboxStore;
}

const storeFor = perDatabase(createReviewStore);
const pricesFor = perDatabase(createPricePushStore);
const valuesSchema = z.record(z.string(), z.unknown());
const paramsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const money = z.number().int().nullable();
const conflictVals = z.object({ field: z.enum(priceFields), lastSynced: money, local: money, remote: money });
const stockEditVals = z.object({ remote: z.number().int(), expectedRemote: z.number().int() });
const unlinkedVals = z.object({ remoteVariantId: z.string().min(1), remoteOrderId: z.string().min(1) });
const subjectPattern = /^variant:(\d+):(price|compareAtPrice|stock)$/;

function parseJson<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toView(row: ReviewRow): ReviewItemView {
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: row.channelName,
    kind: row.kind,
    subject: row.subject,
    values: parseJson(row.vals, valuesSchema) ?? {},
    reason: { key: row.reasonKey, params: parseJson(row.reasonParams, paramsSchema) ?? {} },
    remoteAnswer: row.remoteAnswer,
    attempts: row.attempts,
    nextTryAt: row.nextTryAt,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    actions: row.status === 'open' ? [...reviewActionsByKind[row.kind]] : [],
  };
}

const variantSubject = /^variant:(\d+):/;

/** Items about a variant carry its SKU and product, so the queue names products, not ids. */
function named(store: ReviewStore, item: ReviewItemView): ReviewItemView {
  const variantId = variantSubject.exec(item.subject)?.[1];
  const found = variantId === undefined ? undefined : store.variantName(Number(variantId));
  if (!found) return item;
  return { ...item, values: { sku: found.sku, productTitle: found.productTitle, productId: found.productId, ...item.values } };
}

export function listReview(db: Db, query: ReviewListQuery): ReviewList {
  const store = storeFor(db);
  const channelId = query.channelId ?? null;
  const counts = store.counts({ channelId, status: query.status });
  const total = query.kind === undefined ? [...counts.values()].reduce((sum, n) => sum + n, 0) : (counts.get(query.kind) ?? 0);
  return {
    items: store.list({ channelId, kind: query.kind ?? null, status: query.status }, query.offset, query.limit).map((row) => named(store, toView(row))),
    total,
    counts: Object.fromEntries(reviewKinds.map((kind) => [kind, counts.get(kind) ?? 0])) as Record<ReviewKind, number>,
  };
}

const refuse = {
  settled: (row: ReviewRow) =>
    new AppError('CONFLICT', `Review item ${row.id} is already ${row.status}; nothing was changed.`, {
      key: 'reviewAlreadySettled',
      params: { itemId: row.id, status: row.status },
    }),
  action: (row: ReviewRow, action: string) =>
    new AppError('VALIDATION', `A ${row.kind} item cannot be settled with "${action}".`, {
      key: 'reviewActionNotAllowed',
      params: { itemId: row.id, kind: row.kind, action },
      issues: [{ path: 'action', key: 'reviewActionNotAllowed', message: `action: ${action} does not apply to ${row.kind}`, params: { kind: row.kind, action } }],
    }),
  unreadable: (row: ReviewRow) =>
    new AppError('VALIDATION', `Review item ${row.id} does not hold the values this action needs.`, {
      key: 'reviewItemUnreadable',
      params: { itemId: row.id, kind: row.kind },
    }),
  noRemote: (row: ReviewRow) =>
    new AppError('VALIDATION', `The channel's value of item ${row.id} is not known; there is nothing to accept.`, {
      key: 'reviewNoRemoteValue',
      params: { itemId: row.id },
    }),
  notLinked: (row: ReviewRow, variantId: number) =>
    new AppError('CONFLICT', `Variant ${variantId} is no longer linked on this channel; ignore item ${row.id} instead.`, {
      key: 'reviewNotLinked',
      params: { itemId: row.id, variantId },
    }),
  bundle: (row: ReviewRow) =>
    new AppError('VALIDATION', `Item ${row.id} is a bundle: its stock comes from its components and cannot be adjusted.`, {
      key: 'reviewBundleStock',
      params: { itemId: row.id },
    }),
};

export function createReviewService(deps: ReviewDeps) {
  const { db, clock } = deps;
  const store: ReviewStore = storeFor(db);
  const outbox = deps.outbox ?? createOutboxStore(db);
  const ledger = createLedger(db);
  const actor = deps.actor ?? 'sync';
  let variantEdit: ReturnType<typeof createVariantEditService> | null = null;
  const editVariant =
    deps.editVariant ??
    ((variantId: number, changes: PriceChanges, who: string) => {
      variantEdit ??= createVariantEditService(db, createEditStore(db), createHistoryService(db, clock, shopUndoTargets), clock);
      variantEdit.update(variantId, changes, who);
    });
  const linkOne =
    deps.linkOne ?? ((channelId: number, remoteVariantId: string, variantId: number) => void applyLinks(db, clock, channelId, [{ remoteVariantId, variantId }]));
  const reapplyHeld = deps.reapplyHeld ?? ((channelId: number, variantIds?: readonly number[]) => void reapplyHeldOrders(db, clock, channelId, variantIds));

  function subjectOf(row: ReviewRow): { variantId: number; topic: string } {
    const match = subjectPattern.exec(row.subject);
    if (!match?.[1] || !match[2]) throw refuse.unreadable(row);
    return { variantId: Number(match[1]), topic: match[2] };
  }

  function settle(row: ReviewRow, status: 'resolved' | 'ignored', extra: Record<string, unknown>, nextTryAt: string | null = null): void {
    const vals = { ...(parseJson(row.vals, valuesSchema) ?? {}), ...extra };
    if (!store.settle(row.id, status, JSON.stringify(vals), nextTryAt, clock.now().toISOString())) throw refuse.settled(row);
  }

  function queuePush(channelId: number, variantId: number, kind: 'stock' | 'price'): void {
    outbox.enqueue(channelId, variantId, kind, clock.now().toISOString());
    store.makeDue(channelId, variantId, kind);
  }

  function conflict(row: ReviewRow, action: 'acceptLocal' | 'acceptRemote'): void {
    const vals = parseJson(row.vals, conflictVals);
    if (!vals) throw refuse.unreadable(row);
    const { variantId } = subjectOf(row);
    const variant = store.variant(variantId);
    if (!variant) throw notFound('Variant', variantId);
    if (!store.link(row.channelId, variantId)) throw refuse.notLinked(row, variantId);
    const { field, remote } = vals;
    // The local side is what the pusher compares: the current price for this channel (a running
    // promotion's sale price, with the regular price as compare-at), not only variants.price.
    const local = pricesFor(db).local(row.channelId, variantId) ?? variant;
    // A null remote price is "unknown", never a value: the base keeps what it had.
    const remoteKnown = remote !== null || field === 'compareAtPrice';
    store.settleOwedPushes(row.channelId, row.subject);
    if (action === 'acceptLocal') {
      // The channel's value was seen and set aside: it becomes the base, and the marker makes the
      // pusher send the local value once whoever owns the field.
      if (remoteKnown) store.setPriceBase(row.channelId, variantId, field, remote);
      const pushValue = field === 'price' ? local.price : local.compareAtPrice;
      settle(row, 'resolved', { resolution: 'acceptLocal', pushValue }, clock.now().toISOString());
      queuePush(row.channelId, variantId, 'price');
      return;
    }
    if (!remoteKnown) throw refuse.noRemote(row);
    settle(row, 'resolved', { resolution: 'acceptRemote' });
    const current = field === 'price' ? local.price : local.compareAtPrice;
    // Local and base both become the channel's value: the price row this edit queues finds nothing to send.
    if (current !== remote) editVariant(variantId, field === 'price' ? { price: remote ?? variant.price } : { compareAtPrice: remote }, actor);
    store.setPriceBase(row.channelId, variantId, field, remote);
  }

  function stockEdit(row: ReviewRow, action: 'acceptLocal' | 'acceptRemote'): void {
    const vals = parseJson(row.vals, stockEditVals);
    if (!vals) throw refuse.unreadable(row);
    const { variantId } = subjectOf(row);
    const variant = store.variant(variantId);
    if (!variant) throw notFound('Variant', variantId);
    if (!store.link(row.channelId, variantId)) throw refuse.notLinked(row, variantId);
    const at = clock.now().toISOString();
    settle(row, 'resolved', { resolution: action });
    if (action === 'acceptRemote') {
      if (variant.isBundle) throw refuse.bundle(row);
      const delta = vals.remote - vals.expectedRemote;
      const locationId = store.stockLocation(row.channelId, variantId);
      if (delta !== 0) {
        if (locationId === undefined) throw notFound('Location', 'for channel stock');
        ledger.post([{ variantId, locationId, delta, reason: 'sync', refType: 'review_item', refId: String(row.id), actor, occurredAt: at }]);
      }
    }
    // The link's last-synced quantity is left to the stock worker: it already pushed over the edit
    // when it flagged it (the ledger is the truth for stock), so it is what the channel holds now.
    // The movement above queued the new figure; acceptLocal re-pushes the local one.
    queuePush(row.channelId, variantId, 'stock');
  }

  function unlinkedLine(row: ReviewRow, variantId: number): void {
    const vals = parseJson(row.vals, unlinkedVals);
    if (!vals) throw refuse.unreadable(row);
    settle(row, 'resolved', { resolution: 'link', variantId });
    // The linker refuses a variant or remote variant linked elsewhere (CONFLICT); a pair already
    // linked is a no-op. Its new link queues the variant's stock and price pushes.
    linkOne(row.channelId, vals.remoteVariantId, variantId);
    reapplyHeld(row.channelId, [variantId]);
  }

  function dropLine(row: ReviewRow): void {
    const vals = parseJson(row.vals, unlinkedVals);
    if (!vals) throw refuse.unreadable(row);
    settle(row, 'ignored', { resolution: 'dropLine' });
    store.releaseOrder(row.channelId, vals.remoteOrderId, lineSubject(vals.remoteOrderId, ''));
  }

  const resolve = db.transaction((itemId: number, action: ReviewAction): void => {
    const row = store.get(itemId);
    if (!row) throw notFound('Review item', itemId);
    if (row.status !== 'open') throw refuse.settled(row);
    const name: ActionName = typeof action === 'string' ? action : action.kind;
    if (!reviewActionsByKind[row.kind].includes(name)) throw refuse.action(row, name);
    // An ignored unlinked line is dropped from its order on purpose; the order imports without it.
    if (name === 'ignore') return row.kind === 'unlinked_line' ? dropLine(row) : settle(row, 'ignored', { resolution: 'ignore' });
    if (typeof action === 'object') return unlinkedLine(row, action.variantId);
    if (row.kind === 'conflict' && (action === 'acceptLocal' || action === 'acceptRemote')) return conflict(row, action);
    if (row.kind === 'remote_stock_edit' && (action === 'acceptLocal' || action === 'acceptRemote')) return stockEdit(row, action);
    // failed_item, retry: due again now, attempts kept.
    const { variantId, topic } = subjectOf(row);
    settle(row, 'resolved', { resolution: 'retry' });
    queuePush(row.channelId, variantId, topic === 'stock' ? 'stock' : 'price');
  });

  return {
    list: (query: ReviewListQuery): ReviewList => listReview(db, query),
    /** Settles one open item; refuses a settled item (CONFLICT) or an action its kind does not take (VALIDATION). */
    resolve(itemId: number, action: ReviewAction): ReviewItemView {
      resolve(itemId, action);
      const row = store.get(itemId);
      if (!row) throw notFound('Review item', itemId);
      return toView(row);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;

/** One resolution with its own service; callers that resolve many keep a `createReviewService`. */
export function resolveReview(deps: ReviewDeps, itemId: number, action: ReviewAction): ReviewItemView {
  return createReviewService(deps).resolve(itemId, action);
}

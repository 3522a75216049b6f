// Applies one remote order to the shop: the local order it becomes, the stock it commits, sells
// or releases, the refunds it records, and the review items for its unlinked lines. The writer
// compares the order's desired local state with what the database holds, so applying the same
// order twice changes nothing, and a changed order (edited, cancelled, fulfilled, refunded)
// moves stock by the difference only.
//
// Rules (issue 14, "Orders in"):
// - Lines resolve through channel_links only (no SKU guessing). A catalogue line whose variant is
//   not linked is not applied: it waits in the review queue ('unlinked_line') and the order is
//   'held'; its linked lines ARE applied, so nothing is oversold meanwhile. reapplyHeldOrders
//   applies the line from the stored snapshot once a person links the variant.
// - A line without a remote variant (custom item, deleted product) is kept as an order line
//   with variant_id NULL: it counts in the order's money, moves no stock, and needs no review
//   (there is nothing to link it to).
// - Local status: 'fulfilled' once the platform says so (stock sold then, never un-sold: a later
//   cancel or refund of a shipped order records returns only, restocking is a person's call);
//   'cancelled' for cancelled orders and for orders refunded in full before shipping (nothing
//   was sold); 'open' otherwise (committed = quantity − refunded per line).
// - Refunds: units refunded beyond those already on return lines become a return dated at the
//   order's remote update, refund = unit price × units, reason 'other', not restocked (the
//   RemoteOrder does not say whether the platform restocked). Fewer refunded units than
//   recorded (a refund reversed) changes nothing.
// - Sale movements: reason 'sale', refType 'channel_order', refId = channel_orders.id (local and
//   stable, where a remote id is only unique per channel); bundles consumed as components;
//   allowed to take on hand below 0 (the platform already shipped the goods).
// - Coupon code: the order's (RemoteOrderWithCoupon), into orders.coupon_code for attribution.
// - Prices: the remote unit price. An order whose lines all carry price 0 has no price data (the
//   Shopify connector's subset lacks line prices): its linked lines take the local price.
import type { Db } from '../db/open.js';
import { bundleMovements, componentsFromDb, expandBundleLines, type StockLine } from '../inventory/bundle-consumption.js';
import { createLedger } from '../inventory/ledger.js';
import type { Clock } from '../shared/clock.js';
import { firstFree } from '../shared/unique-code.js';
import { createChannelOrderStore, type ChannelOrderRow } from './channel-order-store.js';
import type { ReasonText, RemoteOrder, RemoteOrderLine } from './connector.js';
import { createLocalOrderStore, type LocalLine, type LocalOrderStatus } from './local-order-store.js';
import { canonicalOrder, orderOfSnapshot, readSnapshot, snapshotText, type RemoteOrderWithCoupon } from './remote-order-schema.js';

export type ApplyChange = 'created' | 'updated' | 'unchanged';

export interface ApplyOutcome {
  change: ApplyChange;
  /** The order waits on unlinked lines (channel_orders.state 'held'). */
  held: boolean;
}

/** An order that cannot be applied for a reason a person can act on (recorded as a failed_item). */
export class OrderApplyError extends Error {
  constructor(readonly reason: ReasonText) {
    super(reason.key);
    this.name = 'OrderApplyError';
  }
}

export const saleRefType = 'channel_order';
const actorOf = (channelId: number) => `sync:channel:${channelId}`;
export const lineSubject = (remoteOrderId: string, remoteLineId: string) => `order:${remoteOrderId}:line:${remoteLineId}`;

interface Planned {
  remote: RemoteOrderLine;
  variantId: number | null;
  unitPrice: number;
  /** order_lines.id when the line was applied before. */
  localId: number | null;
}

function addUnits(map: Map<string, StockLine>, lines: readonly StockLine[]): void {
  for (const line of lines) {
    const key = `${line.variantId}:${line.locationId}`;
    const found = map.get(key);
    if (found) found.quantity += line.quantity;
    else map.set(key, { ...line });
  }
}

export function createChannelOrderWriter(db: Db) {
  const store = createChannelOrderStore(db);
  const local = createLocalOrderStore(db);
  const ledger = createLedger(db);
  const componentsOf = componentsFromDb(db);

  /** Units per variant × location, bundles expanded to their components. */
  function committedOf(lines: readonly { variantId: number | null; units: number }[], locationId: number): Map<string, StockLine> {
    const map = new Map<string, StockLine>();
    const stock = lines.flatMap((l) => (l.variantId !== null && l.units > 0 ? [{ variantId: l.variantId, locationId, quantity: l.units }] : []));
    addUnits(map, expandBundleLines(stock, componentsOf));
    return map;
  }

  function localStatus(remote: RemoteOrder, before: LocalOrderStatus | undefined): LocalOrderStatus {
    if (before === 'fulfilled' || remote.status === 'fulfilled') return 'fulfilled';
    if (remote.status === 'cancelled') return 'cancelled';
    if (remote.status === 'refunded' && remote.lines.every((l) => l.refundedQuantity >= l.quantity)) return 'cancelled';
    return 'open';
  }

  function locationFor(channelId: number, remote: RemoteOrder): number {
    const mapped = remote.remoteLocationId === null ? undefined : store.mappedLocation(channelId, remote.remoteLocationId);
    const id = mapped ?? local.defaultLocation();
    if (id === undefined) throw new OrderApplyError({ key: 'sync.pull.noLocation', params: { order: remote.number } });
    return id;
  }

  /** Whether a held order has a line that is not applied but whose variant is linked now. */
  function hasNewlyLinked(channelId: number, remote: RemoteOrder, applied: Record<string, number>): boolean {
    return remote.lines.some((l) => applied[l.remoteLineId] === undefined && l.remoteVariantId !== null && l.quantity > 0 && store.linkedVariant(channelId, l.remoteVariantId) !== undefined);
  }

  /**
   * Applies the order; must run inside the caller's transaction (a thrown error rolls it back).
   * `at` is the local time of the pull (imported_at, review items, new customers).
   */
  function apply(channelId: number, remote: RemoteOrderWithCoupon, at: string): ApplyOutcome {
    if (!db.inTransaction) throw new Error('apply must run inside a transaction');
    const existing = store.byRemoteId(channelId, remote.remoteOrderId);
    const previous = readSnapshot(existing?.snapshot ?? null);
    // Without a readable snapshot nothing says which local lines came from which remote ones:
    // applying again could add the lines twice, so a person looks at it instead.
    if (existing && existing.orderId !== null && previous === null) {
      throw new OrderApplyError({ key: 'sync.pull.snapshotUnreadable', params: { order: remote.number } });
    }
    const applied: Record<string, number> = previous?.appliedLines ?? {};
    if (existing && previous && existing.remoteUpdatedAt === remote.updatedAt && canonicalOrder(orderOfSnapshot(previous)) === canonicalOrder(remote)) {
      if (existing.state !== 'held' || !hasNewlyLinked(channelId, remote, applied)) return { change: 'unchanged', held: existing.state === 'held' };
    }
    const { row, created } = store.claim(channelId, remote.remoteOrderId, remote.number, remote.updatedAt, remote.remoteStatus, at);
    return write(channelId, remote, row, applied, created, at);
  }

  function write(channelId: number, remote: RemoteOrderWithCoupon, row: ChannelOrderRow, applied: Record<string, number>, created: boolean, at: string): ApplyOutcome {
    const before = row.orderId === null ? undefined : local.order(row.orderId);
    const oldLines = new Map<number, LocalLine>((before ? local.lines(before.id) : []).map((l) => [l.id, l]));
    const status = localStatus(remote, before?.status);
    const locationId = before && before.status !== 'open' ? before.locationId : locationFor(channelId, remote);
    const noPrices = remote.lines.every((l) => l.unitPrice === 0);

    // Which remote lines the local order holds, and which wait for a link. A line a person
    // dropped in the review queue ("ignore") no longer holds the order, unless it gets linked.
    const dropped = new Set(store.reviewSubjects(channelId, 'unlinked_line', 'ignored', lineSubject(remote.remoteOrderId, '')));
    const planned: Planned[] = [];
    const unlinked: RemoteOrderLine[] = [];
    for (const line of remote.lines) {
      if (line.quantity <= 0) continue;
      const localId = applied[line.remoteLineId];
      const kept = localId === undefined ? undefined : oldLines.get(localId);
      const variantId = kept ? kept.variantId : line.remoteVariantId === null ? null : (store.linkedVariant(channelId, line.remoteVariantId) ?? undefined);
      if (variantId === undefined) {
        if (!dropped.has(lineSubject(remote.remoteOrderId, line.remoteLineId))) unlinked.push(line);
        continue;
      }
      const facts = variantId === null ? undefined : local.variant(variantId);
      const unitPrice = noPrices && facts ? facts.price : line.unitPrice;
      planned.push({ remote: line, variantId, unitPrice, localId: kept ? kept.id : null });
    }

    let orderId = before?.id ?? null;
    const subtotal = planned.reduce((sum, p) => sum + p.unitPrice * p.remote.quantity, 0);
    const fields = {
      customerId: remote.customerEmail ? local.customerByEmail(remote.customerEmail.trim(), at) : null,
      locationId,
      status,
      placedAt: remote.placedAt,
      fulfilledAt: status === 'fulfilled' ? (before?.fulfilledAt ?? remote.updatedAt) : null,
      cancelledAt: status === 'cancelled' ? (before?.cancelledAt ?? remote.updatedAt) : null,
      currency: remote.currency,
      subtotal,
      // Rewritten on every change: a code added or corrected on the platform follows.
      couponCode: remote.couponCode ?? null,
    };
    if (orderId === null && planned.length > 0) {
      const base = remote.number.trim() || remote.remoteOrderId;
      const orderNumber = firstFree(base, (candidate) => local.numberTaken(channelId, candidate));
      orderId = local.insertOrder({ ...fields, channelId, orderNumber, externalId: remote.remoteOrderId });
    }

    const nextApplied: Record<string, number> = {};
    if (orderId !== null) {
      // Committed before the change (what the order held while open).
      const oldCommitted = before?.status === 'open'
        ? committedOf([...oldLines.values()].map((l) => ({ variantId: l.variantId, units: l.quantity - l.returned })), before.locationId)
        : new Map<string, StockLine>();
      const refunds: { orderLineId: number; quantity: number; refund: number }[] = [];
      const after: { variantId: number | null; units: number; sold: boolean }[] = [];
      for (const p of planned) {
        const old = p.localId === null ? undefined : oldLines.get(p.localId);
        let lineId: number;
        if (old) {
          lineId = old.id;
          if (old.quantity !== p.remote.quantity || old.unitPrice !== p.unitPrice) local.updateLine(lineId, p.remote.quantity, p.unitPrice);
          oldLines.delete(old.id);
        } else {
          const facts = p.variantId === null ? undefined : local.variant(p.variantId);
          lineId = local.insertLine(orderId, {
            variantId: p.variantId,
            sku: p.remote.sku ?? facts?.sku ?? '',
            title: p.remote.title || facts?.title || (p.remote.sku ?? ''),
            quantity: p.remote.quantity,
            unitPrice: p.unitPrice,
            unitCost: facts?.cost ?? null,
          });
        }
        nextApplied[p.remote.remoteLineId] = lineId;
        const returned = old?.returned ?? 0;
        const refunded = Math.min(p.remote.refundedQuantity, p.remote.quantity);
        if (refunded > returned) refunds.push({ orderLineId: lineId, quantity: refunded - returned, refund: p.unitPrice * (refunded - returned) });
        const returnedAfter = Math.max(returned, refunded);
        // A line of an order that was already fulfilled locally has been sold before.
        after.push({ variantId: p.variantId, units: Math.max(0, p.remote.quantity - returnedAfter), sold: old !== undefined && before?.status === 'fulfilled' });
      }
      // Lines gone from the remote order: removed, unless refunds already point at them.
      for (const gone of oldLines.values()) if (gone.returned === 0) local.deleteLine(gone.id);
      if (refunds.length > 0) local.insertReturn(orderId, remote.updatedAt, locationId, null, refunds);

      const newCommitted = status === 'open' ? committedOf(after, locationId) : new Map<string, StockLine>();
      for (const key of new Set([...oldCommitted.keys(), ...newCommitted.keys()])) {
        const was = oldCommitted.get(key);
        const now = newCommitted.get(key);
        const target = now ?? was;
        if (!target) continue;
        local.addCommitted(target.variantId, target.locationId, (now?.quantity ?? 0) - (was?.quantity ?? 0), at);
      }
      if (status === 'fulfilled') {
        const toSell = after.flatMap((l) => (l.variantId !== null && !l.sold && l.units > 0 ? [{ variantId: l.variantId, locationId, quantity: l.units }] : []));
        if (toSell.length > 0) {
          const movements = bundleMovements(toSell, componentsOf, {
            reason: 'sale',
            actor: actorOf(channelId),
            occurredAt: fields.fulfilledAt ?? remote.updatedAt,
            refType: saleRefType,
            refId: String(row.id),
          }).map((m) => ({ ...m, unitCost: local.variant(m.variantId)?.cost ?? null }));
          ledger.post(movements, { forbidNegative: false });
        }
      }
      local.updateOrder(orderId, fields);
    }

    // Review items: one per unlinked line (none for a cancelled order: nothing to sell or
    // commit); those no longer waiting are resolved.
    const waiting = new Set<string>();
    if (status === 'cancelled') unlinked.length = 0;
    for (const line of unlinked) {
      const subject = lineSubject(remote.remoteOrderId, line.remoteLineId);
      waiting.add(subject);
      store.review({
        channelId,
        kind: 'unlinked_line',
        subject,
        vals: { sku: line.sku, title: line.title, quantity: line.quantity, orderNumber: remote.number, remoteOrderId: remote.remoteOrderId, remoteVariantId: line.remoteVariantId },
        reason: { key: 'sync.review.unlinkedLine', params: { sku: line.sku ?? '', order: remote.number } },
        remoteAnswer: null,
        at,
      });
    }
    for (const subject of store.reviewSubjects(channelId, 'unlinked_line', 'open', lineSubject(remote.remoteOrderId, ''))) {
      if (!waiting.has(subject)) store.resolveReview(channelId, 'unlinked_line', subject, at);
    }
    const held = unlinked.length > 0;
    store.save({
      id: row.id,
      orderId,
      remoteNumber: remote.number,
      remoteUpdatedAt: remote.updatedAt,
      remoteStatus: remote.remoteStatus,
      state: held ? 'held' : 'imported',
      snapshot: snapshotText(remote, nextApplied),
    });
    return { change: created ? 'created' : 'updated', held };
  }

  return { apply, hasNewlyLinked, store };
}

export type ChannelOrderWriter = ReturnType<typeof createChannelOrderWriter>;

/**
 * After a person links a variant (review queue "link to…"): every held order of the channel
 * with a line that is linked now is applied again from its stored snapshot, each in its own
 * transaction. `variantIdsNowLinked` narrows it to orders with a line of those variants.
 */
export function reapplyHeldOrders(db: Db, clock: Clock, channelId: number, variantIdsNowLinked?: readonly number[]): { reapplied: number } {
  const writer = createChannelOrderWriter(db);
  const only = variantIdsNowLinked ? new Set(variantIdsNowLinked) : null;
  let reapplied = 0;
  for (const row of writer.store.heldOrders(channelId)) {
    const snapshot = readSnapshot(row.snapshot);
    if (!snapshot) continue;
    const order = orderOfSnapshot(snapshot);
    const relevant = order.lines.some((line) => {
      if (snapshot.appliedLines[line.remoteLineId] !== undefined || line.remoteVariantId === null) return false;
      const variantId = writer.store.linkedVariant(channelId, line.remoteVariantId);
      return variantId !== undefined && (only === null || only.has(variantId));
    });
    if (!relevant) continue;
    const outcome = db.transaction(() => writer.apply(channelId, order, clock.now().toISOString()))();
    if (outcome.change !== 'unchanged') reapplied += 1;
  }
  return { reapplied };
}

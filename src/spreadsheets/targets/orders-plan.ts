// Planning a historical orders file (read-only): rows become order lines,
// grouped into orders by number (and channel); each order gets the state its
// status words give it (order-statuses.ts), each line its cost at the sale and
// its refund (dated when it happened, else at the order date, with a notice),
// and the preview learns what the apply will create or assume on the way.
import { localTimeUtc } from '../../shared/local-time.js';
import type { ImportNotice, RowPlan } from '../contract.js';
import { notice } from '../issue-messages.js';
import { RowReader } from '../row-reader.js';
import type { LocalDateTime } from '../values.js';
import { planLocations, type PlannedLocation } from './import-locations.js';
import { shopSettings } from './plan-helpers.js';
import { orderState, refundState, type ImportedOrderState } from './order-statuses.js';
import { storedOrderComparer } from './orders-compare.js';
import { returnReasonFor, type ReturnReasonCode } from './return-reasons.js';
import type { PlanInput } from './target.js';
import { variantLookup, type KnownVariant } from './variant-lookup.js';

export interface OrderLine {
  reader: RowReader;
  variant: KnownVariant | undefined;
  quantity: number;
  unitPrice: number;
  discount: number;
  /** Cost per unit when sold: the file's, else today's variant cost, else null (unknown, never 0). */
  unitCost: number | null;
  costFrom: 'file' | 'variant' | 'unknown';
  /** Units refunded (0 on cancelled orders: they count nowhere, so their refunds are not recorded). */
  refunded: number;
  refundAt: string | null;
  /** The file gave no refund or return date: the refund is dated at the order date. */
  refundDatedAtOrder: boolean;
  /** The refund the file states for the line, when it does. */
  refundAmount: number | null;
  reason: ReturnReasonCode;
  reasonRecognised: boolean;
  notes: ImportNotice[];
}

export interface OrderGroup {
  number: string;
  channel: string;
  placedAt: string | null;
  /** When the order was cancelled (its placed time when the file gives no time), or null. */
  cancelledAt: string | null;
  state: ImportedOrderState;
  statusText: string;
  email: string;
  name: string;
  /** The coupon code the customer entered, as typed (the first when a cell lists several), or null. */
  couponCode: string | null;
  lines: OrderLine[];
  /** The shop's order with this number on this channel, if any. */
  existingId: number | undefined;
}

/** The channel rows without one go to, named in the shop's language (code 'import'). */
export const defaultChannel = { code: 'import', names: { en: 'Imported orders', 'zh-CN': '导入订单' } } as const;

export function instantOf(value: LocalDateTime, timeZone: string): string {
  if (value.offset !== null) return new Date(Date.parse(`${value.date}T${value.time ?? '00:00:00'}${value.offset}`)).toISOString();
  return localTimeUtc(value.date, value.time ?? '00:00:00', timeZone).toISOString();
}


/**
 * The code from a coupon cell: Shopify lists several codes of one order comma-separated; the first
 * is kept (orders.coupon_code holds one, and attribution needs only one to find its promotion).
 */
export function couponCodeOf(cell: string): string | null {
  const first = cell.split(/[,，;；]/)[0]?.trim() ?? '';
  return first === '' ? null : first.slice(0, 100);
}

function readLine(reader: RowReader, group: OrderGroup, variants: ReturnType<typeof variantLookup>, timeZone: string): OrderLine {
  const sku = reader.raw('sku');
  reader.require('sku', sku);
  const variant = sku === '' ? undefined : variants.bySku(sku);
  // Reported, never dropped: the order waits until the SKU exists or the row is fixed.
  if (sku !== '' && !variant) reader.issue('sku', 'unknownSku', { value: sku });
  const quantity = reader.integer('quantity', 1);
  reader.require('quantity', quantity);
  const unitPrice = reader.money('unitPrice');
  reader.require('unitPrice', unitPrice);
  // A discount written as a percentage ("10%") is that share of the line.
  const percentOff = /[%％]$/.test(reader.raw('lineDiscount')) ? reader.percent('lineDiscount') : undefined;
  const discount = typeof percentOff === 'number' ? Math.round(((unitPrice ?? 0) * (quantity ?? 0) * percentOff) / 100) : (reader.money('lineDiscount') ?? 0);
  const notes: ImportNotice[] = [];
  const fileCost = reader.money('unitCost');
  const costFrom = typeof fileCost === 'number' ? 'file' : typeof variant?.cost === 'number' ? 'variant' : 'unknown';
  const unitCost = typeof fileCost === 'number' ? fileCost : (variant?.cost ?? null);
  if (costFrom === 'unknown' && variant) notes.push(notice('rowCostUnknown', { value: variant.sku }));

  const refundedCell = reader.integer('refundedQuantity', 0);
  const lineRefund = refundState(reader.raw('refundStatus'));
  // "Refunded" with no quantity given means every unit (the whole order, or this line's 退款成功).
  const refundsAll = (group.state.refundedInFull || lineRefund === 'refunded') && !reader.issues.some((i) => i.field === 'refundedQuantity');
  const refunded = typeof refundedCell === 'number' ? refundedCell : refundsAll ? (quantity ?? 0) : 0;
  const refundDate = reader.dateTime('refundDate');
  const returnDate = reader.dateTime('returnDate');
  const refundAmount = reader.money('refundAmount') ?? null;
  const reason = returnReasonFor(reader.raw('returnReason'));
  let refundAt: string | null = null;
  let refundDatedAtOrder = false;
  if (refunded > 0) {
    if (typeof quantity === 'number' && refunded > quantity) reader.issue('refundedQuantity', 'refundTooLarge', { value: refunded });
    // A refund is dated when it happened; a return date stands in for a missing refund date.
    const datedBy = refundDate ? 'refundDate' : returnDate ? 'returnDate' : null;
    const dated = refundDate ?? returnDate;
    if (dated && datedBy) {
      refundAt = instantOf(dated, timeZone);
      if (group.placedAt !== null && refundAt < group.placedAt) reader.issue(datedBy, 'refundAfterOrder', {});
    } else {
      refundAt = group.placedAt;
      refundDatedAtOrder = true;
      if (group.state.status !== 'cancelled') notes.push(notice('rowRefundDatedAtOrder', {}));
    }
    if (!reason.recognised && group.state.status !== 'cancelled') notes.push(notice('rowReturnReasonOther', { value: reader.raw('returnReason') }));
  } else if ((lineRefund === 'pending' || group.state.refundPending) && group.state.status !== 'cancelled') {
    notes.push(notice('rowRefundPending', {}));
  }
  return {
    reader,
    variant,
    quantity: quantity ?? 0,
    unitPrice: unitPrice ?? 0,
    discount,
    unitCost,
    costFrom,
    refunded: group.state.status === 'cancelled' ? 0 : refunded,
    refundAt,
    refundDatedAtOrder,
    refundAmount,
    reason: reason.code,
    reasonRecognised: reason.recognised,
    notes,
  };
}

export function planOrders(input: PlanInput) {
  const { db } = input;
  const settings = shopSettings(db);
  const variants = variantLookup(db);
  const channels = new Map<string, { id: number; code: string }>();
  for (const channel of db.prepare<[], { id: number; code: string; name: string }>('SELECT id, code, name FROM channels').all()) {
    channels.set(channel.code.toLowerCase(), channel);
    channels.set(channel.name.toLowerCase(), channel);
  }
  const existing = db.prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE channel_id = ? AND order_number = ?');
  const sameAsStored = storedOrderComparer(db);
  const groups = new Map<string, OrderGroup>();
  const firstByNumber = new Map<string, OrderGroup>();
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    const number = reader.raw('orderNumber');
    reader.require('orderNumber', number);
    // Platform exports (Shopify) fill the order's columns on its first line only: a later
    // line without a channel belongs to the order of that number already in the file.
    const named = reader.raw('channel');
    const channel = named || (number !== '' ? firstByNumber.get(number)?.channel : undefined) || defaultChannel.code;
    // A stored channel named by its code on one row and its name on another is one channel.
    const stored = channels.get(channel.toLowerCase());
    const key = `${stored ? `#${stored.id}` : channel.toLowerCase()}\u0001${number}`;
    let group = groups.get(key);
    if (!group) {
      const date = reader.dateTime('orderDate');
      reader.require('orderDate', date);
      const placedAt = date ? instantOf(date, settings.timeZone) : null;
      const cancelledDate = reader.dateTime('cancelledAt');
      const state = orderState(reader.raw('status'), reader.raw('fulfillmentStatus'), cancelledDate !== undefined && cancelledDate !== null);
      group = {
        number,
        channel,
        placedAt,
        state,
        statusText: reader.raw('status'),
        cancelledAt: state.status !== 'cancelled' ? null : cancelledDate ? instantOf(cancelledDate, settings.timeZone) : placedAt,
        email: reader.raw('customerEmail'),
        name: reader.raw('customerName'),
        couponCode: null,
        lines: [],
        existingId: stored !== undefined && number !== '' ? existing.get(stored.id, number)?.id : undefined,
      };
      groups.set(key, group);
      if (!firstByNumber.has(number)) firstByNumber.set(number, group);
    }
    // Platform exports fill the code on the order's first line only; any line may carry it.
    group.couponCode ??= couponCodeOf(reader.raw('couponCode'));
    group.lines.push(readLine(reader, group, variants, settings.timeZone));
  }
  const rows: RowPlan[] = [];
  for (const group of groups.values()) rows.push(...groupRows(group, sameAsStored));
  rows.sort((a, b) => a.row - b.row);
  const ready = [...groups.values()].filter(
    (group) => group.state.status !== 'skip' && group.existingId === undefined && group.lines.every((line) => line.reader.issues.length === 0),
  );
  const location = planLocations(db).fallback();
  // One notice per channel the apply creates (found again case-insensitively, like the write does).
  const newChannels = [...new Map(ready.filter((g) => !channels.has(g.channel.toLowerCase())).map((g) => [g.channel.toLowerCase(), g.channel])).values()];
  const channelName = (name: string) => (name === defaultChannel.code ? defaultChannel.names[settings.locale] : name);
  return {
    rows,
    ready,
    settings,
    location,
    channelName,
    notices: previewNotices([...groups.values()], ready, location, newChannels.map(channelName)),
  };
}

export type PlannedOrders = ReturnType<typeof planOrders>;

/** Every line's row plan: skipped (unpaid), unchanged (the same order again), error or create. */
function groupRows(group: OrderGroup, sameAsStored: ReturnType<typeof storedOrderComparer>): RowPlan[] {
  const label = (line: OrderLine) => `${line.variant?.title ?? line.reader.raw('sku')} × ${line.quantity}`;
  if (group.state.status === 'skip') {
    // Not a sale (spreadsheets.md): nothing of it is written, so its cells are not judged either.
    const note = notice('rowUnpaid', { value: group.statusText });
    return group.lines.map((line) => ({ row: line.reader.rowNumber, outcome: 'skip', key: group.number, label: label(line), changes: [], issues: [], notes: [note] }));
  }
  const bad = group.lines.find((line) => line.reader.issues.length > 0);
  // History is only added: the same order again is "unchanged", a different one is refused.
  const unchanged = group.existingId !== undefined && bad === undefined && sameAsStored(group.existingId, group);
  if (group.existingId !== undefined && !unchanged) {
    for (const line of group.lines) line.reader.issue('orderNumber', 'orderChanged', { value: group.number });
  }
  const orderNotes: ImportNotice[] = [];
  if (group.state.unknownStatus) orderNotes.push(notice('rowStatusUnknown', { value: group.statusText }));
  // A cancelled order is kept but counts nowhere (metrics.md): said on its rows, so "New" does not read as a sale.
  else if (group.state.status === 'cancelled') orderNotes.push(notice('rowCancelled', {}));
  return group.lines.map((line) => {
    if (bad && line !== bad && line.reader.issues.length === 0) line.reader.issue(null, 'orderHasErrors', { otherRow: bad.reader.rowNumber });
    const outcome = unchanged ? 'unchanged' : line.reader.issues.length > 0 ? 'error' : 'create';
    const changes: RowPlan['changes'] = [];
    if (outcome === 'create') {
      changes.push({ field: 'quantity', before: null, after: line.quantity }, { field: 'unitPrice', before: null, after: line.unitPrice });
      if (line.unitCost !== null) changes.push({ field: 'unitCost', before: null, after: line.unitCost });
      if (line.refunded > 0) changes.push({ field: 'refundedQuantity', before: null, after: line.refunded });
    }
    const notes = [...orderNotes, ...line.notes];
    return { row: line.reader.rowNumber, outcome, key: group.number, label: label(line), changes, issues: line.reader.issues, ...(notes.length > 0 ? { notes } : {}) };
  });
}

/** What the apply will create or assume, counted over the orders it will write. */
function previewNotices(all: readonly OrderGroup[], ready: readonly OrderGroup[], location: PlannedLocation, newChannels: readonly string[]): ImportNotice[] {
  const notices: ImportNotice[] = [];
  const lines = ready.flatMap((group) => group.lines);
  const count = (test: (line: OrderLine) => boolean) => lines.filter(test).length;
  const examples = (values: readonly string[]) => [...new Set(values)].slice(0, 3).map((value) => `"${value}"`).join(', ');
  if (ready.length > 0 && location.id === null) notices.push(notice('willCreateLocation', { name: location.name }));
  for (const name of newChannels) notices.push(notice('willCreateChannel', { name }));
  const unpaid = all.filter((group) => group.state.status === 'skip').length;
  if (unpaid > 0) notices.push(notice('unpaidSkipped', { count: unpaid }));
  const datedAtOrder = count((line) => line.refunded > 0 && line.refundDatedAtOrder);
  if (datedAtOrder > 0) notices.push(notice('refundsDatedAtOrder', { count: datedAtOrder }));
  const fromVariant = count((line) => line.costFrom === 'variant');
  if (fromVariant > 0) notices.push(notice('costFromVariant', { count: fromVariant }));
  const unknownCost = count((line) => line.costFrom === 'unknown');
  if (unknownCost > 0) notices.push(notice('costUnknown', { count: unknownCost }));
  const pending = ready.filter((group) => group.lines.some((line) => line.notes.some((note) => note.key === 'rowRefundPending'))).length;
  if (pending > 0) notices.push(notice('refundPending', { count: pending }));
  const unknownStatus = ready.filter((group) => group.state.unknownStatus);
  if (unknownStatus.length > 0) notices.push(notice('statusUnknown', { count: unknownStatus.length, values: examples(unknownStatus.map((g) => g.statusText)) }));
  const otherReasons = lines.filter((line) => line.refunded > 0 && !line.reasonRecognised);
  if (otherReasons.length > 0) notices.push(notice('returnReasonOther', { count: otherReasons.length, values: examples(otherReasons.map((l) => l.reader.raw('returnReason'))) }));
  return notices;
}

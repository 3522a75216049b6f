// Receiving a purchase order, and the very same receipt previewed without
// writing. Both go through one plan (which lines, how many units, the landed
// unit cost in the shop currency, each variant's moving-average cost before →
// after), so what the confirmation shows is exactly what posting does.
// Foreign-currency orders need a rate: the one used is remembered per supplier
// and currency when the receipt is posted, and proposed for the next one.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { createHistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { createLedger } from '../inventory/ledger.js';
import { atLine, createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { PurchaseOrder, PurchaseOrderDetail, purchasingContract, ReceiptPreview } from './contract.js';
import { createExchangeRateStore } from './exchange-rate-store.js';
import { createIncoming } from './incoming.js';
import { currencyDigits, landedCost, movingAverageCost } from './moving-average.js';
import { orderInState } from './po-state.js';
import type { createPoStore } from './po-store.js';

type In<M extends keyof typeof purchasingContract> = z.output<(typeof purchasingContract)[M]['input']>;
type OrderLine = PurchaseOrderDetail['lines'][number];
type ReceiptLineInput = In<'purchaseOrders.previewReceipt'>['lines'][number];

interface PlannedLine {
  line: OrderLine;
  quantity: number;
  /** In the order's currency. */
  unitCost: number;
  /** In the shop currency; null while a foreign order has no rate. */
  landed: number | null;
  /** The quantity field of the input line, where a ledger refusal is reported. */
  path: string;
  over: boolean;
  onHandBefore: number;
  costBefore: number | null;
  costAfter: number | null;
}

interface ReceiptPlan {
  po: PurchaseOrder;
  orderLines: OrderLine[];
  shopCurrency: string;
  rate: number | null;
  rateSource: ReceiptPreview['rateSource'];
  rememberedRate: ReceiptPreview['rememberedRate'];
  lines: PlannedLine[];
  /** Lines asking for more than is still ordered (refused unless confirmed). */
  over: FieldIssue[];
}

export function createReceiptService(db: Db, clock: Clock, store: ReturnType<typeof createPoStore>) {
  const ledger = createLedger(db);
  const checks = createStockChecks(db);
  const incoming = createIncoming(db);
  const rates = createExchangeRateStore(db);
  const history = createHistoryService(db, clock, shopUndoTargets);
  const variantCost = db.prepare<[number], { cost: number | null; onHandTotal: number }>(
    'SELECT cost, on_hand_total AS onHandTotal FROM variants WHERE id = ?',
  );
  const insertReceipt = db.prepare<[number, number, string, string, string]>(
    'INSERT INTO receipts (purchase_order_id, location_id, received_at, actor, note) VALUES (?, ?, ?, ?, ?)',
  );
  const insertLine = db.prepare<[number, number, number, number, number]>(
    'INSERT INTO receipt_lines (receipt_id, purchase_order_line_id, quantity, unit_cost, landed_unit_cost) VALUES (?, ?, ?, ?, ?)',
  );
  const addReceived = db.prepare<[number, number]>('UPDATE purchase_order_lines SET quantity_received = quantity_received + ? WHERE id = ?');
  const setCost = db.prepare<[number, string, number]>('UPDATE variants SET cost = ?, updated_at = ? WHERE id = ?');
  const linkChangeSet = db.prepare<[number, number]>('UPDATE receipts SET change_set_id = ? WHERE id = ?');
  const setStatus = db.prepare<[string, number, string, string, number]>(
    'UPDATE purchase_orders SET status = ?, received_at = CASE WHEN ? THEN ? ELSE received_at END, updated_at = ? WHERE id = ?',
  );

  /**
   * Matches the input lines to the order and values them. Unknown and repeated lines are
   * refused (thrown); over-receipts are collected for the caller to refuse or show.
   * `requireRate`: receiving refuses a foreign order without a rate; a preview shows it as missing.
   */
  const plan = (input: { purchaseOrderId: number; lines: readonly ReceiptLineInput[]; exchangeRate?: number | undefined }, requireRate: boolean): ReceiptPlan => {
    const po = orderInState(store, input.purchaseOrderId, ['sent', 'partially_received'], 'received');
    const shopCurrency = store.shopCurrency();
    const foreign = po.currency !== shopCurrency;
    const rememberedRate = foreign ? rates.get(po.supplierId, po.currency) : null;
    const rate = foreign ? (input.exchangeRate ?? (requireRate ? null : (rememberedRate?.rate ?? null))) : null;
    const rateSource: ReceiptPreview['rateSource'] = !foreign ? 'sameCurrency' : input.exchangeRate !== undefined ? 'given' : rate !== null ? 'remembered' : 'missing';
    const issues: FieldIssue[] = [];
    if (foreign && rate === null && requireRate) {
      issues.push({
        path: 'exchangeRate',
        key: 'exchangeRateRequired',
        message: `exchangeRate: ${po.number} is in ${po.currency}; give the rate to ${shopCurrency} to value the stock`,
      });
    }
    const toShop = (unitCost: number): number | null =>
      !foreign ? unitCost : rate === null ? null : landedCost(unitCost, rate, currencyDigits(po.currency), currencyDigits(shopCurrency));

    const orderLines = store.detail(po.id).lines;
    const byLineId = new Map(orderLines.map((line) => [line.id, line]));
    const byVariant = new Map(orderLines.map((line) => [line.variantId, line]));
    const seen = new Set<number>();
    const over: FieldIssue[] = [];
    const lines: PlannedLine[] = [];
    input.lines.forEach((line, i) => {
      const field = line.lineId !== undefined ? 'lineId' : 'variantId';
      const path = `lines.${i}.${field}`;
      const found = line.lineId !== undefined ? byLineId.get(line.lineId) : byVariant.get(line.variantId ?? 0);
      if (!found) {
        const what = field === 'lineId' ? `line ${line.lineId ?? ''}` : `variant ${line.variantId ?? ''}`;
        issues.push({ path, key: 'notOnOrder', message: `${path}: ${what} is not on ${po.number}` });
        return;
      }
      if (seen.has(found.id)) {
        issues.push({ path, key: 'duplicateLine', message: `${path}: ${found.sku} is already on an earlier line`, params: { sku: found.sku } });
        return;
      }
      seen.add(found.id);
      const isOver = line.quantity > found.outstanding;
      if (isOver) {
        over.push({
          path: `lines.${i}.quantity`,
          key: 'overReceipt',
          message: `lines.${i}.quantity: ${line.quantity} of ${found.sku} received but only ${found.outstanding} still ordered; confirm to accept the extra`,
          params: { sku: found.sku, quantity: line.quantity, outstanding: found.outstanding },
        });
      }
      const unitCost = line.unitCost ?? found.unitCost;
      const landed = toShop(unitCost);
      // Each variant is on the order once, so reading every cost before any posting is the
      // same as reading each just before its own: the average weighs the stock held before.
      const variant = variantCost.get(found.variantId);
      const costBefore = variant?.cost ?? null;
      const onHandBefore = variant?.onHandTotal ?? 0;
      const costAfter = landed === null ? null : movingAverageCost(onHandBefore, costBefore, line.quantity, landed);
      lines.push({ line: found, quantity: line.quantity, unitCost, landed, path: `lines.${i}.quantity`, over: isOver, onHandBefore, costBefore, costAfter });
    });
    throwIfIssues(issues, 'The receipt');
    return { po, orderLines, shopCurrency, rate, rateSource, rememberedRate, lines, over };
  };

  const preview = (input: In<'purchaseOrders.previewReceipt'>): ReceiptPreview => {
    const planned = plan(input, false);
    const valued = planned.lines.map((p) => (p.landed === null ? null : p.landed * p.quantity));
    return {
      purchaseOrderId: planned.po.id,
      number: planned.po.number,
      currency: planned.po.currency,
      shopCurrency: planned.shopCurrency,
      exchangeRate: planned.rate,
      rateSource: planned.rateSource,
      rememberedRate: planned.rememberedRate,
      lines: planned.lines.map((p, i) => ({
        lineId: p.line.id,
        variantId: p.line.variantId,
        sku: p.line.sku,
        title: p.line.title,
        options: p.line.options,
        quantity: p.quantity,
        outstanding: p.line.outstanding,
        over: p.over,
        unitCost: p.unitCost,
        landedUnitCost: p.landed,
        value: valued[i] ?? null,
        onHandBefore: p.onHandBefore,
        costBefore: p.costBefore,
        costAfter: p.costAfter,
      })),
      units: planned.lines.reduce((sum, p) => sum + p.quantity, 0),
      orderValue: planned.lines.reduce((sum, p) => sum + p.unitCost * p.quantity, 0),
      value: valued.some((v) => v === null) ? null : valued.reduce<number>((sum, v) => sum + (v ?? 0), 0),
    };
  };

  const receive = db.transaction((input: In<'purchaseOrders.receive'>, actor: string) => {
    const locationId = input.locationId ?? store.header(input.purchaseOrderId).locationId;
    const locationIssues: FieldIssue[] = [];
    checks.shelfLocation(locationId, 'locationId', locationIssues);
    let planned: ReceiptPlan;
    try {
      planned = plan(input, true);
    } catch (error) {
      // One refusal names every problem: the location's beside the lines'.
      if (error instanceof AppError && error.details.issues && locationIssues.length > 0) throwIfIssues([...locationIssues, ...error.details.issues], 'The receipt');
      throw error;
    }
    throwIfIssues(locationIssues, 'The receipt');
    const { po, orderLines } = planned;
    if (planned.over.length > 0 && !input.confirmOver) {
      throw new AppError('CONFLICT', `More than ordered was received on ${po.number}; confirm to accept it. Nothing was changed.`, {
        key: 'overReceipt',
        params: { number: po.number },
        issues: planned.over,
      });
    }

    const now = clock.now().toISOString();
    if (planned.rateSource === 'given' && planned.rate !== null) rates.save(po.supplierId, po.currency, planned.rate, now);
    const receiptId = Number(insertReceipt.run(po.id, locationId, now, actor, input.note).lastInsertRowid);
    const changeSetId = history.begin('po_receipt', { key: 'poReceiptCosts', params: { number: po.number } }, actor);
    let costChanges = 0;
    for (const { line, quantity, unitCost, landed, path, costBefore, costAfter } of planned.lines) {
      // The plan refused a missing rate, so every line has its landed cost here.
      const landedCost = landed ?? unitCost;
      insertLine.run(receiptId, line.id, quantity, unitCost, landedCost);
      atLine(path, () =>
        ledger.post([
          { variantId: line.variantId, locationId, delta: quantity, reason: 'receive', refType: 'receipt', refId: String(receiptId), unitCost: landedCost, actor, occurredAt: now },
        ]),
      );
      // "Incoming" was booked at the PO's location when it was sent, whatever location receives now.
      incoming.apply([{ variantId: line.variantId, locationId: po.locationId, delta: -Math.min(quantity, line.outstanding) }], now);
      addReceived.run(quantity, line.id);
      if (costAfter !== null && costAfter !== costBefore) {
        setCost.run(costAfter, now, line.variantId);
        history.addItem(changeSetId, { entity: 'variants', entityId: line.variantId, field: 'cost', before: costBefore, after: costAfter });
        costChanges += 1;
      }
      line.outstanding = Math.max(line.outstanding - quantity, 0);
    }
    if (costChanges === 0) history.discard(changeSetId);
    else linkChangeSet.run(changeSetId, receiptId);
    const complete = orderLines.every((line) => line.outstanding === 0);
    setStatus.run(complete ? 'received' : 'partially_received', complete ? 1 : 0, now, now, po.id);
  });

  return { preview, receive };
}

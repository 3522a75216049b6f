// Purchase order life cycle: draft → sent → partially received → received,
// or closed (short) / cancelled. Open quantities are mirrored in
// stock_levels.incoming in the same transaction as every change; receiving
// posts to the ledger and moves the variant's cost by moving average.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { createHistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { createLedger } from '../inventory/ledger.js';
import { atLine, createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { PoStatus, PurchaseOrder, PurchaseOrderDetail, purchasingContract } from './contract.js';
import { createDraftPurchaseOrder, type DraftPoLine } from './draft-po.js';
import { createIncoming } from './incoming.js';
import { currencyDigits, landedCost, movingAverageCost } from './moving-average.js';
import { createPoStore } from './po-store.js';

type In<M extends keyof typeof purchasingContract> = z.output<(typeof purchasingContract)[M]['input']>;
type LineInput = { variantId: number; quantity: number; unitCost?: number | undefined };
type OrderLine = PurchaseOrderDetail['lines'][number];

const dayMs = 86_400_000;

export function createPoService(db: Db, clock: Clock) {
  const store = createPoStore(db, clock);
  const ledger = createLedger(db);
  const checks = createStockChecks(db);
  const history = createHistoryService(db, clock, shopUndoTargets);
  const supplierItem = db.prepare<[number, number], { cost: number; supplierSku: string | null; leadTimeDays: number | null }>(
    'SELECT cost, supplier_sku AS supplierSku, lead_time_days AS leadTimeDays FROM supplier_items WHERE supplier_id = ? AND variant_id = ?',
  );
  const variantCost = db.prepare<[number], { cost: number | null; onHandTotal: number; sku: string }>(
    'SELECT cost, on_hand_total AS onHandTotal, sku FROM variants WHERE id = ?',
  );
  const incoming = createIncoming(db);
  const shopCurrency = () => db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1').get()?.currency ?? 'USD';

  /** The order, if its status allows `action`; `hint` (English message only) says what to do instead. */
  const inState = (id: number, allowed: readonly PoStatus[], action: string, hint = ''): PurchaseOrder => {
    const po = store.header(id);
    if (!allowed.includes(po.status)) {
      throw new AppError('CONFLICT', `Purchase order ${po.number} is ${po.status.replace('_', ' ')}; it cannot be ${action}${hint}. Nothing was changed.`, {
        key: 'poState',
        params: { number: po.number, status: po.status, action },
      });
    }
    return po;
  };

  /** Validated draft lines with costs defaulted from the supplier item, then the variant's cost. */
  const draftLines = (supplierId: number, lines: readonly LineInput[], issues: FieldIssue[]): DraftPoLine[] => {
    // The variant's own cost is in the shop currency: a fallback only for suppliers invoicing in it.
    const supplierCurrency = db.prepare<[number], { currency: string }>('SELECT currency FROM suppliers WHERE id = ?').get(supplierId)?.currency;
    const sameCurrency = supplierCurrency === shopCurrency();
    const seen = new Set<number>();
    const result: DraftPoLine[] = [];
    lines.forEach((line, i) => {
      if (seen.has(line.variantId)) {
        issues.push({ path: `lines.${i}.variantId`, key: 'duplicateLine', message: `lines.${i}.variantId: this variant is already on an earlier line` });
        return;
      }
      seen.add(line.variantId);
      if (!checks.knownVariant(line.variantId, `lines.${i}.variantId`, issues)) return;
      const item = supplierItem.get(supplierId, line.variantId);
      const unitCost = line.unitCost ?? item?.cost ?? (sameCurrency ? variantCost.get(line.variantId)?.cost : null) ?? null;
      if (unitCost === null) {
        issues.push({ path: `lines.${i}.unitCost`, key: 'costRequired', message: `lines.${i}.unitCost: no cost is known for this item; enter one` });
        return;
      }
      result.push({ variantId: line.variantId, quantity: line.quantity, unitCost, supplierSku: item?.supplierSku ?? null });
    });
    return result;
  };

  const supplierExists = (supplierId: number, issues: FieldIssue[]) => {
    if (!db.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(supplierId)) {
      issues.push({ path: 'supplierId', key: 'unknownSupplier', message: `supplierId: supplier ${supplierId} does not exist` });
    }
  };

  const create = db.transaction((input: In<'purchaseOrders.create'>, actor: string) => {
    const issues: FieldIssue[] = [];
    supplierExists(input.supplierId, issues);
    checks.shelfLocation(input.locationId, 'locationId', issues);
    const lines = draftLines(input.supplierId, input.lines, issues);
    throwIfIssues(issues, 'The purchase order');
    return createDraftPurchaseOrder(db, { ...input, lines, actor, now: clock.now().toISOString() });
  });

  const update = db.transaction((input: In<'purchaseOrders.update'>) => {
    const po = inState(input.purchaseOrderId, ['draft'], 'edited');
    const issues: FieldIssue[] = [];
    if (input.locationId !== undefined) checks.shelfLocation(input.locationId, 'locationId', issues);
    const lines = input.lines ? draftLines(po.supplierId, input.lines, issues) : null;
    throwIfIssues(issues, 'The purchase order');
    db.prepare(
      `UPDATE purchase_orders SET location_id = COALESCE(@locationId, location_id), note = COALESCE(@note, note),
         expected_at = CASE WHEN @setExpected THEN @expectedAt ELSE expected_at END, updated_at = @at WHERE id = @id`,
    ).run({
      id: po.id,
      locationId: input.locationId ?? null,
      note: input.note ?? null,
      setExpected: input.expectedAt === undefined ? 0 : 1,
      expectedAt: input.expectedAt ?? null,
      at: clock.now().toISOString(),
    });
    if (lines) {
      db.prepare('DELETE FROM purchase_order_lines WHERE purchase_order_id = ?').run(po.id);
      const insert = db.prepare(
        'INSERT INTO purchase_order_lines (purchase_order_id, variant_id, supplier_sku, quantity_ordered, unit_cost) VALUES (?, ?, ?, ?, ?)',
      );
      for (const line of lines) insert.run(po.id, line.variantId, line.supplierSku ?? null, line.quantity, line.unitCost);
    }
  });

  const send = db.transaction((id: number, expectedAt: string | undefined) => {
    const po = inState(id, ['draft'], 'sent');
    const now = clock.now();
    const at = now.toISOString();
    const lines = store.detail(id).lines;
    // The promise: the slowest line's lead time (supplier item, else the supplier's default).
    const supplierLead = db.prepare<[number], { lead: number }>('SELECT lead_time_days AS lead FROM suppliers WHERE id = ?').get(po.supplierId)?.lead ?? 0;
    const lead = Math.max(0, ...lines.map((l) => supplierItem.get(po.supplierId, l.variantId)?.leadTimeDays ?? supplierLead));
    const expected = expectedAt ?? po.expectedAt ?? new Date(now.getTime() + lead * dayMs).toISOString();
    incoming.apply(lines.map((line) => ({ variantId: line.variantId, locationId: po.locationId, delta: line.outstanding })), at);
    db.prepare("UPDATE purchase_orders SET status = 'sent', sent_at = ?, expected_at = ?, updated_at = ? WHERE id = ?").run(at, expected, at, id);
  });

  const receive = db.transaction((input: In<'purchaseOrders.receive'>, actor: string) => {
    const po = inState(input.purchaseOrderId, ['sent', 'partially_received'], 'received');
    const issues: FieldIssue[] = [];
    const locationId = input.locationId ?? po.locationId;
    checks.shelfLocation(locationId, 'locationId', issues);
    const shop = shopCurrency();
    const foreign = po.currency !== shop;
    if (foreign && input.exchangeRate === undefined) {
      issues.push({
        path: 'exchangeRate',
        key: 'exchangeRateRequired',
        message: `exchangeRate: ${po.number} is in ${po.currency}; give the rate to ${shop} to value the stock`,
      });
    }
    const orderLines = store.detail(po.id).lines;
    const byLineId = new Map(orderLines.map((line) => [line.id, line]));
    const byVariant = new Map(orderLines.map((line) => [line.variantId, line]));
    const seen = new Set<number>();
    const over: FieldIssue[] = [];
    const matched: { line: OrderLine; quantity: number; unitCost: number; path: string }[] = [];
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
        issues.push({ path, key: 'duplicateLine', message: `${path}: ${found.sku} is already on an earlier line` });
        return;
      }
      seen.add(found.id);
      if (line.quantity > found.outstanding && !input.confirmOver) {
        over.push({
          path: `lines.${i}.quantity`,
          key: 'overReceipt',
          message: `lines.${i}.quantity: ${line.quantity} of ${found.sku} received but only ${found.outstanding} still ordered; confirm to accept the extra`,
        });
      }
      matched.push({ line: found, quantity: line.quantity, unitCost: line.unitCost ?? found.unitCost, path: `lines.${i}.quantity` });
    });
    throwIfIssues(issues, 'The receipt');
    if (over.length > 0) {
      throw new AppError('CONFLICT', `More than ordered was received on ${po.number}; confirm to accept it. Nothing was changed.`, {
        key: 'overReceipt',
        params: { number: po.number },
        issues: over,
      });
    }

    const now = clock.now().toISOString();
    const toShop = (unitCost: number) =>
      foreign ? landedCost(unitCost, input.exchangeRate ?? 1, currencyDigits(po.currency), currencyDigits(shop)) : unitCost;
    const receiptId = Number(
      db
        .prepare('INSERT INTO receipts (purchase_order_id, location_id, received_at, actor, note) VALUES (?, ?, ?, ?, ?)')
        .run(po.id, locationId, now, actor, input.note).lastInsertRowid,
    );
    const insertLine = db.prepare(
      'INSERT INTO receipt_lines (receipt_id, purchase_order_line_id, quantity, unit_cost, landed_unit_cost) VALUES (?, ?, ?, ?, ?)',
    );
    const addReceived = db.prepare('UPDATE purchase_order_lines SET quantity_received = quantity_received + ? WHERE id = ?');
    const setCost = db.prepare('UPDATE variants SET cost = ?, updated_at = ? WHERE id = ?');
    const changeSetId = history.begin('po_receipt', `Costs after receiving ${po.number}`, actor);
    let costChanges = 0;
    for (const { line, quantity, unitCost, path } of matched) {
      const landed = toShop(unitCost);
      // Read before the ledger posts: the average weighs the stock held before this receipt.
      const variant = variantCost.get(line.variantId);
      insertLine.run(receiptId, line.id, quantity, unitCost, landed);
      atLine(path, () =>
        ledger.post([
          { variantId: line.variantId, locationId, delta: quantity, reason: 'receive', refType: 'receipt', refId: String(receiptId), unitCost: landed, actor, occurredAt: now },
        ]),
      );
      // "Incoming" was booked at the PO's location when it was sent, whatever location receives now.
      incoming.apply([{ variantId: line.variantId, locationId: po.locationId, delta: -Math.min(quantity, line.outstanding) }], now);
      addReceived.run(quantity, line.id);
      const before = variant?.cost ?? null;
      const after = movingAverageCost(variant?.onHandTotal ?? 0, before, quantity, landed);
      if (after !== before) {
        setCost.run(after, now, line.variantId);
        history.addItem(changeSetId, { entity: 'variants', entityId: line.variantId, field: 'cost', before, after });
        costChanges += 1;
      }
      line.outstanding = Math.max(line.outstanding - quantity, 0);
    }
    if (costChanges === 0) history.discard(changeSetId);
    else db.prepare('UPDATE receipts SET change_set_id = ? WHERE id = ?').run(changeSetId, receiptId);
    const complete = orderLines.every((line) => line.outstanding === 0);
    db.prepare(
      `UPDATE purchase_orders SET status = ?, received_at = CASE WHEN ? THEN ? ELSE received_at END, updated_at = ? WHERE id = ?`,
    ).run(complete ? 'received' : 'partially_received', complete ? 1 : 0, now, now, po.id);
  });

  /** Drops what is still expected from "incoming" and ends the order as `status`. */
  const finish = (id: number, status: 'closed' | 'cancelled', allowed: readonly PoStatus[], hint: string) =>
    db.transaction(() => {
      const po = inState(id, allowed, status, hint);
      const at = clock.now().toISOString();
      if (po.status !== 'draft') {
        incoming.apply(store.detail(id).lines.map((line) => ({ variantId: line.variantId, locationId: po.locationId, delta: -line.outstanding })), at);
      }
      db.prepare(`UPDATE purchase_orders SET status = ?, ${status}_at = ?, updated_at = ? WHERE id = ?`).run(status, at, at, id);
    })();

  return {
    store,
    create: (input: In<'purchaseOrders.create'>, actor: string) => store.detail(create(input, actor)),
    update(input: In<'purchaseOrders.update'>) {
      update(input);
      return store.detail(input.purchaseOrderId);
    },
    send(id: number, expectedAt: string | undefined) {
      send(id, expectedAt);
      return store.detail(id);
    },
    receive(input: In<'purchaseOrders.receive'>, actor: string) {
      receive(input, actor);
      return store.detail(input.purchaseOrderId);
    },
    close(id: number) {
      // Closing settles a short delivery; an order with nothing received is cancelled instead.
      finish(id, 'closed', ['partially_received'], store.header(id).status === 'sent' ? ' (nothing was received: cancel it instead)' : '');
      return store.detail(id);
    },
    cancel(id: number) {
      finish(id, 'cancelled', ['draft', 'sent'], store.header(id).status === 'partially_received' ? ' (part was received: close it instead)' : '');
      return store.detail(id);
    },
  };
}

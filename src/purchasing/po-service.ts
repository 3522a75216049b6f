// Purchase order life cycle: draft → sent → partially received → received,
// or closed (short) / cancelled. Open quantities are mirrored in
// stock_levels.incoming in the same transaction as every change; receiving
// (receipt-service.ts) posts to the ledger and moves the variant's cost by moving average.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { PoStatus, PurchaseOrder, purchasingContract } from './contract.js';
import { createDraftPurchaseOrder, type DraftPoLine } from './draft-po.js';
import { createIncoming } from './incoming.js';
import { orderInState } from './po-state.js';
import { createPoStore } from './po-store.js';
import { createReceiptService } from './receipt-service.js';

type In<M extends keyof typeof purchasingContract> = z.output<(typeof purchasingContract)[M]['input']>;
type LineInput = { variantId: number; quantity: number; unitCost?: number | undefined };

const dayMs = 86_400_000;

export function createPoService(db: Db, clock: Clock) {
  const store = createPoStore(db, clock);
  const receipts = createReceiptService(db, clock, store);
  const checks = createStockChecks(db);
  const supplierItem = db.prepare<[number, number], { cost: number; supplierSku: string | null; leadTimeDays: number | null }>(
    'SELECT cost, supplier_sku AS supplierSku, lead_time_days AS leadTimeDays FROM supplier_items WHERE supplier_id = ? AND variant_id = ?',
  );
  const variantCost = db.prepare<[number], { cost: number | null; onHandTotal: number; sku: string }>(
    'SELECT cost, on_hand_total AS onHandTotal, sku FROM variants WHERE id = ?',
  );
  const incoming = createIncoming(db);
  const shopCurrency = () => store.shopCurrency();

  const inState = (id: number, allowed: readonly PoStatus[], action: string, hint = ''): PurchaseOrder => orderInState(store, id, allowed, action, hint);

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
    throwIfIssues(issues, 'The purchase order', (i) => checks.variant(input.lines[i]?.variantId ?? 0)?.sku);
    return createDraftPurchaseOrder(db, { ...input, lines, actor, now: clock.now().toISOString() });
  });

  const update = db.transaction((input: In<'purchaseOrders.update'>) => {
    const po = inState(input.purchaseOrderId, ['draft'], 'edited');
    const issues: FieldIssue[] = [];
    if (input.locationId !== undefined) checks.shelfLocation(input.locationId, 'locationId', issues);
    const lines = input.lines ? draftLines(po.supplierId, input.lines, issues) : null;
    throwIfIssues(issues, 'The purchase order', (i) => checks.variant(input.lines?.[i]?.variantId ?? 0)?.sku);
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
    previewReceipt: (input: In<'purchaseOrders.previewReceipt'>) => receipts.preview(input),
    receive(input: In<'purchaseOrders.receive'>, actor: string) {
      receipts.receive(input, actor);
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

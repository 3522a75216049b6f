// Lines for a draft purchase order from a spreadsheet: SKU (or the
// supplier's own SKU), quantity and unit cost (default: the supplier's price
// list, else the variant's cost). A SKU already on the order updates its line.
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { FirstSeen, recordChanges, recordCreated, type Change } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { variantLookup } from './variant-lookup.js';

const fields: FieldSpec[] = [
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['variant sku', 'sku编码', '货号', '商家编码'] },
  { key: 'supplierSku', type: 'text', en: 'Supplier SKU', zh: '供应商货号', synonyms: ['vendor sku', '厂家货号'] },
  { key: 'quantity', type: 'integer', en: 'Quantity', zh: '采购数量', synonyms: ['qty', 'quantity ordered', 'order quantity', '数量', '订购数量'], required: 'always' },
  { key: 'unitCost', type: 'money', en: 'Unit cost', zh: '采购单价', synonyms: ['cost', 'price', 'unit price', '单价', '进价'] },
];
const columns: Record<string, string> = { quantity: 'quantity_ordered', unitCost: 'unit_cost' };

interface Write {
  variantId: number;
  supplierSku: string | null;
  lineId: number | undefined;
  quantity: number;
  unitCost: number;
  changes: Change[];
}

function plan(input: PlanInput) {
  const orderId = input.options.purchaseOrderId ?? 0;
  const order = input.db
    .prepare<[number], { number: string; status: string; supplierId: number; currency: string }>(
      'SELECT number, status, supplier_id AS supplierId, currency FROM purchase_orders WHERE id = ?',
    )
    .get(orderId);
  const shopCurrency = input.db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1').get()?.currency ?? 'USD';
  // The variant's own cost is in the shop's currency: a default only for orders in it (as po-service does).
  const variantCost = input.db.prepare<[number], { sku: string; cost: number | null; title: string }>(
    `SELECT v.sku, v.cost, p.title || CASE WHEN v.option1 IS NULL THEN '' ELSE ' / ' || v.option1 END AS title
     FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?`,
  );
  const variants = variantLookup(input.db);
  const priceList = new Map(
    input.db
      .prepare<[number], { variantId: number; supplierSku: string | null; cost: number }>('SELECT variant_id AS variantId, supplier_sku AS supplierSku, cost FROM supplier_items WHERE supplier_id = ?')
      .all(order?.supplierId ?? 0)
      .map((item) => [item.variantId, item]),
  );
  const bySupplierSku = new Map([...priceList.values()].filter((i) => i.supplierSku).map((i) => [(i.supplierSku ?? '').toLowerCase(), i.variantId]));
  const lines = new Map(
    input.db
      .prepare<[number], { id: number; variantId: number; quantity: number; unitCost: number }>(
        'SELECT id, variant_id AS variantId, quantity_ordered AS quantity, unit_cost AS unitCost FROM purchase_order_lines WHERE purchase_order_id = ?',
      )
      .all(orderId)
      .map((line) => [line.variantId, line]),
  );
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: Write[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    if (!order || order.status !== 'draft') reader.issue(null, 'notDraft', { value: order?.number ?? String(orderId) });
    const sku = reader.raw('sku');
    const supplierSku = reader.raw('supplierSku');
    const key = sku || supplierSku;
    const variantId = sku !== '' ? variants.bySku(sku)?.id : supplierSku !== '' ? bySupplierSku.get(supplierSku.toLowerCase()) : undefined;
    const variant = variantId === undefined ? undefined : variantCost.get(variantId);
    if (sku === '' && supplierSku === '') reader.require('sku', sku);
    else if (variantId === undefined) reader.issue(sku !== '' ? 'sku' : 'supplierSku', 'unknownSku', { value: key });
    // Keyed by the variant, so its SKU on one row and its supplier SKU on another are the same line.
    else seen.check(reader, sku !== '' ? 'sku' : 'supplierSku', variant?.sku ?? key);
    const quantity = reader.integer('quantity', 1);
    reader.require('quantity', quantity);
    const given = reader.money('unitCost');
    // Without a cost in the file: the line's agreed cost, else the price list, else the variant's cost.
    const ownCost = order?.currency === shopCurrency ? (variant?.cost ?? undefined) : undefined;
    const known = variantId === undefined ? undefined : (lines.get(variantId)?.unitCost ?? priceList.get(variantId)?.cost ?? ownCost);
    const unitCost = typeof given === 'number' ? given : known;
    if (variantId !== undefined && unitCost === undefined && !reader.issues.some((i) => i.field === 'unitCost')) reader.issue('unitCost', 'noCostKnown', { value: key });
    const label = variant?.title ?? key;
    if (reader.issues.length > 0 || variantId === undefined || typeof quantity !== 'number' || unitCost === undefined) {
      rows.push({ row: row.rowNumber, outcome: 'error', key, label, changes: [], issues: reader.issues });
      continue;
    }
    const line = lines.get(variantId);
    const changes: Change[] = line
      ? [
          ...(line.quantity !== quantity ? [{ field: 'quantity', before: line.quantity, after: quantity }] : []),
          ...(line.unitCost !== unitCost ? [{ field: 'unitCost', before: line.unitCost, after: unitCost }] : []),
        ]
      : [
          { field: 'quantity', before: null, after: quantity },
          { field: 'unitCost', before: null, after: unitCost },
        ];
    const outcome = !line ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    rows.push({ row: row.rowNumber, outcome, key, label, changes, issues: [] });
    if (outcome !== 'unchanged') writes.push({ variantId, supplierSku: priceList.get(variantId)?.supplierSku ?? null, lineId: line?.id, quantity, unitCost, changes });
  }
  return { rows, writes, orderId };
}

export const purchaseOrderLinesTarget: ImportTarget = {
  id: 'purchaseOrderLines',
  fields,
  needs: ['purchaseOrderId'],
  template: { fields: ['sku', 'quantity', 'unitCost'], example: ['LS-WHT-M', 50, '78.00'] },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const insert = ctx.db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, supplier_sku, quantity_ordered, unit_cost) VALUES (?, ?, ?, ?, ?)');
        const update = ctx.db.prepare('UPDATE purchase_order_lines SET quantity_ordered = ?, unit_cost = ? WHERE id = ?');
        for (const write of planned.writes) {
          if (write.lineId === undefined) {
            recordCreated(ctx, 'purchase_order_lines', Number(insert.run(planned.orderId, write.variantId, write.supplierSku, write.quantity, write.unitCost).lastInsertRowid));
          } else {
            update.run(write.quantity, write.unitCost, write.lineId);
            recordChanges(ctx, 'purchase_order_lines', write.lineId, write.changes, columns);
          }
          yield;
        }
        ctx.db.prepare('UPDATE purchase_orders SET updated_at = ? WHERE id = ?').run(ctx.clock.now().toISOString(), planned.orderId);
      },
    };
  },
};

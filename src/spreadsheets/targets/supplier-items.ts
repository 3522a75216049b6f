// Supplier price lists: one row per (supplier, SKU) with the supplier's SKU,
// cost, pack size, minimum order and lead time. Suppliers and variants must
// exist already (the row names which is unknown). "Preferred" keeps the
// rule the supplier screens keep: one preferred supplier per SKU, so marking
// one clears the flag on the SKU's other supplier items (recorded for undo).
// A list without a Preferred column makes the supplier preferred where it is
// the SKU's only supplier (else stock valuation by supplier shows that stock
// as "No supplier"); a plain "Price" column is the cost only when no column
// says cost.
import type { RowPlan } from '../contract.js';
import { normaliseHeader } from '../mapping.js';
import { notice } from '../issue-messages.js';
import { RowReader } from '../row-reader.js';
import { cellText } from '../values.js';
import { diff, FirstSeen, outcomeOf, recordChanges, recordCreated, type Change } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { variantLookup } from './variant-lookup.js';

const fields: FieldSpec[] = [
  { key: 'supplier', type: 'text', en: 'Supplier', zh: '供应商', synonyms: ['supplier name', 'vendor', '供应商名称', '厂家'], required: 'always' },
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['variant sku', 'sku编码', '货号', '商家编码'], required: 'always' },
  { key: 'supplierSku', type: 'text', en: 'Supplier SKU', zh: '供应商货号', synonyms: ['vendor sku', '厂家货号', '供应商编码'] },
  // "Price" / 单价 are not synonyms: a list may carry the retail price beside the cost (refineAssignments).
  { key: 'cost', type: 'money', en: 'Cost', zh: '进价', synonyms: ['unit cost', 'cost price', 'purchase price', 'supplier price', '采购价', '成本价', '成本', '采购单价'], required: 'create' },
  { key: 'packSize', type: 'integer', en: 'Pack size', zh: '装箱数', synonyms: ['case pack', 'pack', '箱规', '每箱数量'] },
  { key: 'moq', type: 'integer', en: 'MOQ', zh: '起订量', synonyms: ['minimum order quantity', 'minimum order', '最小起订量'] },
  { key: 'leadTimeDays', type: 'integer', en: 'Lead time (days)', zh: '交期', synonyms: ['lead time', 'lead time days', '采购周期', '交货期', '交期(天)', '交货周期'] },
  { key: 'preferred', type: 'boolean', en: 'Preferred', zh: '首选供应商', synonyms: ['preferred supplier', 'is preferred', 'default supplier', '首选', '默认供应商'] },
];
const columns: Record<string, string> = {
  supplierSku: 'supplier_sku',
  cost: 'cost',
  packSize: 'pack_size',
  moq: 'moq',
  leadTimeDays: 'lead_time_days',
  preferred: 'is_preferred',
};

interface StoredItem {
  id: number;
  supplierSku: string | null;
  cost: number;
  packSize: number;
  moq: number;
  leadTimeDays: number | null;
  /** 0/1 as stored, so undo writes back the same value. */
  preferred: number;
  [key: string]: string | number | null;
}

type Values = Partial<Record<keyof typeof columns, string | number | null>>;

/** Headers that mean the cost only when nothing better says so (they may be the retail price). */
const priceHeaders = new Set(['price', 'unit price', 'prices', '单价', '价格', '报价'].map(normaliseHeader));

type Suppliers = Map<string, { id: number; name: string }>;

/**
 * Per variant, the suppliers it will have: those with a price-list item already and
 * those this file names for it. One alone is the SKU's only source, so preferred.
 */
function supplierSources(input: PlanInput, suppliers: Suppliers, variants: ReturnType<typeof variantLookup>): Map<number, Set<number>> {
  const sources = new Map<number, Set<number>>();
  const add = (variantId: number, supplierId: number) => {
    const set = sources.get(variantId) ?? new Set<number>();
    set.add(supplierId);
    sources.set(variantId, set);
  };
  for (const item of input.db.prepare<[], { variantId: number; supplierId: number }>('SELECT variant_id AS variantId, supplier_id AS supplierId FROM supplier_items').iterate()) {
    add(item.variantId, item.supplierId);
  }
  const supplierColumn = input.mapping.column('supplier');
  const skuColumn = input.mapping.column('sku');
  if (supplierColumn === undefined || skuColumn === undefined) return sources;
  for (const row of input.rows) {
    const supplier = suppliers.get(cellText(row.cells[supplierColumn]).toLowerCase());
    const sku = cellText(row.cells[skuColumn]);
    const variant = sku === '' ? undefined : variants.bySku(sku);
    if (supplier && variant) add(variant.id, supplier.id);
  }
  return sources;
}

function plan(input: PlanInput) {
  const suppliers: Suppliers = new Map(input.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM suppliers').all().map((s) => [s.name.toLowerCase(), s]));
  const variants = variantLookup(input.db);
  // No Preferred column: a SKU's only supplier becomes its preferred one.
  const sources = input.mapping.has('preferred') ? null : supplierSources(input, suppliers, variants);
  let madePreferred = 0;
  const item = input.db.prepare<[number, number], StoredItem>(
    `SELECT id, supplier_sku AS supplierSku, cost, pack_size AS packSize, moq, lead_time_days AS leadTimeDays, is_preferred AS preferred
     FROM supplier_items WHERE supplier_id = ? AND variant_id = ?`,
  );
  const seen = new FirstSeen();
  /** variant id -> the row that made a supplier preferred for it, so a second one is reported. */
  const preferredBy = new Map<number, { row: number; supplier: string }>();
  const rows: RowPlan[] = [];
  const writes: { supplierId: number; variantId: number; existing: StoredItem | undefined; values: Values; changes: Change[] }[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: input.options.blankClears, decimalComma: input.decimalComma });
    const supplierName = reader.raw('supplier');
    const sku = reader.raw('sku');
    reader.require('supplier', supplierName);
    reader.require('sku', sku);
    const supplier = suppliers.get(supplierName.toLowerCase());
    const variant = sku === '' ? undefined : variants.bySku(sku);
    if (supplierName !== '' && !supplier) reader.issue('supplier', 'unknownSupplier', { value: supplierName });
    if (sku !== '' && !variant) reader.issue('sku', 'unknownSku', { value: sku });
    if (supplier && variant) seen.check(reader, 'sku', `${supplierName} / ${sku}`);
    const values: Values = {
      supplierSku: reader.text('supplierSku', 100),
      cost: reader.money('cost') ?? undefined,
      packSize: reader.integer('packSize', 1) ?? undefined,
      moq: reader.integer('moq', 1) ?? undefined,
      leadTimeDays: reader.integer('leadTimeDays', 0),
      preferred: preferredFlag(reader.boolean('preferred')),
    };
    if (values.preferred === 1 && supplier && variant) {
      const earlier = preferredBy.get(variant.id);
      if (earlier && earlier.supplier !== supplierName.toLowerCase()) reader.issue('preferred', 'preferredTwice', { value: sku, otherRow: earlier.row });
      else preferredBy.set(variant.id, { row: row.rowNumber, supplier: supplierName.toLowerCase() });
    }
    const existing = supplier && variant ? item.get(supplier.id, variant.id) : undefined;
    const onlySource = sources !== null && supplier !== undefined && variant !== undefined && sources.get(variant.id)?.size === 1;
    if (onlySource) values.preferred = 1;
    if (!existing) reader.require('cost', values.cost);
    const changes = existing ? diff(existing, values) : [];
    const outcome = outcomeOf(reader, existing !== undefined, changes);
    const shown = existing ? changes : Object.entries(values).flatMap(([field, value]) => (value !== undefined && value !== null ? [{ field, before: null, after: value }] : []));
    rows.push({ row: row.rowNumber, outcome, key: `${supplierName} / ${sku}`, label: variant?.title ?? '', changes: shown, issues: reader.issues });
    if (onlySource && (outcome === 'create' || (outcome === 'update' && existing?.preferred === 0))) madePreferred += 1;
    if ((outcome === 'create' || outcome === 'update') && supplier && variant) writes.push({ supplierId: supplier.id, variantId: variant.id, existing, values, changes });
  }
  return { rows, writes, notices: madePreferred > 0 ? [notice('preferredOnlySupplier', { count: madePreferred })] : [] };
}

/** yes -> 1, no -> 0; a cleared cell means "not preferred" (the column is NOT NULL). */
function preferredFlag(value: boolean | null | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value === true ? 1 : 0;
}

/** Marking a supplier item preferred clears the SKU's other preferred items, each recorded so undo restores it. */
function clearOtherPreferred(ctx: WriteContext, variantId: number, keepId: number): void {
  const others = ctx.db
    .prepare<[number, number], { id: number }>('SELECT id FROM supplier_items WHERE variant_id = ? AND id <> ? AND is_preferred = 1 ORDER BY id')
    .all(variantId, keepId);
  for (const other of others) {
    ctx.db.prepare('UPDATE supplier_items SET is_preferred = 0 WHERE id = ?').run(other.id);
    recordChanges(ctx, 'supplier_items', other.id, [{ field: 'preferred', before: 1, after: 0 }], columns);
  }
}

export const supplierItemsTarget: ImportTarget = {
  id: 'supplierItems',
  fields,
  needs: [],
  template: {
    fields: ['supplier', 'sku', 'supplierSku', 'cost', 'packSize', 'moq', 'leadTimeDays', 'preferred'],
    example: ['Hangzhou Textiles', 'LS-WHT-M', 'HZ-1001', '78.00', 10, 50, 21, 'yes'],
  },
  // A "Price" column is the supplier's cost only when no column says cost (a list may carry both).
  refineAssignments(headers, assignments) {
    if (assignments.includes('cost')) return assignments;
    const column = headers.findIndex((header, index) => assignments[index] === null && priceHeaders.has(normaliseHeader(header)));
    return column < 0 ? assignments : assignments.map((field, index) => (index === column ? 'cost' : field));
  },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      notices: planned.notices,
      *write(ctx: WriteContext) {
        const insert = ctx.db.prepare(
          `INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const write of planned.writes) {
          const v = write.values;
          let id: number;
          if (!write.existing) {
            if (v.preferred === 1) clearOtherPreferred(ctx, write.variantId, 0);
            id = Number(
              insert.run(write.supplierId, write.variantId, v.supplierSku ?? null, v.cost, v.packSize ?? 1, v.moq ?? 1, v.leadTimeDays ?? null, v.preferred ?? 0)
                .lastInsertRowid,
            );
            recordCreated(ctx, 'supplier_items', id);
          } else {
            id = write.existing.id;
            if (v.preferred === 1) clearOtherPreferred(ctx, write.variantId, id);
            const sets = write.changes.map((change) => `${columns[change.field] ?? ''} = ?`).join(', ');
            ctx.db.prepare(`UPDATE supplier_items SET ${sets} WHERE id = ?`).run(...write.changes.map((c) => c.after), id);
            recordChanges(ctx, 'supplier_items', id, write.changes, columns);
          }
          yield;
        }
      },
    };
  },
};

// Counts for an open stocktake from a spreadsheet: SKU or barcode, count, and
// optionally the bin — the same item on several rows (several bins) adds up.
// Counts go through the stocktake service (each count is compared with the
// level at count time); undo puts the previous counts back.
import type { Db } from '../../db/open.js';
import { createStocktakeService } from '../../inventory/stocktake-service.js';
import { AppError } from '../../shared/app-error.js';
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { parseInteger } from '../values.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { variantLookup } from './variant-lookup.js';

export const stocktakeCountEntity = 'stocktake_count';

const fields: FieldSpec[] = [
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['sku编码', '货号', '商家编码'] },
  { key: 'barcode', type: 'text', en: 'Barcode', zh: '条形码', synonyms: ['条码', 'ean', 'upc', 'gtin'] },
  { key: 'bin', type: 'text', en: 'Bin', zh: '库位', synonyms: ['bin name', 'shelf', '货位', '货架'] },
  { key: 'counted', type: 'integer', en: 'Counted', zh: '实盘数量', synonyms: ['count', 'qty', 'quantity', '数量', '盘点数量', '实盘数'], required: 'always' },
];

function plan(input: PlanInput) {
  const stocktakeId = input.options.stocktakeId ?? 0;
  const stocktake = input.db.prepare<[number], { number: string; status: string }>('SELECT number, status FROM stocktakes WHERE id = ?').get(stocktakeId);
  const variants = variantLookup(input.db);
  const countedNow = input.db.prepare<[number, number], { counted: number | null }>('SELECT counted FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?');
  const totals = new Map<number, { before: number | null; total: number }>();
  const rows: RowPlan[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    if (!stocktake || stocktake.status !== 'counting') reader.issue(null, 'stocktakeNotCounting', { value: stocktake?.number ?? String(stocktakeId) });
    const sku = reader.raw('sku');
    const barcode = reader.raw('barcode');
    const variant = sku !== '' ? variants.bySku(sku) : barcode !== '' ? variants.byBarcode(barcode) : undefined;
    if (sku === '' && barcode === '') reader.require('sku', sku);
    else if (!variant) reader.issue(sku !== '' ? 'sku' : 'barcode', 'unknownSku', { value: sku || barcode });
    const counted = reader.read('counted', (cell) => parseInteger(cell, input.decimalComma, { min: 0 }));
    const key = sku || barcode;
    // A row without a count is "not counted yet": it leaves the line as it is.
    if (counted === undefined || counted === null || !variant || reader.issues.length > 0) {
      const outcome = reader.issues.length > 0 ? 'error' : 'unchanged';
      rows.push({ row: row.rowNumber, outcome, key, label: variant?.title ?? '', changes: [], issues: reader.issues });
      continue;
    }
    const sum = totals.get(variant.id) ?? { before: countedNow.get(stocktakeId, variant.id)?.counted ?? null, total: 0 };
    sum.total += counted;
    totals.set(variant.id, sum);
    const bin = reader.raw('bin');
    rows.push({ row: row.rowNumber, outcome: 'update', key, label: `${variant.title}${bin ? ` (${bin})` : ''}`, changes: [{ field: 'counted', before: sum.before, after: sum.total }], issues: [] });
  }
  // Rows whose total equals the count already entered change nothing.
  for (const planned of rows) {
    const change = planned.changes[0];
    if (planned.outcome === 'update' && change && change.before === change.after) planned.outcome = 'unchanged';
  }
  return { rows, totals, stocktakeId };
}

export const stocktakeCountsTarget: ImportTarget = {
  id: 'stocktakeCounts',
  fields,
  needs: ['stocktakeId'],
  template: { fields: ['bin', 'sku', 'counted'], example: ['A-01', 'LS-WHT-M', 12] },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const service = createStocktakeService(ctx.db, ctx.clock);
        for (const [variantId, { before, total }] of planned.totals) {
          if (before === total) continue;
          service.count(planned.stocktakeId, [{ variantId, counted: total, mode: 'set' }]);
          ctx.history.addItem(ctx.changeSetId, { entity: stocktakeCountEntity, entityId: variantId, field: `stocktake:${planned.stocktakeId}`, before, after: total });
          yield;
        }
      },
    };
  },
};

/** Undo: the counts the import replaced come back (only while the stocktake is still counting). */
export function restoreStocktakeCounts(db: Db, changeSetId: number): number {
  const items = db
    .prepare<[number], { variantId: number; field: string; before: string | null }>(
      `SELECT entity_id AS variantId, field, before_value AS before FROM change_set_items WHERE change_set_id = ? AND entity = '${stocktakeCountEntity}'`,
    )
    .all(changeSetId);
  const status = db.prepare<[number], { number: string; status: string }>('SELECT number, status FROM stocktakes WHERE id = ?');
  const restore = db.prepare(
    `UPDATE stocktake_lines SET counted = @counted,
       on_hand_at_count = CASE WHEN @counted IS NULL THEN NULL ELSE on_hand_at_count END,
       counted_at = CASE WHEN @counted IS NULL THEN NULL ELSE counted_at END
     WHERE stocktake_id = @stocktakeId AND variant_id = @variantId`,
  );
  for (const item of items) {
    const stocktakeId = Number(item.field.slice('stocktake:'.length));
    const stocktake = status.get(stocktakeId);
    if (stocktake?.status !== 'counting') {
      throw new AppError('CONFLICT', `Stocktake ${stocktake?.number ?? stocktakeId} is no longer counting; the counts imported into it cannot be undone.`, {
        key: 'stocktakeState',
        params: { number: stocktake?.number ?? String(stocktakeId), status: stocktake?.status ?? 'missing', action: 'undone' },
      });
    }
    restore.run({ counted: item.before === null ? null : Number(item.before), stocktakeId, variantId: item.variantId });
  }
  return items.length;
}

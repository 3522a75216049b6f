// Counts for an open stocktake from a spreadsheet: SKU or barcode, count, and
// optionally the bin — the same item on several rows (several bins) adds up.
// Counts go through the stocktake service (each count is compared with the
// level at count time); undo puts the previous counts back.
import type { Db } from '../../db/open.js';
import { createStocktakeService } from '../../inventory/stocktake-service.js';
import { AppError } from '../../shared/app-error.js';
import type { ChangeValue } from '../../history/contract.js';
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
  const stocktake = input.db.prepare<[number], { number: string; status: string; scope: string }>('SELECT number, status, scope FROM stocktakes WHERE id = ?').get(stocktakeId);
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
    // A partial count (one category or bin) takes only its own items; the service would refuse the whole file.
    else if (stocktake && stocktake.scope !== 'all' && !countedNow.get(stocktakeId, variant.id)) {
      reader.issue(sku !== '' ? 'sku' : 'barcode', 'notInStocktake', { value: sku || barcode, stocktake: stocktake.number });
    }
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
        const lineNow = ctx.db.prepare<[number, number], StoredLine>(
          'SELECT counted, on_hand_at_count AS onHandAtCount, counted_at AS countedAt FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?',
        );
        const field = `stocktake:${planned.stocktakeId}`;
        for (const [variantId, { total }] of planned.totals) {
          const line = lineNow.get(planned.stocktakeId, variantId);
          const before = line?.counted ?? null;
          if (before === total) continue;
          service.count(planned.stocktakeId, [{ variantId, counted: total, mode: 'set' }]);
          const after = lineNow.get(planned.stocktakeId, variantId);
          const item = (suffix: string, from: ChangeValue, to: ChangeValue) =>
            ctx.history.addItem(ctx.changeSetId, { entity: stocktakeCountEntity, entityId: variantId, field: `${field}${suffix}`, before: from, after: to });
          item('', before, total);
          // A count re-anchors the line to the level at count time; undo puts the earlier anchor back,
          // so the variance the earlier count measured is the one posted.
          if (line && line.counted !== null) {
            item(':on_hand_at_count', line.onHandAtCount, after?.onHandAtCount ?? null);
            item(':counted_at', line.countedAt, after?.countedAt ?? null);
          }
          // A full count takes in items it did not list; undo removes such lines again.
          if (!line) item(':line', false, true);
          yield;
        }
      },
    };
  },
};

interface StoredLine {
  counted: number | null;
  onHandAtCount: number | null;
  countedAt: string | null;
}

/** Undo: the counts (and their anchors) the import replaced come back, only while the stocktake is still counting. */
export function restoreStocktakeCounts(db: Db, changeSetId: number): number {
  const items = db
    .prepare<[number], { variantId: number; field: string; before: string | null }>(
      `SELECT entity_id AS variantId, field, before_value AS before FROM change_set_items
       WHERE change_set_id = ? AND entity = '${stocktakeCountEntity}' ORDER BY id`,
    )
    .all(changeSetId);
  // Per stocktake line, the values it had before the import.
  const lines = new Map<string, { stocktakeId: number; variantId: number; counted: number | null; onHandAtCount: number | null; countedAt: string | null; created: boolean }>();
  for (const item of items) {
    const [, id = '0', part = 'counted'] = item.field.split(':');
    const key = `${id}:${item.variantId}`;
    const line = lines.get(key) ?? { stocktakeId: Number(id), variantId: item.variantId, counted: null, onHandAtCount: null, countedAt: null, created: false };
    const before: unknown = item.before === null ? null : JSON.parse(item.before);
    if (part === 'counted') line.counted = typeof before === 'number' ? before : null;
    if (part === 'on_hand_at_count') line.onHandAtCount = typeof before === 'number' ? before : null;
    if (part === 'counted_at') line.countedAt = typeof before === 'string' ? before : null;
    if (part === 'line') line.created = true;
    lines.set(key, line);
  }
  const status = db.prepare<[number], { number: string; status: string }>('SELECT number, status FROM stocktakes WHERE id = ?');
  const remove = db.prepare('DELETE FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?');
  // Without a recorded anchor the line was uncounted: counted, anchor and time all go back to empty.
  const restore = db.prepare(
    `UPDATE stocktake_lines SET counted = @counted,
       on_hand_at_count = CASE WHEN @counted IS NULL THEN NULL ELSE COALESCE(@onHandAtCount, on_hand_at_count) END,
       counted_at = CASE WHEN @counted IS NULL THEN NULL ELSE COALESCE(@countedAt, counted_at) END
     WHERE stocktake_id = @stocktakeId AND variant_id = @variantId`,
  );
  for (const line of lines.values()) {
    const stocktake = status.get(line.stocktakeId);
    if (stocktake?.status !== 'counting') {
      throw new AppError('CONFLICT', `Stocktake ${stocktake?.number ?? line.stocktakeId} is no longer counting; the counts imported into it cannot be undone.`, {
        key: 'stocktakeState',
        params: { number: stocktake?.number ?? String(line.stocktakeId), status: stocktake?.status ?? 'missing', action: 'undone' },
      });
    }
    if (line.created) remove.run(line.stocktakeId, line.variantId);
    else restore.run({ counted: line.counted, onHandAtCount: line.onHandAtCount, countedAt: line.countedAt, stocktakeId: line.stocktakeId, variantId: line.variantId });
  }
  return lines.size;
}

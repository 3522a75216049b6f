// On-hand quantities per SKU and location — Shopdesk's sheet, Chinese
// warehouse sheets, or Shopify's inventory CSV ("On hand (new)", with "Not
// stocked" meaning leave it alone). Every on-hand change is a ledger movement
// (the ledger is the only way stock changes), recorded so undo reverses it.
// An optional safety-stock column sets the per-location threshold below which
// stock counts as low (stock_levels.safety_stock, a setting, not stock).
import { createLedger } from '../../inventory/ledger.js';
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { parseInteger } from '../values.js';
import { FirstSeen, type Change } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { locationLookup, variantLookup } from './variant-lookup.js';

/** change_set_items of a stock import: entity `stock`, the variant, field `location:<id>`, before/after on hand. */
export const stockEntity = 'stock';
/** Safety stock an import set: entity `stock_safety`, the variant, field `location:<id>`, before/after. */
export const safetyStockEntity = 'stock_safety';

const fields: FieldSpec[] = [
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['variant sku', 'sku编码', '货号', '商家编码'] },
  { key: 'barcode', type: 'text', en: 'Barcode', zh: '条形码', synonyms: ['条码', 'ean', 'upc', 'gtin'] },
  { key: 'location', type: 'text', en: 'Location', zh: '仓库', synonyms: ['warehouse', 'store', '库位', '仓库名称', '门店'] },
  {
    key: 'onHand',
    type: 'integer',
    en: 'On hand',
    zh: '库存数量',
    // Shopify: "On hand (new)" is the value to set; "On hand (current)" is only what it was and stays unmapped.
    synonyms: ['on hand (new)', 'quantity', 'qty', 'stock', 'inventory', 'inventory quantity', '库存', '现有库存', '数量', '在库数量'],
    required: 'always',
  },
  // 库存预警 in a per-warehouse sheet is the level at which that warehouse's stock is low.
  { key: 'safetyStock', type: 'integer', en: 'Safety stock', zh: '安全库存', synonyms: ['safety', 'low stock at', 'low stock threshold', '库存预警', '预警库存', '安全库存量'] },
];

interface StockWrite {
  variantId: number;
  locationId: number;
  /** Undefined: the on hand stays (only safety stock changes). */
  onHand: number | undefined;
  /** Undefined: keep; null: clear. */
  safetyStock: number | null | undefined;
}

interface StoredLevel {
  onHand: number;
  safetyStock: number | null;
}

function plan(input: PlanInput) {
  const variants = variantLookup(input.db);
  const locations = locationLookup(input.db);
  const level = input.db.prepare<[number, number], StoredLevel>(
    'SELECT on_hand AS onHand, safety_stock AS safetyStock FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  const chosen = input.options.locationId === undefined ? undefined : locations.byId(input.options.locationId);
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: StockWrite[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: input.options.blankClears, decimalComma: input.decimalComma });
    const sku = reader.raw('sku');
    const barcode = reader.raw('barcode');
    const key = sku || barcode;
    // Shopify's inventory export says "Not stocked" where the item has no level there: nothing to change,
    // so a location or SKU Shopdesk does not know is no error on such a row either.
    if (/^not stocked$/i.test(reader.raw('onHand'))) {
      rows.push({ row: row.rowNumber, outcome: 'unchanged', key, label: key, changes: [], issues: [] });
      continue;
    }
    const variant = sku !== '' ? variants.bySku(sku) : barcode !== '' ? variants.byBarcode(barcode) : undefined;
    if (sku === '' && barcode === '') reader.require('sku', sku);
    else if (!variant) reader.issue(sku !== '' ? 'sku' : 'barcode', 'unknownSku', { value: key });
    const locationText = reader.raw('location');
    const location = locationText !== '' ? locations.byName(locationText) : chosen;
    if (locationText !== '' && !location) reader.issue('location', 'unknownLocation', { value: locationText });
    if (locationText === '' && !location) reader.issue('location', 'optionNeeded', { option: 'locationId' });
    const label = `${variant?.title ?? key}${location ? ` @ ${location.name}` : ''}`;
    // On hand is a count: blank never means "clear", it means the cell is missing a number.
    const onHand = reader.read('onHand', (cell) => parseInteger(cell, input.decimalComma, { min: 0 }));
    reader.require('onHand', onHand);
    const safetyStock = reader.read('safetyStock', (cell) => parseInteger(cell, input.decimalComma, { min: 0 }));
    if (variant && location) seen.check(reader, sku !== '' ? 'sku' : 'barcode', `${variant.sku} @ ${location.name}`);
    if (reader.issues.length > 0 || !variant || !location || typeof onHand !== 'number') {
      rows.push({ row: row.rowNumber, outcome: 'error', key, label, changes: [], issues: reader.issues });
      continue;
    }
    const stored = level.get(variant.id, location.id) ?? { onHand: 0, safetyStock: null };
    const changes: Change[] = [];
    if (stored.onHand !== onHand) changes.push({ field: 'onHand', before: stored.onHand, after: onHand });
    if (safetyStock !== undefined && safetyStock !== stored.safetyStock) changes.push({ field: 'safetyStock', before: stored.safetyStock, after: safetyStock });
    rows.push({ row: row.rowNumber, outcome: changes.length > 0 ? 'update' : 'unchanged', key, label, changes, issues: [] });
    if (changes.length > 0) {
      writes.push({
        variantId: variant.id,
        locationId: location.id,
        onHand: stored.onHand !== onHand ? onHand : undefined,
        safetyStock: safetyStock !== stored.safetyStock ? safetyStock : undefined,
      });
    }
  }
  return { rows, writes };
}

export const stockLevelsTarget: ImportTarget = {
  id: 'stockLevels',
  fields,
  needs: [],
  template: { fields: ['sku', 'location', 'onHand', 'safetyStock'], example: ['LS-WHT-M', 'Main warehouse', 12, 3] },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const ledger = createLedger(ctx.db);
        const at = ctx.clock.now().toISOString();
        const current = ctx.db.prepare<[number, number], StoredLevel>(
          'SELECT on_hand AS onHand, safety_stock AS safetyStock FROM stock_levels WHERE variant_id = ? AND location_id = ?',
        );
        const setSafety = ctx.db.prepare(
          `INSERT INTO stock_levels (variant_id, location_id, on_hand, safety_stock, updated_at) VALUES (?, ?, 0, ?, ?)
           ON CONFLICT (variant_id, location_id) DO UPDATE SET safety_stock = excluded.safety_stock, updated_at = excluded.updated_at`,
        );
        for (const write of planned.writes) {
          // The level as it is now (the plan may be a moment old): the movement brings it to the file's number.
          const now = current.get(write.variantId, write.locationId) ?? { onHand: 0, safetyStock: null };
          const field = `location:${write.locationId}`;
          if (write.onHand !== undefined && now.onHand !== write.onHand) {
            ledger.post(
              [
                {
                  variantId: write.variantId,
                  locationId: write.locationId,
                  delta: write.onHand - now.onHand,
                  // A correction (the built-in "either way" reason), marked as this import by ref_type/ref_id.
                  reason: 'adjustment',
                  reasonCode: 'correction',
                  note: 'Spreadsheet import',
                  refType: 'import',
                  refId: String(ctx.changeSetId),
                  actor: ctx.actor,
                  occurredAt: at,
                  changeSetId: ctx.changeSetId,
                },
              ],
              { forbidNegative: false },
            );
            ctx.history.addItem(ctx.changeSetId, { entity: stockEntity, entityId: write.variantId, field, before: now.onHand, after: write.onHand });
          }
          if (write.safetyStock !== undefined && now.safetyStock !== write.safetyStock) {
            setSafety.run(write.variantId, write.locationId, write.safetyStock, at);
            ctx.history.addItem(ctx.changeSetId, { entity: safetyStockEntity, entityId: write.variantId, field, before: now.safetyStock, after: write.safetyStock });
          }
          yield;
        }
      },
    };
  },
};

// On-hand quantities per SKU and location — Shopdesk's sheet, Chinese
// warehouse sheets, or Shopify's inventory CSV ("On hand (new)", with "Not
// stocked" meaning leave it alone). Every change is a ledger movement (the
// ledger is the only way stock changes), recorded so undo reverses it.
import { createLedger } from '../../inventory/ledger.js';
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { cellText, parseInteger } from '../values.js';
import { FirstSeen } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { locationLookup, variantLookup } from './variant-lookup.js';

/** change_set_items of a stock import: entity `stock`, the variant, field `location:<id>`. */
export const stockEntity = 'stock';

const fields: FieldSpec[] = [
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['variant sku', 'sku编码', '货号', '商家编码'] },
  { key: 'barcode', type: 'text', en: 'Barcode', zh: '条形码', synonyms: ['条码', 'ean', 'upc', 'gtin'] },
  { key: 'location', type: 'text', en: 'Location', zh: '仓库', synonyms: ['warehouse', 'store', '库位', '仓库名称', '门店'] },
  {
    key: 'onHand',
    type: 'integer',
    en: 'On hand',
    zh: '库存数量',
    synonyms: ['on hand (new)', 'quantity', 'qty', 'stock', 'inventory', 'inventory quantity', '库存', '现有库存', '数量', '在库数量'],
    required: 'always',
  },
];

interface StockWrite {
  variantId: number;
  locationId: number;
  before: number;
  after: number;
}

function plan(input: PlanInput) {
  const variants = variantLookup(input.db);
  const locations = locationLookup(input.db);
  const level = input.db.prepare<[number, number], { onHand: number }>('SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?');
  const chosen = input.options.locationId === undefined ? undefined : locations.byId(input.options.locationId);
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: StockWrite[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    const sku = reader.raw('sku');
    const barcode = reader.raw('barcode');
    const variant = sku !== '' ? variants.bySku(sku) : barcode !== '' ? variants.byBarcode(barcode) : undefined;
    if (sku === '' && barcode === '') reader.require('sku', sku);
    else if (!variant) reader.issue(sku !== '' ? 'sku' : 'barcode', 'unknownSku', { value: sku || barcode });
    const locationText = reader.raw('location');
    const location = locationText !== '' ? locations.byName(locationText) : chosen;
    if (locationText !== '' && !location) reader.issue('location', 'unknownLocation', { value: locationText });
    if (locationText === '' && !location) reader.issue('location', 'optionNeeded', { option: 'locationId' });
    const key = `${sku || barcode}`;
    const label = `${variant?.title ?? ''}${location ? ` @ ${location.name}` : ''}`;
    // Shopify's inventory export says "Not stocked" where the item has no level: nothing to change.
    const quantityText = cellText(input.mapping.column('onHand') === undefined ? null : (row.cells[input.mapping.column('onHand') ?? 0] ?? null));
    if (/^not stocked$/i.test(quantityText)) {
      // The row asks for nothing, so a location or SKU Shopdesk does not know is no error here.
      rows.push({ row: row.rowNumber, outcome: 'unchanged', key, label, changes: [], issues: [] });
      continue;
    }
    const onHand = reader.read('onHand', (cell) => parseInteger(cell, input.decimalComma, { min: 0 }));
    reader.require('onHand', onHand);
    if (variant && location) seen.check(reader, 'sku', `${variant.id}@${location.id}`);
    if (reader.issues.length > 0 || !variant || !location || typeof onHand !== 'number') {
      rows.push({ row: row.rowNumber, outcome: 'error', key, label, changes: [], issues: reader.issues });
      continue;
    }
    const before = level.get(variant.id, location.id)?.onHand ?? 0;
    if (before === onHand) {
      rows.push({ row: row.rowNumber, outcome: 'unchanged', key, label, changes: [], issues: [] });
      continue;
    }
    rows.push({ row: row.rowNumber, outcome: 'update', key, label, changes: [{ field: 'onHand', before, after: onHand }], issues: [] });
    writes.push({ variantId: variant.id, locationId: location.id, before, after: onHand });
  }
  return { rows, writes };
}

export const stockLevelsTarget: ImportTarget = {
  id: 'stockLevels',
  fields,
  needs: [],
  template: { fields: ['sku', 'location', 'onHand'], example: ['LS-WHT-M', 'Main warehouse', 12] },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const ledger = createLedger(ctx.db);
        const at = ctx.clock.now().toISOString();
        for (const write of planned.writes) {
          // The level as it is now (the plan may be a moment old): the movement brings it to the file's number.
          const current = (ctx.db.prepare('SELECT on_hand AS n FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(write.variantId, write.locationId) as { n: number } | undefined)?.n ?? 0;
          if (current !== write.after) {
            ledger.post([
              { variantId: write.variantId, locationId: write.locationId, delta: write.after - current, reason: 'adjustment', reasonCode: 'correction', note: 'Spreadsheet import', refType: 'import', refId: String(ctx.changeSetId), actor: ctx.actor, occurredAt: at, changeSetId: ctx.changeSetId },
            ], { forbidNegative: false });
            ctx.history.addItem(ctx.changeSetId, { entity: stockEntity, entityId: write.variantId, field: `location:${write.locationId}`, before: current, after: write.after });
          }
          yield;
        }
      },
    };
  },
};

// On-hand quantities per SKU and location — Shopdesk's sheet, Chinese
// warehouse sheets, or Shopify's inventory CSV ("On hand (new)", with "Not
// stocked" meaning leave it alone). Every on-hand change is a ledger movement
// (stock-write.ts: the ledger is the only way stock changes), recorded so undo
// reverses it. A location the file names that the shop lacks is created on
// apply (a preview notice says so); oversold (negative) stock arrives as it is,
// noted on its row. Where the file tells on hand from available (Shopify:
// Available = On hand − Committed − Unavailable), the difference stays
// committed (stock_levels.carried_committed), so nothing promised elsewhere is
// sold twice. An optional safety-stock column sets the per-location threshold
// below which stock counts as low (stock_levels.safety_stock, a setting).
import type { ImportNotice, RowPlan } from '../contract.js';
import { notice } from '../issue-messages.js';
import { RowReader } from '../row-reader.js';
import { parseInteger } from '../values.js';
import { locationCreator, type PlannedLocation } from './import-locations.js';
import { FirstSeen, type Change } from './plan-helpers.js';
import { levelReader, locationField, notStocked, readQuantity, stockDateField, stockDating, stockLocations } from './stock-read.js';
import { createStockWriter, levelField } from './stock-write.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { variantLookup } from './variant-lookup.js';

/** Safety stock an import set: entity `stock_safety`, the variant, field `location:<id>`, before/after. */
export const safetyStockEntity = 'stock_safety';

const notEditable = (name: string) => [name, `${name} (not editable)`];

const fields: FieldSpec[] = [
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['variant sku', 'sku编码', '货号', '商家编码'] },
  { key: 'barcode', type: 'text', en: 'Barcode', zh: '条形码', synonyms: ['条码', 'ean', 'upc', 'gtin'] },
  { ...locationField, synonyms: [...locationField.synonyms, '库位'] },
  {
    key: 'onHand',
    type: 'integer',
    en: 'On hand',
    zh: '库存数量',
    // Shopify: "On hand (new)" is the value to set; "On hand (current)" is what it was.
    synonyms: ['on hand (new)', 'quantity', 'qty', 'stock', 'inventory', 'inventory quantity', '库存', '现有库存', '实际库存', '数量', '在库数量'],
    required: 'always',
  },
  { key: 'onHandCurrent', type: 'integer', en: 'On hand (current)', zh: '原库存数量', synonyms: [] },
  // What is promised or set aside (Shopify's quantity states); only read to keep it committed.
  { key: 'available', type: 'integer', en: 'Available', zh: '可用库存', synonyms: [...notEditable('available'), 'available (current)', '可售库存', '可用数量'] },
  { key: 'committed', type: 'integer', en: 'Committed', zh: '已占用库存', synonyms: [...notEditable('committed'), '占用库存', '锁定库存', '已占用'] },
  { key: 'unavailable', type: 'integer', en: 'Unavailable', zh: '不可用库存', synonyms: [...notEditable('unavailable'), '不可用'] },
  // 库存预警 in a per-warehouse sheet is the level at which that warehouse's stock is low.
  { key: 'safetyStock', type: 'integer', en: 'Safety stock', zh: '安全库存', synonyms: ['safety', 'low stock at', 'low stock threshold', '库存预警', '预警库存', '安全库存量'] },
  { key: 'unitCost', type: 'money', en: 'Unit cost', zh: '成本价', synonyms: ['cost', 'cost per item', '单位成本', '进价', '成本', '采购价'] },
  stockDateField,
];

interface PlannedWrite {
  variantId: number;
  location: PlannedLocation;
  /** Undefined: the on hand stays (only safety stock changes). */
  onHand: number | undefined;
  /** Committed units carried over; undefined: keep. */
  carried: number | undefined;
  /** Undefined: keep; null: clear. */
  safetyStock: number | null | undefined;
  unitCost: number | null;
  occurredAt: string;
}

/**
 * Units the row says are not available: Committed + Unavailable when the file has those
 * columns, else (On hand − Available); undefined when the file tells nothing about it.
 */
function notAvailableOf(reader: RowReader, onHand: number, decimalComma: boolean): number | undefined {
  const count = (field: string, min?: number) =>
    notStocked.test(reader.raw(field)) ? undefined : reader.read(field, (cell) => parseInteger(cell, decimalComma, min === undefined ? {} : { min }));
  if (reader.has('committed') || reader.has('unavailable')) return (count('committed', 0) ?? 0) + (count('unavailable', 0) ?? 0);
  const available = reader.has('available') ? count('available') : undefined;
  if (typeof available !== 'number') return undefined;
  const current = count('onHandCurrent');
  const basis = typeof current === 'number' ? current : onHand;
  if (basis - available < 0) {
    reader.issue('available', 'availableAboveOnHand', { value: available, onHand: basis });
    return undefined;
  }
  return basis - available;
}

function plan(input: PlanInput) {
  const variants = variantLookup(input.db);
  const locations = stockLocations(input);
  const dating = stockDating(input);
  const levelOf = levelReader(input.db);
  const safetyOf = input.db.prepare<[number, number], { safetyStock: number | null }>(
    'SELECT safety_stock AS safetyStock FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: PlannedWrite[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: input.options.blankClears, decimalComma: input.decimalComma });
    const sku = reader.raw('sku');
    const barcode = reader.raw('barcode');
    const key = sku || barcode;
    // Shopify's inventory export says "Not stocked" where the item has no level there: nothing to change,
    // so a location or SKU Shopdesk does not know is no error on such a row either.
    if (notStocked.test(reader.raw('onHand'))) {
      rows.push({ row: row.rowNumber, outcome: 'unchanged', key, label: key, changes: [], issues: [] });
      continue;
    }
    const notes: ImportNotice[] = [];
    const variant = sku !== '' ? variants.bySku(sku) : barcode !== '' ? variants.byBarcode(barcode) : undefined;
    if (sku === '' && barcode === '') reader.require('sku', sku);
    else if (!variant) reader.issue(sku !== '' ? 'sku' : 'barcode', 'unknownSku', { value: key });
    const location = locations.forRow(reader, false);
    if (!location) reader.issue('location', 'optionNeeded', { option: 'locationId' });
    const label = `${variant?.title ?? key}${location ? ` @ ${location.name}` : ''}`;
    // On hand is a count: blank never means "clear", it means the cell is missing a number.
    const onHand = readQuantity(reader, 'onHand', input.decimalComma, notes);
    reader.require('onHand', onHand);
    const carried = typeof onHand === 'number' ? notAvailableOf(reader, onHand, input.decimalComma) : undefined;
    const safetyStock = reader.read('safetyStock', (cell) => parseInteger(cell, input.decimalComma, { min: 0 }));
    const unitCost = reader.money('unitCost');
    const occurredAt = dating.occurredAt(reader);
    if (variant && location) seen.check(reader, sku !== '' ? 'sku' : 'barcode', `${variant.sku} @ ${location.name}`);
    if (variant && location && occurredAt !== undefined) dating.checkLater(reader, variant.id, location, occurredAt, variant.sku);
    const withNotes = notes.length > 0 ? { notes } : {};
    if (reader.issues.length > 0 || !variant || !location || typeof onHand !== 'number' || occurredAt === undefined) {
      rows.push({ row: row.rowNumber, outcome: 'error', key, label, changes: [], issues: reader.issues, ...withNotes });
      continue;
    }
    const stored = levelOf(variant.id, location);
    const storedSafety = location.id === null ? null : (safetyOf.get(variant.id, location.id)?.safetyStock ?? null);
    const changes: Change[] = [];
    // No level there yet (not even 0): a count of 0 opens one.
    const onHandChanges = !stored || stored.onHand !== onHand;
    if (onHandChanges) changes.push({ field: 'onHand', before: stored ? stored.onHand : null, after: onHand });
    const carriedChanges = carried !== undefined && carried !== (stored?.carried ?? 0);
    if (carriedChanges) changes.push({ field: 'committed', before: stored?.carried ?? 0, after: carried });
    const safetyChanges = safetyStock !== undefined && safetyStock !== storedSafety;
    if (safetyChanges) changes.push({ field: 'safetyStock', before: storedSafety, after: safetyStock });
    rows.push({ row: row.rowNumber, outcome: changes.length > 0 ? 'update' : 'unchanged', key, label, changes, issues: [], ...withNotes });
    if (changes.length > 0) {
      writes.push({
        variantId: variant.id,
        location,
        onHand: onHandChanges ? onHand : undefined,
        carried: carriedChanges ? carried : undefined,
        safetyStock: safetyChanges ? safetyStock : undefined,
        unitCost: typeof unitCost === 'number' ? unitCost : variant.cost,
        occurredAt,
      });
    }
  }
  const notices = locations.planned.notices(writes.map((write) => write.location));
  const carriedUnits = writes.reduce((sum, write) => sum + (write.carried ?? 0), 0);
  if (carriedUnits > 0) notices.push(notice('carriedCommitted', { units: carriedUnits }));
  if (dating.chosen !== undefined && writes.some((write) => write.onHand !== undefined)) notices.push(notice('stockDated', { date: dating.chosen }));
  return { rows, writes, notices };
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
      notices: planned.notices,
      *write(ctx: WriteContext) {
        const writeStock = createStockWriter(ctx);
        const locationId = locationCreator(ctx);
        const at = ctx.clock.now().toISOString();
        const currentSafety = ctx.db.prepare<[number, number], { safetyStock: number | null }>(
          'SELECT safety_stock AS safetyStock FROM stock_levels WHERE variant_id = ? AND location_id = ?',
        );
        const setSafety = ctx.db.prepare(
          `INSERT INTO stock_levels (variant_id, location_id, on_hand, safety_stock, updated_at) VALUES (?, ?, 0, ?, ?)
           ON CONFLICT (variant_id, location_id) DO UPDATE SET safety_stock = excluded.safety_stock, updated_at = excluded.updated_at`,
        );
        for (const write of planned.writes) {
          const location = locationId(write.location);
          const { variantId } = write;
          if (write.onHand !== undefined || write.carried !== undefined) {
            writeStock({ variantId, locationId: location, onHand: write.onHand, carried: write.carried, unitCost: write.unitCost, occurredAt: write.occurredAt });
          }
          const before = currentSafety.get(variantId, location)?.safetyStock ?? null;
          if (write.safetyStock !== undefined && before !== write.safetyStock) {
            setSafety.run(variantId, location, write.safetyStock, at);
            ctx.history.addItem(ctx.changeSetId, { entity: safetyStockEntity, entityId: variantId, field: levelField(location), before, after: write.safetyStock });
          }
          yield;
        }
      },
    };
  },
};

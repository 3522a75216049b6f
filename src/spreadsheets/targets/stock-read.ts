// Reading stock from a file row, the same way in every target that carries
// stock (stock levels, products): the quantity (negative = oversold, imported
// as it is and noted; "Not stocked" = no level there at all), where it is (the
// row's location, else the one chosen above the preview, else a fallback), and
// when it was counted (the row's date, else the date chosen above the preview,
// else now) — a date's movements happen at its local midnight in the shop's
// time zone, and a date in the future is refused.
import type { Db } from '../../db/open.js';
import { localDateOf, localMidnightUtc } from '../../shared/local-time.js';
import type { ImportNotice } from '../contract.js';
import { notice } from '../issue-messages.js';
import type { RowReader } from '../row-reader.js';
import { parseDateTime, parseInteger } from '../values.js';
import { planLocations, type PlannedLocation } from './import-locations.js';
import { shopSettings } from './plan-helpers.js';
import type { FieldSpec, PlanInput } from './target.js';

/** Shopify's inventory export: the item has no level at this location (not the same as 0). */
export const notStocked = /^not stocked$/i;

/** Fields every stock-carrying target offers: where, and when the stock was counted. */
export const locationField: FieldSpec = {
  key: 'location',
  type: 'text',
  en: 'Location',
  zh: '仓库',
  synonyms: ['warehouse', 'inventory location', 'store', '仓库名称', '发货仓', '发货仓库', '门店', '库房'],
};
export const stockDateField: FieldSpec = {
  key: 'stockDate',
  type: 'date',
  en: 'Stock date',
  zh: '盘点日期',
  synonyms: ['date', 'snapshot date', 'stock as of', 'as of', 'as of date', 'inventory date', 'count date', '日期', '库存日期', '快照日期', '截止日期'],
};

/**
 * The quantity in a stock cell: a number (negative allowed: oversold, noted on the row),
 * null where the cell says there is no level (blank, "Not stocked"), undefined when the
 * cell could not be read (the reader holds the issue).
 */
export function readQuantity(reader: RowReader, field: string, decimalComma: boolean, notes: ImportNotice[]): number | null | undefined {
  const raw = reader.raw(field);
  if (raw === '' || notStocked.test(raw)) return null;
  const value = reader.read(field, (cell) => parseInteger(cell, decimalComma));
  if (typeof value !== 'number') return value === null ? null : undefined;
  if (value < 0) notes.push(notice('oversold', { quantity: value }));
  return value;
}

/** When each row's stock was counted, as the instant its movements are dated. */
export function stockDating(input: PlanInput) {
  const { timeZone } = shopSettings(input.db);
  const now = input.clock.now();
  const today = localDateOf(now, timeZone);
  const later = input.db.prepare<[number, number, string], { at: string }>(
    'SELECT occurred_at AS at FROM stock_movements WHERE variant_id = ? AND location_id = ? AND occurred_at > ? LIMIT 1',
  );
  const chosen = input.options.stockDate;
  const nowIso = now.toISOString();
  return {
    /** The date chosen above the preview, for the notice. */
    chosen,
    /** The instant the row's movements are dated; undefined (with an issue) for a date in the future. */
    occurredAt(reader: RowReader): string | undefined {
      const cell = reader.read('stockDate', parseDateTime);
      if (cell === undefined && reader.issues.some((issue) => issue.field === 'stockDate')) return undefined;
      const date = cell ? cell.date : chosen;
      if (date === undefined) return nowIso;
      if (date > today) {
        reader.issue('stockDate', 'futureStockDate', { value: date });
        return undefined;
      }
      return localMidnightUtc(date, timeZone).toISOString();
    },
    /**
     * A dated count cannot set a level the ledger already moved after that date (its
     * difference would be booked before movements it did not see): an issue on the row.
     */
    checkLater(reader: RowReader, variantId: number, location: PlannedLocation, occurredAt: string, sku: string): void {
      // Undated stock is counted now (nothing can come after it); a new location has no history.
      if (location.id === null || occurredAt === nowIso) return;
      const found = later.get(variantId, location.id, occurredAt);
      if (found) reader.issue('stockDate', 'movedAfterStockDate', { value: localDateOf(occurredAt, timeZone), sku, location: location.name, later: localDateOf(found.at, timeZone) });
    },
  };
}

/**
 * Where a row's stock is: the location the row names (created on apply when the shop does
 * not have it), else the one chosen above the preview, else — where the target allows —
 * the shop's first location (or a default one created in an empty shop).
 */
export function stockLocations(input: PlanInput) {
  const planned = planLocations(input.db);
  const chosen = input.options.locationId === undefined ? undefined : planned.known.byId(input.options.locationId);
  return {
    planned,
    /** Undefined: the row names none and there is nothing to fall back on. */
    forRow(reader: RowReader, fallback: boolean): PlannedLocation | undefined {
      const named = reader.raw('location');
      if (named !== '') return planned.byName(named);
      if (chosen) return chosen;
      return fallback || !planned.hasStocking ? planned.fallback() : undefined;
    },
    /** Whether rows without a location of their own go to the chosen location or the fallback. */
    chosen,
  };
}

export type StockLocations = ReturnType<typeof stockLocations>;

/** The shop's stored stock at a level (undefined: no level, or a location the import creates). */
export function levelReader(db: Db) {
  const level = db.prepare<[number, number], { onHand: number; carried: number }>(
    'SELECT on_hand AS onHand, carried_committed AS carried FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  return (variantId: number, location: PlannedLocation) => (location.id === null ? undefined : level.get(variantId, location.id));
}

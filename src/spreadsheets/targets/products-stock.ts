// The stock a product file carries: Shopify's Variant Inventory Qty (the
// default location's), WooCommerce's Stock (blank: not managed), Chinese
// sheets with one row per SKU and warehouse, and the Products export's On
// hand (the variant's total over all locations). Planned here (read-only),
// written after the products by products.ts through stock-write.ts, in the
// same transaction and change set.
import type { ImportNotice } from '../contract.js';
import { notice } from '../issue-messages.js';
import { locationCreator, locationKey, type PlannedLocation } from './import-locations.js';
import type { ProductRowRead } from './products-rows.js';
import { levelReader, readQuantity, stockDating, stockLocations } from './stock-read.js';
import { createStockWriter } from './stock-write.js';
import type { PlanInput, WriteContext } from './target.js';

export interface RowStock {
  location: PlannedLocation;
  /** Whether the row named its location (otherwise: the chosen one, or the shop's first). */
  named: boolean;
  /** The on hand to set there. */
  onHand: number;
  /** The stored level there (null: no level yet). */
  before: number | null;
  occurredAt: string;
  unitCost: number | null;
}

export function planProductStock(reads: readonly ProductRowRead[], input: PlanInput) {
  const of = new Map<ProductRowRead, RowStock>();
  const notes = new Map<ProductRowRead, ImportNotice[]>();
  const locations = stockLocations(input);
  const dating = stockDating(input);
  const levelOf = levelReader(input.db);
  const totalOf = input.db.prepare<[number], { total: number }>('SELECT on_hand_total AS total FROM variants WHERE id = ?');
  const shelvesOf = input.db.prepare<[number], { id: number; name: string }>(
    "SELECT l.id, l.name FROM stock_levels sl JOIN locations l ON l.id = sl.location_id WHERE sl.variant_id = ? AND l.kind <> 'transit'",
  );
  // The Products export (it carries Variant ID, and no location) holds each variant's total.
  const totals = input.mapping.has('variantId') && !input.mapping.has('location');

  for (const read of reads) {
    const { reader } = read;
    if (!read.hasVariant || !reader.has('stock')) continue;
    const rowNotes: ImportNotice[] = [];
    notes.set(read, rowNotes);
    const untracked = reader.has('inventoryTracker') && reader.raw('inventoryTracker') === '';
    if (untracked || (read.woo !== null && reader.raw('stock') === '')) {
      rowNotes.push(notice('stockNotManaged'));
      continue;
    }
    const quantity = readQuantity(reader, 'stock', input.decimalComma, rowNotes);
    if (typeof quantity !== 'number') continue;
    const variant = read.existing;
    let location = locations.forRow(reader, true) ?? locations.planned.fallback();
    let onHand = quantity;
    if (totals && variant) {
      const total = totalOf.get(variant.id)?.total ?? 0;
      if (quantity === total) continue;
      // A changed total goes where the variant's stock is, when that is one place.
      const shelves = shelvesOf.all(variant.id);
      const only = shelves.length === 1 ? shelves[0] : undefined;
      const target = locations.chosen ?? only ?? (shelves.length === 0 ? locations.planned.fallback() : undefined);
      if (!target) {
        reader.issue('stock', 'stockIsTotal', {});
        continue;
      }
      location = target;
      onHand = quantity - (total - (levelOf(variant.id, target)?.onHand ?? 0));
    }
    const occurredAt = dating.occurredAt(reader);
    if (occurredAt === undefined) continue;
    if (variant) dating.checkLater(reader, variant.id, location, occurredAt, variant.sku);
    of.set(read, {
      location,
      named: reader.raw('location') !== '',
      onHand,
      before: variant ? (levelOf(variant.id, location)?.onHand ?? null) : null,
      occurredAt,
      // The file's cost of the units, else the variant's cost as stored (valuation needs one).
      unitCost: typeof read.variant.cost === 'number' ? read.variant.cost : (variant?.cost ?? null),
    });
  }

  return {
    of,
    notes,
    /** What the preview says above the rows about the stock the written rows bring. */
    notices(written: (read: ProductRowRead) => boolean): ImportNotice[] {
      const used = [...of.entries()].filter(([read]) => written(read)).map(([, stock]) => stock);
      const result = locations.planned.notices(used.map((stock) => stock.location));
      // (A default location this import creates has its own notice.)
      const unnamed = used.find((stock) => !stock.named && stock.location.id !== null);
      if (unnamed) result.push(notice('stockLocation', { name: unnamed.location.name }));
      if (dating.chosen !== undefined && used.length > 0) result.push(notice('stockDated', { date: dating.chosen }));
      return result;
    },
  };
}

export type ProductStockPlan = ReturnType<typeof planProductStock>;

/** Values one variant has once: rows of the same SKU (one per warehouse) must agree on them. */
const sameVariantValues: readonly [string, (read: ProductRowRead) => unknown][] = [
  ['title', (read) => read.product.title],
  ['handle', (read) => read.product.handle],
  ['brand', (read) => read.product.brand],
  ['category', (read) => read.product.category],
  ['productStatus', (read) => read.product.status],
  ['option1Value', (read) => read.variant.options[0]],
  ['option2Value', (read) => read.variant.options[1]],
  ['option3Value', (read) => read.variant.options[2]],
  ['barcode', (read) => read.variant.barcode],
  ['price', (read) => read.variant.price],
  ['compareAtPrice', (read) => read.variant.compareAtPrice],
  ['cost', (read) => read.variant.cost],
  ['weightGrams', (read) => read.variant.weightGrams],
  ['variantStatus', (read) => read.variant.status],
];

/**
 * One SKU on several rows: stock of one variant at several locations when each row names
 * another location and the rows agree on the variant (blank = says nothing); a later row
 * then only brings stock (`variantRow`). The same SKU at the same location twice, or with
 * different values, is an error on the later row naming the first.
 */
export function linkSameSku(reads: readonly ProductRowRead[], stock: ProductStockPlan): void {
  const first = new Map<string, ProductRowRead>();
  const atLocation = new Map<string, number>();
  for (const read of reads) {
    const sku = read.reader.raw('sku');
    if (!read.hasVariant || sku === '') continue;
    const key = sku.toLowerCase();
    const here = stock.of.get(read);
    // This SKU at this location: it may appear once.
    const place = here ? `${key}\u0001${locationKey(here.location)}` : undefined;
    const head = first.get(key);
    if (!head) {
      first.set(key, read);
      if (place !== undefined) atLocation.set(place, read.reader.rowNumber);
      continue;
    }
    const other = place === undefined || !stock.of.has(head) ? head.reader.rowNumber : atLocation.get(place);
    // Either way the row is not another variant (an erroneous one is not written at all).
    read.variantRow = head;
    if (other !== undefined) {
      read.reader.issue('sku', 'duplicateInFile', { value: here ? `${sku} @ ${here.location.name}` : sku, otherRow: other });
      continue;
    }
    if (place !== undefined) atLocation.set(place, read.reader.rowNumber);
    for (const [field, value] of sameVariantValues) {
      const mine = value(read);
      const theirs = value(head);
      if (mine === undefined || theirs === undefined || mine === theirs) continue;
      read.reader.issue(field, 'differsFromRow', { sku, otherRow: head.reader.rowNumber, value: rawOf(read, field), other: rawOf(head, field) });
    }
  }
}

/** A field's cell as written, for messages (prices may come from WooCommerce's regular/sale columns). */
function rawOf(read: ProductRowRead, field: string): string {
  const raw = read.reader.raw(field);
  if (raw !== '' || field !== 'price') return raw;
  return read.reader.raw('salePrice') || read.reader.raw('regularPrice');
}

/** A stock-only row whose variant row has an error is not written either: say why. */
export function followVariantRows(reads: readonly ProductRowRead[]): void {
  for (const read of reads) {
    const head = read.variantRow;
    if (head && head.reader.issues.length > 0 && read.reader.issues.length === 0) {
      read.reader.issue(null, 'groupHasErrors', { otherRow: head.reader.rowNumber });
    }
  }
}

/** Writes the planned stock of the written rows, after their variants exist (`ids`); one unit per level. */
export function* writeProductStock(
  ctx: WriteContext,
  stock: ProductStockPlan,
  written: (read: ProductRowRead) => boolean,
  ids: ReadonlyMap<ProductRowRead, number>,
): Generator<void, void, void> {
  const write = createStockWriter(ctx);
  const locationId = locationCreator(ctx);
  for (const [read, planned] of stock.of) {
    const variantId = ids.get(read.variantRow ?? read);
    if (variantId === undefined || !written(read)) continue;
    write({ variantId, locationId: locationId(planned.location), onHand: planned.onHand, unitCost: planned.unitCost, occurredAt: planned.occurredAt });
    yield;
  }
}

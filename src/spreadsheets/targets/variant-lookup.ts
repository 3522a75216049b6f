// Finding variants and locations named in a file: variants by SKU (or
// barcode), locations by name or code, both case-insensitive, each read once
// per plan.
import type { Db } from '../../db/open.js';

export interface KnownVariant {
  id: number;
  sku: string;
  title: string;
  cost: number | null;
}

export function variantLookup(db: Db) {
  const rows = db
    .prepare<[], KnownVariant & { barcode: string | null }>(
      `SELECT v.id, v.sku, v.barcode, v.cost, p.title || CASE WHEN v.option1 IS NULL THEN '' ELSE ' / ' || v.option1 END AS title
       FROM variants v JOIN products p ON p.id = v.product_id`,
    )
    .all();
  const bySku = new Map(rows.map((row) => [row.sku.toLowerCase(), row]));
  const byBarcode = new Map<string, KnownVariant>();
  for (const row of rows) if (row.barcode && !byBarcode.has(row.barcode)) byBarcode.set(row.barcode, row);
  return {
    bySku: (sku: string): KnownVariant | undefined => bySku.get(sku.toLowerCase()),
    byBarcode: (code: string): KnownVariant | undefined => byBarcode.get(code),
  };
}

export interface KnownLocation {
  id: number;
  name: string;
}

export function locationLookup(db: Db) {
  const rows = db.prepare<[], KnownLocation & { code: string }>("SELECT id, name, code FROM locations WHERE kind <> 'transit'").all();
  const byName = new Map<string, KnownLocation>();
  for (const row of rows) {
    byName.set(row.name.toLowerCase(), row);
    byName.set(row.code.toLowerCase(), row);
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    byName: (text: string): KnownLocation | undefined => byName.get(text.trim().toLowerCase()),
    byId: (id: number): KnownLocation | undefined => byId.get(id),
  };
}

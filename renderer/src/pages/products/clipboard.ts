// Pasting a block copied from Excel / WPS / LibreOffice into the Products grid:
// the clipboard holds tab-separated rows (quoted when a cell has tabs, quotes or
// line breaks). Each cell becomes one edit of the contract's variants.bulkUpdate,
// parsed the way the person sees the column (money in major units, translated status).
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { ProductStatus } from '../../../../src/catalog/contract.js';
import { majorToMinor } from '../../i18n/format.js';

/** Splits clipboard text into rows of cells; a trailing line break adds no empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export type CellValue = string | number | null;
export type ParseResult = { ok: true; value: CellValue } | { ok: false; reason: 'number' | 'status' };

const moneyFields = new Set<VariantEditField>(['price', 'compareAtPrice', 'cost']);
const nullableFields = new Set<VariantEditField>(['barcode', 'compareAtPrice', 'cost', 'weightGrams']);

/** "¥1,299.00", "1 299,5", "$12" → a number in major units, or null when not a number. */
export function parseAmount(text: string): number | null {
  let cleaned = text.replace(/[\s\u00a0]/g, '').replace(/^[^\d\-.,]+|[^\d.,]+$/g, '');
  // A comma followed by exactly 1–2 digits at the end is a decimal comma (12,5 / 1.299,50).
  if (/,\d{1,2}$/.test(cleaned) && !/\.\d{1,2}$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  cleaned = cleaned.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function parseCell(field: VariantEditField, raw: string, currency: string, statusOf: (label: string) => ProductStatus | null): ParseResult {
  const text = raw.trim();
  if (text === '' && nullableFields.has(field)) return { ok: true, value: null };
  if (moneyFields.has(field)) {
    const amount = parseAmount(text);
    return amount === null ? { ok: false, reason: 'number' } : { ok: true, value: majorToMinor(amount, currency) };
  }
  if (field === 'weightGrams') {
    const grams = parseAmount(text);
    return grams === null ? { ok: false, reason: 'number' } : { ok: true, value: Math.round(grams) };
  }
  if (field === 'status') {
    const status = statusOf(text);
    return status === null ? { ok: false, reason: 'status' } : { ok: true, value: status };
  }
  return { ok: true, value: text };
}

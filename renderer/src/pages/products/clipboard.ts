// Pasting a block copied from Excel / WPS / LibreOffice into the Products grid:
// the clipboard holds tab-separated rows (quoted when a cell has tabs, quotes or
// line breaks). Each cell becomes one edit of the contract's variants.bulkUpdate,
// parsed the way the person sees the column (money in major units, translated
// status) — numbers by the one reader every typed number goes through, so a
// pasted 12,50 in a USD shop is asked about like a typed one, never 1,250.00.
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { ProductStatus } from '../../../../src/catalog/contract.js';
import type { NumberConventions } from '../../../../src/shared/number-input.js';
import { checkNumber, moneyRule, type NumberRefusal, type NumberRule } from '../../components/number-check.js';
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

/** How the page reads a typed or pasted cell: the shop's number conventions and translated statuses. */
export interface CellContext {
  currency: string;
  conventions: NumberConventions;
  statusOf: (label: string) => ProductStatus | null;
}

/** One reading of an ambiguous cell: the value to store, or why the column refuses it. */
export type CellOption = { ok: true; value: number } | { ok: false; refusal: NumberRefusal };

/** Why a cell was not taken: a number's problem (with the column's rule, for the message), an unknown status, an empty SKU. */
export type CellRefusal = { reason: 'number'; refusal: NumberRefusal; rule: NumberRule } | { reason: 'status' } | { reason: 'required' };

export type ParseResult =
  | { kind: 'value'; value: CellValue }
  | ({ kind: 'refused' } & CellRefusal)
  /** 12,50 in a USD shop: asked about, with both readings ([point, comma]) as the column would store them. */
  | { kind: 'ambiguous'; text: string; readings: [number, number]; options: [CellOption, CellOption]; rule: NumberRule };

export const numberFields = ['price', 'compareAtPrice', 'cost', 'weightGrams'] as const;
export type NumberColumn = (typeof numberFields)[number];
export const moneyFields: readonly VariantEditField[] = ['price', 'compareAtPrice', 'cost'];

export function isNumberColumn(field: string): field is NumberColumn {
  return (numberFields as readonly string[]).includes(field);
}

/** What a number column accepts: money in the currency's decimals (price required), whole grams. */
export function cellRule(field: NumberColumn, currency: string): NumberRule {
  return field === 'weightGrams' ? { integer: true, min: 0 } : moneyRule(currency, { required: field === 'price' });
}

/** A number as the column stores it: money in minor units, grams as they are. */
const stored = (field: NumberColumn, value: number, currency: string): number => (field === 'weightGrams' ? value : majorToMinor(value, currency));

/** Typed or pasted text for a number column, read by the one number reader (shared/number-input.ts). */
export function parseNumberCell(field: NumberColumn, raw: string, context: Pick<CellContext, 'currency' | 'conventions'>): ParseResult {
  const rule = cellRule(field, context.currency);
  const check = checkNumber(raw, rule, context.conventions);
  if (check.ok) return { kind: 'value', value: check.value === null ? null : stored(field, check.value, context.currency) };
  if (check.problem !== 'ambiguous' || check.reading.kind !== 'ambiguous') return { kind: 'refused', reason: 'number', refusal: check, rule };
  const option = (value: number): CellOption => {
    const alone = checkNumber(String(value), rule, { decimalMark: '.' });
    return alone.ok ? { ok: true, value: stored(field, value, context.currency) } : { ok: false, refusal: { ...alone, text: check.text } };
  };
  const [byPoint, byComma] = check.reading.readings;
  return { kind: 'ambiguous', text: check.text, readings: [byPoint, byComma], options: [option(byPoint), option(byComma)], rule };
}

export function parseCell(field: VariantEditField, raw: string, context: CellContext): ParseResult {
  if (isNumberColumn(field)) return parseNumberCell(field, raw, context);
  const text = raw.trim();
  if (field === 'status') {
    const status = context.statusOf(text);
    return status === null ? { kind: 'refused', reason: 'status' } : { kind: 'value', value: status };
  }
  if (field === 'sku' && text === '') return { kind: 'refused', reason: 'required' };
  return { kind: 'value', value: field === 'barcode' && text === '' ? null : text };
}

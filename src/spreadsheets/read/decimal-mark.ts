// A file's decimal mark, decided once from its content and then used for every
// number in it (money, weights, quantities, percentages). European exports write
// 12,50 and 1.299,00; Chinese and English ones 12.50 and 1,299.00. Workbook cells
// that are numbers carry no mark, so only number-like text cells vote.
import type { TableCell } from './table.js';

export type DecimalMark = 'comma' | 'point';

/** Rows looked at: enough to see every numeric column many times, cheap on 100k-row files. */
const sampleRows = 5_000;

const decorations = /[¥￥$€£%％\s\u00a0\u202f]|RMB|CNY|USD|EUR|元/giu;

/**
 * What one text cell says about the mark: `12,50`, `0,35`, `1.299,00`, `1.299.000` say comma;
 * `12.50`, `1,299.00`, `1,299,000` say point; `1,299` or `1.299` (one separator, three digits
 * after it) could be either and say nothing, nor do integers and non-numbers.
 */
export function markOf(text: string): DecimalMark | null {
  const bare = text.replace(decorations, '').replace(/^\((.*)\)$/, '$1');
  if (!/^[+-]?\d[\d.,]*$/.test(bare)) return null;
  const lastComma = bare.lastIndexOf(',');
  const lastPoint = bare.lastIndexOf('.');
  if (lastComma < 0 && lastPoint < 0) return null;
  // Both marks: the later one is the decimal mark.
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? 'comma' : 'point';
  const separator = lastComma >= 0 ? ',' : '.';
  const parts = bare.split(separator);
  // Repeated in groups of three: a thousands separator, so the decimal mark is the other one
  // (other repeats, such as the date 2026.03.05, say nothing).
  if (parts.length > 2) {
    if (!/^[+-]?\d{1,3}$/.test(parts[0] ?? '') || parts.slice(1).some((group) => group.length !== 3)) return null;
    return separator === ',' ? 'point' : 'comma';
  }
  const [whole = '', fraction = ''] = parts;
  if (fraction.length === 3 && /^[+-]?[1-9]\d{0,2}$/.test(whole)) return null;
  return separator === ',' ? 'comma' : 'point';
}

/**
 * Comma when the number-like text cells mostly say so, or when the file is semicolon-
 * separated (the CSV of locales that write decimal commas) unless its cells mostly say
 * point. Nothing to go by (only integers or `1,299`-like values): point, so a comma
 * stays a thousands separator.
 */
export function detectDecimalMark(rows: readonly (readonly TableCell[])[], delimiter: string | null): DecimalMark {
  let comma = 0;
  let point = 0;
  for (let r = 0; r < Math.min(rows.length, sampleRows); r += 1) {
    for (const cell of rows[r] ?? []) {
      if (typeof cell !== 'string' || cell.length > 40) continue;
      const mark = markOf(cell.trim());
      if (mark === 'comma') comma += 1;
      else if (mark === 'point') point += 1;
    }
  }
  if (delimiter === ';') return point > comma ? 'point' : 'comma';
  return comma > point ? 'comma' : 'point';
}

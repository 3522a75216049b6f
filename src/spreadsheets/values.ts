// Cell text -> typed values, the way merchants write them: money with ¥ / ￥ /
// 元 / $ and thousands separators (or decimal commas, when the file writes them:
// see read/decimal-mark.ts),
// percentages, whole numbers, yes/no in English and Chinese, and dates as
// serial numbers, 2026-03-05, 2026/3/5 or 2026年3月5日 (with an optional time).
// Each parser answers a value or a reason key the UI translates.
import type { TableCell } from './read/table.js';
import { limits } from '../shared/bounds.js';
import { readNumber } from '../shared/number-input.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

export function cellText(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.trim();
}

/**
 * A text cell as content (descriptions, notes): surrounding spaces and line breaks go, but a
 * leading TAB stays — it is the author's indentation, not padding. (Keys and numbers use
 * cellText, which trims it; CSV exports neutralise the TAB again, see documents/csv.ts.)
 */
export function cellContent(cell: TableCell | undefined): string {
  if (typeof cell !== 'string') return cellText(cell);
  return cell.trimEnd().replace(/^[^\S\t]+/, '');
}

/**
 * WooCommerce's exporter writes a line break inside a description as the two characters
 * `\n`, and a literal backslash-n as `\\n`; this is its importer's inverse.
 */
export function unescapeWooLineBreaks(text: string): string {
  return text
    .split('\\\\n')
    .map((part) => part.replace(/\\n/g, '\n'))
    .join('\\n');
}

/**
 * A decimal number as written, read by the one number reader (shared/number-input.ts) with
 * the file's decimal mark: thousands separators and currency marks go. A cell that only reads
 * with the other mark (a `12.5` among decimal commas) means what it says: the file's mark
 * was decided by most of its cells, and the other reading would be a thousands grouping no
 * tool writes. The import preview shows every value before it is applied.
 */
export function parseDecimal(cell: TableCell, decimalComma: boolean): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad('notANumber');
  const text = cellText(cell);
  if (/^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(text)) return bad('scientificNotation');
  const reading = readNumber(text, { decimalMark: decimalComma ? ',' : '.' });
  if (reading.kind === 'number') return ok(reading.value);
  if (reading.kind === 'ambiguous') return ok(reading.readings[decimalComma ? 0 : 1]);
  return bad('notANumber');
}

/** Money in minor units (the shop currency has 100 minor units). */
export function parseMoney(cell: TableCell, decimalComma: boolean): Parsed<number> {
  const number = parseDecimal(cell, decimalComma);
  if (!number.ok) return number.reason === 'notANumber' ? bad('notMoney') : number;
  const minor = Math.round(number.value * 100);
  if (Math.abs(number.value * 100 - minor) > 1e-6) return bad('tooManyDecimals');
  if (minor < 0) return bad('negative');
  // A unit price or cost no real shop reaches (shared/bounds.ts): values stay exact integers.
  if (minor > limits.unitMoney) return bad('tooLarge');
  return ok(minor);
}

export function parseInteger(cell: TableCell, decimalComma: boolean, options: { min?: number } = {}): Parsed<number> {
  const number = parseDecimal(cell, decimalComma);
  if (!number.ok) return number.reason === 'notANumber' ? bad('notWholeNumber') : number;
  if (!Number.isInteger(number.value)) return bad('notWholeNumber');
  if (options.min !== undefined && number.value < options.min) return bad(options.min === 0 ? 'negative' : 'belowMinimum');
  if (!Number.isSafeInteger(number.value) || Math.abs(number.value) > limits.quantity) return bad('tooLarge');
  return ok(number.value);
}

/** Percent as a number of percent: "15%", "15", and 0.15 from a %-formatted cell all mean 15. */
export function parsePercent(cell: TableCell, decimalComma: boolean): Parsed<number> {
  const text = cellText(cell);
  const withSign = text.endsWith('%') || text.endsWith('％');
  const number = parseDecimal(withSign ? text.slice(0, -1) : cell, decimalComma);
  if (!number.ok) return bad('notPercent');
  return ok(!withSign && typeof cell === 'number' && Math.abs(cell) <= 1 ? cell * 100 : number.value);
}

const yes = new Set(['true', 'yes', 'y', '1', '是', '有', '启用', 'on', 'published']);
const no = new Set(['false', 'no', 'n', '0', '否', '无', '停用', 'off']);

export function parseBoolean(cell: TableCell): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (yes.has(text)) return ok(true);
  if (no.has(text)) return ok(false);
  return bad('notYesNo');
}

/** A local calendar date and optional wall-clock time, with an offset when the text carried one. */
export interface LocalDateTime {
  date: string;
  time: string | null;
  offset: string | null;
}

const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const chinese = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{2})分?(?:[:：](\d{2})秒?)?)?$/;

export function parseDateTime(cell: TableCell): Parsed<LocalDateTime> {
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 2_958_465) return bad('notDate');
    const iso = new Date(Math.round((cell - 25569) * 86_400_000)).toISOString();
    const time = iso.slice(11, 19);
    return ok({ date: iso.slice(0, 10), time: time === '00:00:00' ? null : time, offset: null });
  }
  const text = cellText(cell);
  const match = isoLike.exec(text) ?? chinese.exec(text);
  if (!match) return bad('notDate');
  const [, y, m, d, hh, mm, ss] = match;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return bad('notDate');
  const time = hh === undefined ? null : `${pad(hh)}:${mm ?? '00'}:${ss ?? '00'}`;
  if (time !== null && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return bad('notDate');
  const offsetText = match[7];
  const offset = offsetText === undefined ? null : offsetText === 'Z' ? '+00:00' : offsetText.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return ok({ date, time, offset });
}

const pad = (text: string | undefined) => (text ?? '').padStart(2, '0');

/** Comma, Chinese enumeration comma, semicolon or vertical bar separated list; empty items dropped. */
export function parseList(cell: TableCell): string[] {
  return cellText(cell)
    .split(/[,，、;；|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

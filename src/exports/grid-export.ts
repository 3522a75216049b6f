// Turns list rows into the cells of an export file and writes XLSX or CSV.
// XLSX keeps numbers as numbers (money in major units); CSV is UTF-8 with a BOM
// and every text cell goes through csvCell, which neutralises formula injection.
// Both are written as the rows arrive (createExportWriter).
import { csvCell } from '../documents/csv.js';
import { xlsxMime } from '../documents/xlsx.js';
import { currencyDigits } from '../purchasing/moving-average.js';
import type { ExportColumn, ExportFormat } from './contract.js';
import type { ExportRow } from './sources.js';
import { createXlsxStream } from './xlsx-stream.js';

/** A cell before the format is chosen: money keeps its digits so CSV can write `12.50`. */
export type ExportCell = string | number | null | { money: number; digits: number };

export interface CellContext {
  /** Money in a row without its own `currency` field is in the shop currency. */
  shopCurrency: string;
  timeZone: string;
}

function valueAt(row: ExportRow, path: string): unknown {
  return pathReader(path)(row);
}

/** Reads a (dotted) field; the path is split once per column, not once per cell. */
function pathReader(path: string): (row: ExportRow) => unknown {
  const keys = path.split('.');
  if (keys.length === 1) return (row) => row[path];
  return (row) => {
    let current: unknown = row;
    for (const key of keys) {
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

/**
 * `2026-11-01 08:30:00` in the shop's time zone: what the page shows, and
 * sortable as text. Intl is slow per call, so the zone's offset is looked up
 * once per 15 minutes of UTC time (every zone's offset changes only at such instants).
 */
function localDateTime(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const quarter = 15 * 60 * 1000;
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / quarter);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * quarter;
      const part = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, Number(p.value)]));
      offset = Date.UTC(part['year'] ?? 0, (part['month'] ?? 1) - 1, part['day'], part['hour'], part['minute'], part['second']) - at;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (iso) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return new Date(ms + offsetAt(ms)).toISOString().slice(0, 19).replace('T', ' ');
  };
}

/** Builds the function that turns one row into its cells, in column order. */
export function rowToCells(columns: readonly ExportColumn[], context: CellContext): (row: ExportRow) => ExportCell[] {
  const dateText = localDateTime(context.timeZone);
  const digitsByCurrency = new Map<string, number>();
  const digitsOf = (currency: string): number => {
    let digits = digitsByCurrency.get(currency);
    if (digits === undefined) {
      digits = currencyDigits(currency);
      digitsByCurrency.set(currency, digits);
    }
    return digits;
  };
  const cell = (value: unknown, kind: ExportColumn['kind'], row: ExportRow): ExportCell => {
    if (value === null || value === undefined) return null;
    if (kind === 'money' && typeof value === 'number') {
      const currency = typeof row['currency'] === 'string' ? row['currency'] : context.shopCurrency;
      return { money: value, digits: digitsOf(currency) };
    }
    if (kind === 'date' && typeof value === 'string') return dateText(value);
    if ((kind === 'number' || kind === 'money') && typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const labelled = (value: unknown, column: ExportColumn, row: ExportRow): unknown => {
    if (!column.labels || typeof value !== 'string' || !Object.hasOwn(column.labels, value)) return value;
    const label = column.labels[value] ?? value;
    const params = column.paramsField === undefined ? undefined : valueAt(row, column.paramsField);
    if (params === null || typeof params !== 'object') return label;
    return label.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const param: unknown = (params as Record<string, unknown>)[name];
      return typeof param === 'string' || typeof param === 'number' ? String(param) : whole;
    });
  };
  const readers = columns.map((column) => pathReader(column.field));
  return (row) => {
    const cells: ExportCell[] = new Array<ExportCell>(columns.length);
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i] as ExportColumn;
      const value = (readers[i] as (row: ExportRow) => unknown)(row);
      cells[i] = cell(column.labels ? labelled(value, column, row) : value, column.kind, row);
    }
    return cells;
  };
}

function majorUnits(cell: { money: number; digits: number }): number {
  return Number((cell.money / 10 ** cell.digits).toFixed(cell.digits));
}

/**
 * One CSV line. Money is written as `12.50` (fixed digits, dot decimal). It skips
 * csvCell on purpose: csvCell would prefix `-12.50` with a quote as if it were a
 * formula, and a plain number cannot inject one.
 */
function csvLine(cells: readonly ExportCell[]): string {
  return cells.map((c) => (c !== null && typeof c === 'object' ? (c.money / 10 ** c.digits).toFixed(c.digits) : csvCell(c))).join(',');
}

export const csvMime = 'text/csv;charset=utf-8';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The person's file name without characters file systems refuse, with the format's extension. */
export function exportFileName(name: string, format: ExportFormat): string {
  const base = name
    .replace(/\.(xlsx|csv)$/i, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\p{Cc}/gu, '-')
    .trim();
  return `${base === '' ? 'export' : base}.${format}`;
}

/**
 * The sheet's name from the file's: Excel refuses "History" (a name it reserves) and names
 * that start or end with an apostrophe, and SheetJS then fails the whole export.
 */
export function sheetName(fileName: string): string {
  const name = fileName.replace(/[:\\/?*[\]]/g, '-').slice(0, 31).replace(/^'+|'+$/g, '').trim();
  if (name === '') return 'Sheet1';
  return name.toLowerCase() === 'history' ? `${name} (1)` : name;
}

/**
 * An export file written as its rows arrive: CSV lines or the XLSX sheet's XML go out
 * (deflated, for XLSX) page by page, so only the file's bytes are kept, never every row.
 */
export interface ExportWriter {
  write(rows: readonly (readonly ExportCell[])[]): void;
  /** Rows written so far (the header not counted). */
  readonly rows: number;
  finish(): ExportFile;
}

export function createExportWriter(format: ExportFormat, fileName: string, header: readonly string[]): ExportWriter {
  const name = exportFileName(fileName, format);
  const chunks: Buffer[] = [];
  let written = 0;
  const finish = (mimeType: string): ExportFile => ({ fileName: name, mimeType, contentBase64: Buffer.concat(chunks).toString('base64') });
  if (format === 'csv') {
    // Same framing as toCsv (src/documents/csv.ts): BOM so Excel reads UTF-8, CRLF rows.
    chunks.push(Buffer.from(`\uFEFF${header.map(csvCell).join(',')}\r\n`, 'utf8'));
    return {
      write(rows) {
        if (rows.length === 0) return;
        let text = '';
        for (const row of rows) text += `${csvLine(row)}\r\n`;
        chunks.push(Buffer.from(text, 'utf8'));
        written += rows.length;
      },
      get rows() {
        return written;
      },
      finish: () => finish(csvMime),
    };
  }
  const sheet = createXlsxStream(sheetName(name.replace(/\.xlsx$/, '')), header, (bytes) => chunks.push(bytes));
  return {
    write(rows) {
      sheet.write(rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? majorUnits(c) : c))));
      written += rows.length;
    },
    get rows() {
      return written;
    },
    finish() {
      sheet.finish();
      return finish(xlsxMime);
    },
  };
}

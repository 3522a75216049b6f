// XLSX, XLS and ODS through SheetJS: cell values as stored (formulas read as
// their cached results), date cells turned into ISO text, merged cells filled
// from their top-left cell (merged headers and product names merged down
// over their variant rows both read as if every cell held the value). An empty
// first sheet (a cover or a blank "Sheet1") gives way to the first with cells.
import * as XLSX from 'xlsx';
import type { TableCell } from './table.js';
import { importLimits } from './limits.js';

export interface WorkbookTable {
  sheets: string[];
  sheet: string;
  rows: TableCell[][];
  tooManyRows: boolean;
  tooManyColumns: boolean;
  /** 'file': no sheet has a single value; 'sheet': the chosen one has none (others do). */
  empty: 'file' | 'sheet' | null;
}

export function readWorkbook(bytes: Buffer, wantedSheet: string | undefined): WorkbookTable {
  const book = XLSX.read(bytes, {
    type: 'buffer',
    dense: true,
    cellNF: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    sheetRows: importLimits.maxRows + 2,
  });
  const sheets = book.SheetNames;
  const withCells = sheets.filter((name) => hasValues(book.Sheets[name]));
  const sheet = wantedSheet !== undefined && sheets.includes(wantedSheet) ? wantedSheet : (withCells[0] ?? sheets[0] ?? '');
  const ws = book.Sheets[sheet];
  const empty = withCells.length === 0 ? 'file' : withCells.includes(sheet) ? null : 'sheet';
  if (!ws || empty !== null) return { sheets, sheet, rows: [], tooManyRows: false, tooManyColumns: false, empty };
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const width = range.e.c + 1;
  const rows: TableCell[][] = [];
  for (let r = 0; r < data.length; r += 1) {
    const source = data[r];
    const row: TableCell[] = [];
    if (source) {
      for (let c = 0; c < Math.min(source.length, importLimits.maxColumns + 1); c += 1) row[c] = cellValue(source[c]);
    }
    rows.push(row);
  }
  for (const merge of ws['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c] ?? null;
    for (let r = merge.s.r; r <= Math.min(merge.e.r, rows.length - 1); r += 1) {
      const row = rows[r];
      if (!row) continue;
      for (let c = merge.s.c; c <= merge.e.c && c <= importLimits.maxColumns; c += 1) {
        if (r !== merge.s.r || c !== merge.s.c) row[c] = value;
      }
    }
  }
  return {
    sheets,
    sheet,
    rows,
    tooManyRows: rows.length > importLimits.maxRows + 1,
    tooManyColumns: width > importLimits.maxColumns,
    empty: null,
  };
}

/** A sheet holding at least one value (a formatted but blank sheet holds none). */
function hasValues(ws: XLSX.WorkSheet | undefined): boolean {
  const data = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  return data.some((row) => row?.some((cell) => cell !== undefined && cell.v !== undefined && cell.v !== null && String(cell.v).trim() !== '') ?? false);
}

function cellValue(cell: XLSX.CellObject | undefined): TableCell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  const value = cell.v;
  if (cell.t === 'n' && typeof value === 'number') {
    return cell.z !== undefined && XLSX.SSF.is_date(cell.z) ? serialToIso(value) : value;
  }
  if (cell.t === 'd' && value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ').replace(/ 00:00:00$/, '');
  if (typeof value === 'boolean') return value;
  if (cell.t === 'e') return null; // #N/A, #DIV/0!: no value
  return String(value);
}

/** Spreadsheet serial day (1900 date system, with Lotus' phantom 29 Feb 1900) -> 'YYYY-MM-DD[ HH:mm:ss]'. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

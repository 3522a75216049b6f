// The rows that failed, exactly as they were in the file (header row too),
// with an Errors column at the end: fix them in the spreadsheet and import
// the file again.
import { toCsv } from '../documents/csv.js';
import { workbookBase64, xlsxMime, type Cell } from '../documents/xlsx.js';
import type { SessionState } from './session.js';

export function buildErrorsFile(state: SessionState, format: 'xlsx' | 'csv', errorsHeader: string) {
  const planned = new Map((state.plan?.rows ?? []).map((row) => [row.row, row]));
  const header: Cell[] = [...state.headers, errorsHeader];
  const rows: Cell[][] = [header];
  for (const row of state.rows) {
    const plan = planned.get(row.rowNumber);
    if (!plan || plan.outcome !== 'error') continue;
    const cells: Cell[] = state.headers.map((_, c) => {
      const cell = row.cells[c] ?? null;
      return typeof cell === 'boolean' ? String(cell) : cell;
    });
    cells.push(plan.issues.map((issue) => issue.message).join('; '));
    rows.push(cells);
  }
  const base = state.fileName.replace(/\.[^.]+$/, '');
  if (format === 'csv') {
    return { fileName: `${base} - errors.csv`, mimeType: 'text/csv', contentBase64: Buffer.from(toCsv(rows), 'utf8').toString('base64') };
  }
  const widths = header.map((_, c) => (c === header.length - 1 ? 60 : 16));
  return { fileName: `${base} - errors.xlsx`, mimeType: xlsxMime, contentBase64: workbookBase64([{ name: 'Errors', rows, widths }]) };
}

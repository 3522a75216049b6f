// The rows that failed, exactly as they were in the file (header row too),
// with an Errors column at the end: fix them in the spreadsheet and import
// the file again. Each error names its column as the file heads it; a field
// no column feeds is named in the file's language (its Chinese label when
// the file's headers are Chinese), never by its internal key.
import { toCsv } from '../documents/csv.js';
import { workbookBase64, xlsxMime, type Cell } from '../documents/xlsx.js';
import type { RowIssue } from './contract.js';
import { issueMessage } from './issue-messages.js';
import type { SessionState } from './session.js';

const han = /[\u3400-\u9fff]/;

/** Chinese when most of the file's non-blank headers are. */
function fileLanguage(headers: readonly string[]): 'en' | 'zh' {
  const named = headers.filter((header) => header.trim() !== '');
  return named.length > 0 && named.filter((header) => han.test(header)).length * 2 > named.length ? 'zh' : 'en';
}

function issueTextFor(state: SessionState, language: 'en' | 'zh') {
  const labels = new Map(state.target.fields.map((field) => [field.key, language === 'zh' ? field.zh : field.en]));
  const label = (field: string) => labels.get(field) ?? field;
  return (issue: RowIssue): string => {
    const params: Record<string, string | number> = { ...issue.params };
    if (params.row !== undefined) params.column = issue.header ?? (issue.field === null ? '' : label(issue.field));
    if (typeof params.field === 'string') params.field = label(params.field);
    return issueMessage(issue.key, params);
  };
}

export function buildErrorsFile(state: SessionState, format: 'xlsx' | 'csv', errorsHeader: string) {
  const planned = new Map((state.plan?.rows ?? []).map((row) => [row.row, row]));
  const text = issueTextFor(state, fileLanguage(state.headers));
  const header: Cell[] = [...state.headers, errorsHeader];
  const rows: Cell[][] = [header];
  for (const row of state.rows) {
    const plan = planned.get(row.rowNumber);
    if (!plan || plan.outcome !== 'error') continue;
    const cells: Cell[] = state.headers.map((_, c) => {
      const cell = row.cells[c] ?? null;
      return typeof cell === 'boolean' ? String(cell) : cell;
    });
    cells.push(plan.issues.map(text).join('; '));
    rows.push(cells);
  }
  const base = state.fileName.replace(/\.[^.]+$/, '');
  if (format === 'csv') {
    return { fileName: `${base} - errors.csv`, mimeType: 'text/csv', contentBase64: Buffer.from(toCsv(rows), 'utf8').toString('base64') };
  }
  const widths = header.map((_, c) => (c === header.length - 1 ? 60 : 16));
  return { fileName: `${base} - errors.xlsx`, mimeType: xlsxMime, contentBase64: workbookBase64([{ name: 'Errors', rows, widths }]) };
}

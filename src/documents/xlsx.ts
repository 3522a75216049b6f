// XLSX workbooks for documents people send or fill in: numbers stay numbers,
// columns get readable widths.
import * as XLSX from 'xlsx';

export type Cell = string | number | null;

export function workbookBase64(sheets: readonly { name: string; rows: readonly (readonly Cell[])[]; widths: readonly number[] }[]): string {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => [...row]));
    ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    XLSX.utils.book_append_sheet(book, ws, sheet.name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31));
  }
  return XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Count sheets out (XLSX / CSV to print or fill in) and counts back in from a
// spreadsheet with a SKU or barcode column and a count column, in English or
// Chinese. An import is all or nothing: any bad row refuses the whole file.
import { toCsv } from '../documents/csv.js';
import { workbookBase64, xlsxMime } from '../documents/xlsx.js';
import type { Db } from '../db/open.js';
import { validationError } from '../shared/app-error.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { StocktakeService } from './stocktake-service.js';
import { readTable } from '../spreadsheets/read/table.js';
import { parseInteger } from '../spreadsheets/values.js';

const maxBytes = 5 * 1024 * 1024;
const maxRows = 200_000;
/** Headers a count sheet may use, compared lower-cased without spaces. */
const headerNames = {
  sku: ['sku', '货号', '商品编码', '商家编码', 'sku编码'],
  barcode: ['barcode', '条码', '条形码', 'ean', 'upc', 'gtin'],
  count: ['counted', 'count', 'qty', 'quantity', '数量', '盘点数量', '实盘数量', '实盘数'],
} as const;
const normalise = (text: unknown) => String(text ?? '').toLowerCase().replace(/\s+/g, '');

const sheetHeader = ['Bin', 'SKU', 'Barcode', 'Product', 'Variant', 'On hand at open', 'Counted'];

export function buildCountSheet(service: StocktakeService, stocktakeId: number, format: 'xlsx' | 'csv') {
  const stocktake = service.header(stocktakeId);
  const rows = service.store
    .sheetLines(stocktakeId)
    .map((l) => [l.bin ?? '', l.sku, l.barcode ?? '', l.title, l.options, l.onHandAtOpen, l.counted ?? '']);
  const fileBase = `${stocktake.number} ${stocktake.location}`.replace(/[\\/:*?"<>|]/g, '-');
  if (format === 'csv') {
    return { fileName: `${fileBase}.csv`, mimeType: 'text/csv', contentBase64: Buffer.from(toCsv([sheetHeader, ...rows]), 'utf8').toString('base64') };
  }
  return {
    fileName: `${fileBase}.xlsx`,
    mimeType: xlsxMime,
    contentBase64: workbookBase64([{ name: stocktake.number, rows: [sheetHeader, ...rows], widths: [10, 18, 15, 36, 16, 10, 10] }]),
  };
}

interface Columns {
  headerRow: number;
  code: number;
  codeKind: 'sku' | 'barcode';
  count: number;
}

function findColumns(rows: unknown[][]): Columns | null {
  // The header may sit below a title row or two.
  for (let r = 0; r < Math.min(rows.length, 10); r += 1) {
    const cells = (rows[r] ?? []).map(normalise);
    const find = (names: readonly string[]) => cells.findIndex((cell) => names.includes(cell));
    const sku = find(headerNames.sku);
    const barcode = find(headerNames.barcode);
    const count = find(headerNames.count);
    if (count >= 0 && (sku >= 0 || barcode >= 0)) {
      return { headerRow: r, code: sku >= 0 ? sku : barcode, codeKind: sku >= 0 ? 'sku' : 'barcode', count };
    }
  }
  return null;
}

export function readCountFile(db: Db, service: StocktakeService, stocktakeId: number, fileName: string, contentBase64: string) {
  const bytes = Buffer.from(contentBase64, 'base64');
  const refuse = (key: string, message: string, path = 'contentBase64') => validationError(message, [{ path, key, message }]);
  if (bytes.length > maxBytes) throw refuse('fileTooLarge', `${fileName} is larger than 5 MB; split it and import the parts.`);
  // The import's reader: the file is recognised by its content (an image named .xlsx is refused),
  // text encodings are detected, zip bombs refused, and its decimal mark decided once.
  const table = readTable(fileName, bytes);
  const rows = table.rows;
  const decimalComma = table.decimalMark === 'comma';
  const columns = findColumns(rows);
  if (!columns) {
    throw refuse('countColumnsMissing', `${fileName} needs a SKU (or barcode) column and a count column in its header row.`, 'fileName');
  }
  if (rows.length - columns.headerRow - 1 > maxRows) throw refuse('tooManyRows', `${fileName} has more than ${maxRows} rows.`);
  const lookup = db.prepare<[string], { id: number }>(
    columns.codeKind === 'sku' ? 'SELECT id FROM variants WHERE sku = ?' : 'SELECT id FROM variants WHERE barcode = ? ORDER BY id LIMIT 1',
  );
  const issues: FieldIssue[] = [];
  const totals = new Map<number, number>();
  let dataRows = 0;
  for (let r = columns.headerRow + 1; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    const code = String(row[columns.code] ?? '').trim();
    const rawCount = row[columns.count];
    if (code === '' && String(rawCount ?? '').trim() === '') continue; // blank rows
    dataRows += 1;
    const rowNumber = r + 1; // as the spreadsheet shows it
    if (String(rawCount ?? '').trim() === '') continue; // not counted yet: left as it is
    const parsed = parseInteger(rawCount ?? null, decimalComma, { min: 0 });
    const count = parsed.ok ? parsed.value : Number.NaN;
    if (!parsed.ok) {
      issues.push({ path: `rows.${rowNumber}.count`, key: 'badCount', message: `Row ${rowNumber}: count "${String(rawCount)}" is not a whole number ≥ 0` });
      continue;
    }
    const variant = lookup.get(code);
    if (!variant) {
      issues.push({ path: `rows.${rowNumber}.${columns.codeKind}`, key: 'unknownCode', message: `Row ${rowNumber}: no product has the ${columns.codeKind} "${code}"` });
      continue;
    }
    // The same item on several rows (several bins) adds up.
    totals.set(variant.id, (totals.get(variant.id) ?? 0) + count);
  }
  if (issues.length > 0) {
    throw validationError(`${fileName} was not imported; fix ${issues.length} row(s) and import it again. ${issues.slice(0, 5).map((i) => i.message).join('; ')}`, issues.slice(0, 500));
  }
  const lines = [...totals].map(([variantId, counted]) => ({ variantId, counted, mode: 'set' as const }));
  const result = lines.length > 0 ? service.count(stocktakeId, lines, (i) => `rows.${i}`) : { stocktake: service.header(stocktakeId), counted: 0 };
  return { ...result, rows: dataRows };
}

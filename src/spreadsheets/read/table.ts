// Any merchant file -> one table of cells: XLSX / XLS / ODS through SheetJS,
// CSV / TSV / TXT decoded (detected or chosen encoding) and parsed here.
// Hostile or oversized files are refused with a reason the UI translates.
import { AppError } from '../../shared/app-error.js';
import { parseDelimited, sniffDelimiter, type Delimiter } from './delimited.js';
import { decodeText, detectEncoding, type TextEncoding } from './encoding.js';
import { importLimits } from './limits.js';
import { readWorkbook } from './workbook.js';
import { checkZip } from './zip-check.js';

/** A cell as read: text, number, boolean, or null when empty. Date cells arrive as ISO text. */
export type TableCell = string | number | boolean | null;

export type FileFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface ReadOptions {
  /** Overrides the detected text encoding (CSV/TSV only). */
  encoding?: TextEncoding | undefined;
  sheet?: string | undefined;
}

export interface ReadTable {
  format: FileFormat;
  /** Text files: the encoding used, and the one detected (they differ when overridden). */
  encoding: TextEncoding | null;
  detectedEncoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
  rows: TableCell[][];
}

export function fileRefused(fileName: string, key: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION', `${fileName}: ${message} Nothing was imported.`, {
    key,
    params: { fileName, ...params },
    issues: [{ path: 'file', key, message }],
  });
}

function formatOf(bytes: Buffer, fileName: string): FileFormat {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    return /\.ods$/i.test(fileName) ? 'ods' : 'xlsx';
  }
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return 'csv';
}

export function readTable(fileName: string, bytes: Buffer, options: ReadOptions = {}): ReadTable {
  if (bytes.length > importLimits.maxFileBytes) {
    throw fileRefused(fileName, 'importFileTooLarge', `the file is larger than ${importLimits.maxFileBytes / 1024 / 1024} MB.`, {
      limitMb: importLimits.maxFileBytes / 1024 / 1024,
    });
  }
  const format = formatOf(bytes, fileName);
  if (format === 'csv') return readText(fileName, bytes, options);
  if (format !== 'xls') {
    const verdict = checkZip(bytes);
    if (!verdict.ok) {
      throw fileRefused(fileName, `zip.${verdict.reason}`, zipMessages[verdict.reason], {
        limitMb: importLimits.maxUncompressedBytes / 1024 / 1024,
      });
    }
  }
  let table;
  try {
    table = readWorkbook(bytes, options.sheet);
  } catch {
    throw fileRefused(fileName, 'unreadableFile', 'the file could not be read as a spreadsheet (XLSX, XLS, ODS, CSV or TSV).');
  }
  checkShape(fileName, table.tooManyRows, table.tooManyColumns);
  return { format, encoding: null, detectedEncoding: null, delimiter: null, sheets: table.sheets, sheet: table.sheet, rows: table.rows };
}

const zipMessages = {
  tooManyEntries: 'the file holds too many parts to be a spreadsheet.',
  tooLargeUncompressed: 'the file unpacks to more than the import limit; split it into smaller files.',
  compressionRatio: 'the file is packed far more tightly than any spreadsheet (a "zip bomb"); it was not opened.',
  corrupt: 'the file is damaged or not a spreadsheet.',
} as const;

function readText(fileName: string, bytes: Buffer, options: ReadOptions): ReadTable {
  const detected = detectEncoding(bytes).encoding;
  const encoding = options.encoding ?? detected;
  const text = decodeText(bytes, encoding);
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter, importLimits.maxRows + 1);
  const tooManyColumns = parsed.rows.some((row) => row.length > importLimits.maxColumns);
  checkShape(fileName, parsed.tooManyRows, tooManyColumns);
  return { format: 'csv', encoding, detectedEncoding: detected, delimiter, sheets: [], sheet: null, rows: parsed.rows };
}

function checkShape(fileName: string, tooManyRows: boolean, tooManyColumns: boolean): void {
  if (tooManyRows) {
    throw fileRefused(fileName, 'tooManyRows', `the file has more than ${importLimits.maxRows.toLocaleString('en')} rows; split it.`, {
      limit: importLimits.maxRows,
    });
  }
  if (tooManyColumns) {
    throw fileRefused(fileName, 'tooManyColumns', `the file has more than ${importLimits.maxColumns} columns.`, {
      limit: importLimits.maxColumns,
    });
  }
}

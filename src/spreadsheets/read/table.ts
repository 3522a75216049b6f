// Any merchant file -> one table of cells. What the file is comes from its
// bytes, not its name: XLSX / XLS / ODS through SheetJS, text (CSV / TSV / TXT)
// decoded (detected or chosen encoding) and parsed here; images, PDFs, other
// archives and binaries are refused as "not a spreadsheet", an empty file as
// empty. Hostile or oversized files are refused with a reason the UI translates.
import { AppError } from '../../shared/app-error.js';
import { contentKind, isBlankText, looksBinary, type NotSpreadsheet } from './content-kind.js';
import { detectDecimalMark, type DecimalMark } from './decimal-mark.js';
import { parseDelimited, sniffDelimiter, type Delimiter } from './delimited.js';
import { decodeText, detectEncoding, type TextEncoding } from './encoding.js';
import { importLimits } from './limits.js';
import { readWorkbook } from './workbook.js';
import { checkZip, zipKind } from './zip-check.js';

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
  /** How the file writes decimals (12,50 or 12.50), decided once for all its numbers. */
  decimalMark: DecimalMark;
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

const notSpreadsheetMessages: Record<NotSpreadsheet, string> = {
  image: 'the file is an image, not a spreadsheet.',
  pdf: 'the file is a PDF document, not a spreadsheet.',
  archive: 'the file is a compressed archive, not a spreadsheet; unpack it and choose the spreadsheet inside.',
  document: 'the file is a text document, not a spreadsheet.',
  binary: 'the file is not a spreadsheet or a text (CSV / TSV) file.',
};

function notSpreadsheet(fileName: string, what: NotSpreadsheet): AppError {
  return fileRefused(fileName, `notSpreadsheet.${what}`, notSpreadsheetMessages[what]);
}

export function emptyFile(fileName: string): AppError {
  return fileRefused(fileName, 'emptyFile', 'the file is empty: it has no rows to import.');
}

export function readTable(fileName: string, bytes: Buffer, options: ReadOptions = {}): ReadTable {
  if (bytes.length > importLimits.maxFileBytes) {
    throw fileRefused(fileName, 'importFileTooLarge', `the file is larger than ${importLimits.maxFileBytes / 1024 / 1024} MB.`, {
      limitMb: importLimits.maxFileBytes / 1024 / 1024,
    });
  }
  const kind = contentKind(bytes);
  if (kind.kind === 'empty') throw emptyFile(fileName);
  if (kind.kind === 'refused') throw notSpreadsheet(fileName, kind.what);
  if (kind.kind === 'text') return readText(fileName, bytes, options);
  let format: FileFormat = 'xls';
  if (kind.kind === 'zip') {
    const verdict = checkZip(bytes);
    if (!verdict.ok) {
      throw fileRefused(fileName, `zip.${verdict.reason}`, zipMessages[verdict.reason], {
        limitMb: importLimits.maxUncompressedBytes / 1024 / 1024,
      });
    }
    const inside = zipKind(bytes);
    if (inside === 'document' || inside === 'archive') throw notSpreadsheet(fileName, inside);
    format = inside;
  }
  let table;
  try {
    table = readWorkbook(bytes, options.sheet);
  } catch {
    throw fileRefused(fileName, 'unreadableFile', 'the file could not be read as a spreadsheet (XLSX, XLS, ODS, CSV or TSV).');
  }
  if (table.empty === 'file') throw emptyFile(fileName);
  if (table.empty === 'sheet') throw fileRefused(fileName, 'emptySheet', `the sheet "${table.sheet}" is empty.`, { sheet: table.sheet });
  checkShape(fileName, table.tooManyRows, table.tooManyColumns);
  return {
    format,
    encoding: null,
    detectedEncoding: null,
    delimiter: null,
    decimalMark: detectDecimalMark(table.rows, null),
    sheets: table.sheets,
    sheet: table.sheet,
    rows: table.rows,
  };
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
  // Judged on the detected decoding only: an encoding the person forces may well look odd.
  if (encoding === detected && looksBinary(text)) throw notSpreadsheet(fileName, 'binary');
  if (isBlankText(text)) throw emptyFile(fileName);
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter, importLimits.maxRows + 1);
  const tooManyColumns = parsed.rows.some((row) => row.length > importLimits.maxColumns);
  checkShape(fileName, parsed.tooManyRows, tooManyColumns);
  return {
    format: 'csv',
    encoding,
    detectedEncoding: detected,
    delimiter,
    decimalMark: detectDecimalMark(parsed.rows, delimiter),
    sheets: [],
    sheet: null,
    rows: parsed.rows,
  };
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

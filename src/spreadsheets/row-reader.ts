// Reads one file row through the mapping, field by field, collecting issues
// that name the row, column and field. The blank-vs-missing rule lives here:
// `undefined` = keep the stored value (column absent, or blank and the person
// did not choose "blank clears"), `null` = clear it, otherwise the new value.
import type { RowIssue } from './contract.js';
import type { Mapping } from './mapping.js';
import { importLimits } from './read/limits.js';
import { textProblem } from '../shared/bounds.js';
import type { TableCell } from './read/table.js';
import type { ImportRow } from './targets/target.js';
import {
  cellContent,
  cellText,
  parseBoolean,
  parseDateTime,
  parseDecimal,
  parseInteger,
  parseList,
  parseMoney,
  parsePercent,
  unescapeWooLineBreaks,
  type LocalDateTime,
  type Parsed,
} from './values.js';
import { issueMessage } from './issue-messages.js';

export type Maybe<T> = T | null | undefined;

export interface ReadSettings {
  blankClears: boolean;
  /** The file writes 12,50 for 12.50 (decided once per file: read/decimal-mark.ts). */
  decimalComma: boolean;
}

/** Text as stored: not longer than the field allows, and no NUL or broken characters (shared/bounds.ts). */
function storableText(text: string, maxLength: number): Parsed<string> {
  if (text.length > maxLength) return { ok: false, reason: 'tooLong' };
  const problem = textProblem(text);
  return problem ? { ok: false, reason: problem } : { ok: true, value: text };
}

export class RowReader {
  readonly issues: RowIssue[] = [];

  constructor(
    private readonly mapping: Mapping,
    readonly row: ImportRow,
    private readonly settings: ReadSettings,
  ) {}

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  has(field: string): boolean {
    return this.mapping.has(field);
  }

  private cell(field: string): TableCell | undefined {
    const column = this.mapping.column(field);
    return column === undefined ? undefined : (this.row.cells[column] ?? null);
  }

  /** The cell as text ('' when blank or unmapped), for keys and grouping. */
  raw(field: string): string {
    return cellText(this.cell(field));
  }

  isBlank(field: string): boolean {
    return this.has(field) && this.raw(field) === '';
  }

  read<T>(field: string, parse: (cell: TableCell) => Parsed<T>): Maybe<T> {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    if (cellText(cell) === '') return this.settings.blankClears ? null : undefined;
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.issue(field, parsed.reason, { value: cellText(cell).slice(0, 60) });
    return undefined;
  }

  text(field: string, maxLength: number = importLimits.maxCellChars): Maybe<string> {
    return this.read(field, (cell) => storableText(cellText(cell), maxLength));
  }

  /**
   * Free text whose layout is content (a description, notes): a leading TAB is kept, and a
   * WooCommerce file's escaped line breaks (`\n` written as two characters) become line breaks.
   */
  prose(field: string, maxLength: number = importLimits.maxCellChars, options: { wooLineBreaks?: boolean } = {}): Maybe<string> {
    return this.read(field, (cell) => {
      const content = cellContent(cell);
      return storableText(options.wooLineBreaks ? unescapeWooLineBreaks(content) : content, maxLength);
    });
  }

  /** A number that may have decimals (a weight, a measure), in the file's decimal mark. */
  decimal(field: string, options: { min?: number } = {}): Maybe<number> {
    return this.read(field, (cell) => {
      const parsed = parseDecimal(cell, this.settings.decimalComma);
      if (parsed.ok && options.min !== undefined && parsed.value < options.min) return { ok: false, reason: options.min === 0 ? 'negative' : 'belowMinimum' };
      return parsed;
    });
  }

  money(field: string): Maybe<number> {
    return this.read(field, (cell) => parseMoney(cell, this.settings.decimalComma));
  }

  integer(field: string, min?: number): Maybe<number> {
    return this.read(field, (cell) => parseInteger(cell, this.settings.decimalComma, min === undefined ? {} : { min }));
  }

  percent(field: string): Maybe<number> {
    return this.read(field, (cell) => parsePercent(cell, this.settings.decimalComma));
  }

  boolean(field: string): Maybe<boolean> {
    return this.read(field, parseBoolean);
  }

  dateTime(field: string): Maybe<LocalDateTime> {
    return this.read(field, parseDateTime);
  }

  list(field: string): Maybe<string[]> {
    return this.read(field, (cell) => ({ ok: true, value: parseList(cell) }));
  }

  /** Picks a value from a fixed vocabulary (English and Chinese spellings -> stored value). */
  choice<T extends string>(field: string, vocabulary: ReadonlyMap<string, T>): Maybe<T> {
    return this.read(field, (cell) => {
      const value = vocabulary.get(cellText(cell).toLowerCase());
      return value === undefined ? { ok: false, reason: 'notAChoice' } : { ok: true, value };
    });
  }

  /** Records that a value is needed (e.g. a title to create a product). */
  require(field: string, value: unknown): void {
    // A cell that could not be read already has its issue; "needed" would say it twice.
    if (this.issues.some((issue) => issue.field === field)) return;
    if (value === undefined || value === null || value === '') this.issue(field, 'required', {});
  }

  issue(field: string | null, key: string, params: Record<string, string | number>): void {
    const column = field === null ? undefined : this.mapping.column(field);
    const header = field === null ? null : this.mapping.header(field);
    // Where: the column as headed in the file, else the field's English name (never its key).
    const full = { ...params, row: this.row.rowNumber, column: header ?? (field === null ? '' : this.mapping.label(field)) };
    this.issues.push({
      field,
      column: column ?? null,
      header,
      key,
      params: full,
      message: issueMessage(key, full),
    });
  }
}

// What an import target is: the fields a file's columns can map to (with the
// header synonyms merchants and platforms use), how rows become a plan (every
// row's outcome and diff, read from the database, nothing written), and how a
// plan is written (a generator, so the driver can report progress and honour
// cancel between units of work inside its one transaction).
import type { Db } from '../../db/open.js';
import type { HistoryService } from '../../history/service.js';
import type { Clock } from '../../shared/clock.js';
import type { TableCell } from '../read/table.js';
import type { ImportNotice, ImportOptions, RowIssue, RowPlan } from '../contract.js';
import type { Mapping } from '../mapping.js';

export type FieldType = 'text' | 'integer' | 'money' | 'percent' | 'boolean' | 'date' | 'status' | 'list';

export interface FieldSpec {
  key: string;
  type: FieldType;
  /** Template headers (and synonyms too). */
  en: string;
  zh: string;
  /** Header spellings that map to this field: English, Chinese, platform exports. Compared normalised. */
  synonyms: readonly string[];
  /** Must have a value to create a record ('create'), or on every row ('always'). */
  required?: 'create' | 'always';
}

export interface ImportRow {
  /** The row number the spreadsheet shows (1-based). */
  rowNumber: number;
  cells: readonly TableCell[];
}

export interface PlanInput {
  db: Db;
  clock: Clock;
  rows: readonly ImportRow[];
  mapping: Mapping;
  options: ImportOptions;
  /** The file writes 12,50 for 12.50 (semicolon-separated files from European locales). */
  decimalComma: boolean;
}

export interface WriteContext {
  db: Db;
  clock: Clock;
  history: HistoryService;
  changeSetId: number;
  actor: string;
  options: ImportOptions;
}

export interface TargetPlan {
  /**
   * Every row's outcome, key, label and issues. With `changesOf`, the rows' `changes` may be left
   * empty and are built on demand: read a row's shown changes through `shownRow` (below).
   */
  rows: RowPlan[];
  /**
   * The changes a row shows, built from what the plan keeps to write it anyway — for targets whose
   * rows would otherwise each hold their own change objects (100,000 new products: ~6 per row).
   */
  changesOf?(row: RowPlan): RowPlan['changes'];
  /** What the apply will also create or assume, shown above the preview (build them with `notice()`). */
  notices?: ImportNotice[];
  /**
   * Writes the rows whose outcome is create/update (errors are never written); yields after
   * each unit. Uses only `ctx.db`: a plan made for the preview may be reused by the apply.
   */
  write(ctx: WriteContext): Generator<void, void, void>;
}

export interface ImportTarget {
  id: string;
  fields: readonly FieldSpec[];
  /** Options the person must choose before preview (e.g. the location stock is counted in). */
  needs: readonly ('locationId' | 'stocktakeId' | 'purchaseOrderId')[];
  /** The downloadable template: these fields in this order, with one example row. */
  template: { fields: readonly string[]; example: readonly (string | number)[] };
  plan(input: PlanInput): TargetPlan;
  /** Adjusts the automatic mapping where a header means different fields in different files. */
  refineAssignments?(headers: readonly string[], assignments: (string | null)[]): (string | null)[];
}

/** A row as the preview shows it: with its changes, built on demand where the plan builds them. */
export function shownRow(plan: Pick<TargetPlan, 'changesOf'>, row: RowPlan): RowPlan {
  return plan.changesOf ? { ...row, changes: plan.changesOf(row) } : row;
}

export type { ImportNotice, RowIssue, RowPlan };

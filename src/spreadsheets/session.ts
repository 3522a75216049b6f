// One import in progress: the file as read, its header row and data rows, the
// mapping, the options and the latest preview. Sessions live in memory (a
// preview of 100k rows is not worth persisting); the file bytes are kept so a
// different encoding or sheet can be chosen without sending the file again.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { ImportCounts, ImportNotice, ImportOptions, ImportSession, ImportTargetId, RowIssue, RowPlan } from './contract.js';
import { issueMessage } from './issue-messages.js';
import { autoAssign, findHeaderRow, isHostileHeader, layoutKey, Mapping, synonymIndex } from './mapping.js';
import { createMappingStore } from './mapping-store.js';
import { largePriceChanges, type LargePriceChange } from './large-price-changes.js';
import { createSettingsStore } from '../settings/store.js';
import type { TextEncoding } from './read/encoding.js';
import { readTable, type ReadTable } from './read/table.js';
import type { ImportRow, ImportTarget, TargetPlan } from './targets/target.js';
import { cellText } from './values.js';
import { auditChangesOn } from '../audit/recorder.js';

const sampleCount = 5;

export interface SessionState {
  id: string;
  targetId: ImportTargetId;
  target: ImportTarget;
  fileName: string;
  bytes: Buffer;
  table: ReadTable;
  headerRow: number;
  headers: string[];
  rows: ImportRow[];
  mapping: Mapping;
  mappingSource: 'auto' | 'remembered' | 'manual';
  options: ImportOptions;
  plan: TargetPlan | null;
  /** The database's write marks when the plan was made: unchanged marks let the apply reuse it. */
  plannedAt: WriteMarks | null;
  counts: ImportCounts;
  fileIssues: RowIssue[];
  notices: ImportNotice[];
  /** Price and cost changes beyond the confirmation threshold (large-price-changes.ts). */
  largePriceChanges: LargePriceChange[];
  largePriceChangeCount: number;
  applied: { changeSetId: number | null; written: number; skipped: number } | null;
  applying: boolean;
}

export function readSession(
  state: Pick<SessionState, 'fileName' | 'bytes' | 'target'>,
  encoding: TextEncoding | undefined,
  sheet: string | undefined,
) {
  const table = readTable(state.fileName, state.bytes, { encoding, sheet });
  const headerRow = findHeaderRow(table.rows, synonymIndex(state.target.fields));
  const width = table.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const headerCells = table.rows[headerRow] ?? [];
  const headers = Array.from({ length: width }, (_, c) => cellText(headerCells[c] ?? null));
  const rows: ImportRow[] = [];
  for (let r = headerRow + 1; r < table.rows.length; r += 1) {
    const cells = table.rows[r] ?? [];
    // Fully blank rows (spacers between blocks, trailing rows) are not data.
    if (cells.every((cell) => cell === null || cellText(cell) === '')) continue;
    rows.push({ rowNumber: r + 1, cells });
  }
  return { table, headerRow, headers, rows };
}

export function createSessionState(
  db: Db,
  clock: Clock,
  input: { targetId: ImportTargetId; target: ImportTarget; fileName: string; bytes: Buffer; encoding?: TextEncoding | undefined; sheet?: string | undefined; options: ImportOptions },
): SessionState {
  const read = readSession(input, input.encoding, input.sheet);
  const remembered = createMappingStore(db).get(layoutKey(input.targetId, read.headers), read.headers.length);
  const state: SessionState = {
    id: randomUUID(),
    targetId: input.targetId,
    target: input.target,
    fileName: input.fileName,
    bytes: input.bytes,
    ...read,
    mapping: new Mapping(read.headers, remembered ?? autoAssign(read.headers, input.target), input.target.fields),
    mappingSource: remembered ? 'remembered' : 'auto',
    options: input.options,
    plan: null,
    plannedAt: null,
    counts: { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 },
    fileIssues: [],
    notices: [],
    largePriceChanges: [],
    largePriceChangeCount: 0,
    applied: null,
    applying: false,
  };
  preview(state, db, clock);
  return state;
}

/** Plans every row against the database as it is now; nothing is written. */
export function preview(state: SessionState, db: Db, clock: Clock): void {
  state.fileIssues = fileIssues(state);
  const missingOption = state.target.needs.find((option) => state.options[option] === undefined);
  if (missingOption) {
    state.plan = null;
    state.plannedAt = null;
    state.counts = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
    state.notices = [];
    state.largePriceChanges = [];
    state.largePriceChangeCount = 0;
    return;
  }
  state.plan = state.target.plan({ db, clock, rows: state.rows, mapping: state.mapping, options: state.options, decimalComma: state.table.decimalMark === 'comma' });
  state.plannedAt = writeMarks(db);
  state.counts = countOutcomes(state.plan.rows);
  const threshold = createSettingsStore(db).get()?.priceChangeConfirmPercent ?? 50;
  const large = largePriceChanges(state.plan.rows, state.target.fields, threshold);
  state.largePriceChanges = large.changes;
  state.largePriceChangeCount = large.count;
  state.notices = [...(state.plan.notices ?? []), ...large.notices];
}

export interface WriteMarks {
  dataVersion: number;
  totalChanges: number;
}

/**
 * What tells whether the shop was written since: data_version moves when another
 * connection commits, total_changes() when this one writes.
 */
export function writeMarks(db: Db): WriteMarks {
  return {
    dataVersion: Number(db.pragma('data_version', { simple: true })),
    // The audit's own rows (the backup before the import, the call that started it) are not shop data.
    totalChanges: (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - auditChangesOn(db),
  };
}

export function sameMarks(a: WriteMarks | null, b: WriteMarks): boolean {
  return a !== null && a.dataVersion === b.dataVersion && a.totalChanges === b.totalChanges;
}

function countOutcomes(rows: readonly RowPlan[]): ImportCounts {
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/** `shown`: the params as English text names them (a field's label where `params` has its key). */
function fileIssue(key: string, field: string | null, params: Record<string, string | number>, shown = params): RowIssue {
  return { field, column: null, header: null, key, params, message: issueMessage(key, shown) };
}

function fileIssues(state: SessionState): RowIssue[] {
  const issues: RowIssue[] = [];
  state.headers.forEach((header, column) => {
    if (isHostileHeader(header)) issues.push({ ...fileIssue('hostileHeader', null, { value: header }), column, header });
  });
  for (const field of state.target.fields) {
    if (field.required === 'always' && !state.mapping.has(field.key)) issues.push(fileIssue('noColumnFor', field.key, { field: field.key }, { field: field.en }));
  }
  for (const option of state.target.needs) {
    if (state.options[option] === undefined) issues.push(fileIssue('optionNeeded', option, { option }));
  }
  return issues;
}

export function rememberMapping(state: SessionState, db: Db, clock: Clock): void {
  createMappingStore(db).remember(layoutKey(state.targetId, state.headers), state.targetId, state.mapping.assignments(), clock.now().toISOString());
}

export function describeSession(state: SessionState): ImportSession {
  const assignments = state.mapping.assignments();
  return {
    sessionId: state.id,
    target: state.targetId,
    fileName: state.fileName,
    format: state.table.format,
    encoding: state.table.encoding,
    detectedEncoding: state.table.detectedEncoding,
    delimiter: state.table.delimiter,
    decimalMark: state.table.decimalMark,
    sheets: state.table.sheets,
    sheet: state.table.sheet,
    headerRow: state.headerRow + 1,
    dataRows: state.rows.length,
    columns: state.headers.map((header, index) => ({
      index,
      header,
      samples: state.rows
        .slice(0, sampleCount)
        .map((row) => cellText(row.cells[index] ?? null).slice(0, 80)),
      field: assignments[index] ?? null,
      refused: isHostileHeader(header),
    })),
    fields: state.target.fields.map((field) => ({ key: field.key, en: field.en, zh: field.zh, type: field.type, required: field.required ?? null })),
    mappingSource: state.mappingSource,
    options: state.options,
    counts: state.counts,
    fileIssues: state.fileIssues,
    notices: state.notices,
    largePriceChanges: state.largePriceChanges,
    largePriceChangeCount: state.largePriceChangeCount,
    applied: state.applied,
  };
}

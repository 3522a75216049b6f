// Folds the capture rows one call left (written by the triggers of 0020_audit.sql)
// into the before and after of its audit row: one entry per changed row, keyed
// `table:key`, holding its values before the call and after it (null = it did not
// exist). A row written several times in one call keeps its first before and its
// last after; a row created and deleted in the same call leaves nothing.
import type { CaptureRow } from './store.js';

/** At most this many rows are kept per audit row (a coupon batch, a 100k-row import); the rest are counted. */
export const maxCapturedRows = 500;

export type RowValues = Record<string, unknown>;

export interface FoldedCapture {
  before: Record<string, RowValues | null>;
  after: Record<string, RowValues | null>;
  /** Changed rows per table, all counted (kept or not). */
  tables: Record<string, number>;
  /** Rows changed but not kept (over maxCapturedRows). */
  omitted: number;
}

function parseRow(text: string | null): RowValues | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RowValues) : null;
}

export function foldCapture(rows: Iterable<CaptureRow>, limit = maxCapturedRows): FoldedCapture {
  const kept = new Map<string, { before: RowValues | null; after: RowValues | null }>();
  const seen = new Set<string>();
  const tables: Record<string, number> = {};
  let omitted = 0;
  for (const row of rows) {
    const key = `${row.tableName}:${row.rowKey}`;
    const entry = kept.get(key);
    if (entry) {
      entry.after = parseRow(row.afterJson);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    tables[row.tableName] = (tables[row.tableName] ?? 0) + 1;
    if (kept.size < limit) kept.set(key, { before: parseRow(row.beforeJson), after: parseRow(row.afterJson) });
    else omitted += 1;
  }
  const before: Record<string, RowValues | null> = {};
  const after: Record<string, RowValues | null> = {};
  for (const [key, entry] of kept) {
    if (entry.before === null && entry.after === null) {
      // Created and removed within the call: nothing changed in the end.
      const table = key.slice(0, key.indexOf(':'));
      tables[table] = (tables[table] ?? 1) - 1;
      if (tables[table] === 0) delete tables[table];
      continue;
    }
    before[key] = entry.before;
    after[key] = entry.after;
  }
  return { before, after, tables, omitted };
}

export function isEmptyCapture(folded: FoldedCapture): boolean {
  return Object.keys(folded.after).length === 0 && folded.omitted === 0;
}

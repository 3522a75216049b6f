// Columns -> fields. Headers are compared normalised (case, width, spaces and
// punctuation folded), the header row is found among the first rows (titles
// above it, two-row headers), and a column whose header names an object
// prototype property is never mapped (hostile files).
import type { TableCell } from './read/table.js';
import { cellText } from './values.js';
import type { FieldSpec, ImportTarget } from './targets/target.js';

const hostileHeaders = new Set(['__proto__', 'constructor', 'prototype', '__definegetter__', '__definesetter__', '__lookupgetter__']);
const headerSearchRows = 30;

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*:：\-–—.'"`]/g, '');
}

export function isHostileHeader(text: string): boolean {
  return hostileHeaders.has(text.trim().toLowerCase());
}

/** Normalised synonym -> field key, built once per target. */
export function synonymIndex(fields: readonly FieldSpec[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const field of fields) {
    for (const synonym of [field.key, field.en, field.zh, ...field.synonyms]) {
      const key = normaliseHeader(synonym);
      if (!index.has(key)) index.set(key, field.key);
    }
  }
  return index;
}

/** The row (0-based) whose cells match the most field synonyms; the first non-blank row when none match. */
export function findHeaderRow(rows: readonly (readonly TableCell[])[], index: Map<string, string>): number {
  let best = -1;
  let bestMatches = 0;
  let firstNonBlank = -1;
  for (let r = 0; r < Math.min(rows.length, headerSearchRows); r += 1) {
    const cells = (rows[r] ?? []).map((cell) => cellText(cell));
    if (firstNonBlank < 0 && cells.some((text) => text !== '')) firstNonBlank = r;
    const matched = new Set(cells.map((text) => index.get(normaliseHeader(text))).filter((key) => key !== undefined));
    if (matched.size > bestMatches) {
      best = r;
      bestMatches = matched.size;
    }
  }
  return best >= 0 ? best : Math.max(firstNonBlank, 0);
}

/** Field key -> column index. Built from the headers, a remembered layout, or the person's choices. */
export class Mapping {
  private readonly byField = new Map<string, number>();
  private readonly labels: ReadonlyMap<string, string>;

  /** `fields` name the target's fields in English texts (issue messages), never by their keys. */
  constructor(
    readonly headers: readonly string[],
    assignments: readonly (string | null)[],
    fields: readonly FieldSpec[] = [],
  ) {
    this.labels = new Map(fields.map((field) => [field.key, field.en]));
    assignments.forEach((field, column) => {
      if (field !== null && !this.byField.has(field) && !isHostileHeader(headers[column] ?? '')) this.byField.set(field, column);
    });
  }

  column(field: string): number | undefined {
    return this.byField.get(field);
  }

  has(field: string): boolean {
    return this.byField.has(field);
  }

  header(field: string): string | null {
    const column = this.byField.get(field);
    return column === undefined ? null : (this.headers[column] ?? null);
  }

  /** The field's English name (its template header); the key only for a field the target does not declare. */
  label(field: string): string {
    return this.labels.get(field) ?? field;
  }

  /** Per column, the field it feeds (null = ignored). */
  assignments(): (string | null)[] {
    const result: (string | null)[] = this.headers.map(() => null);
    for (const [field, column] of this.byField) result[column] = field;
    return result;
  }
}

export function autoAssign(headers: readonly string[], target: ImportTarget): (string | null)[] {
  const index = synonymIndex(target.fields);
  const taken = new Set<string>();
  const assignments = headers.map((header) => {
    if (isHostileHeader(header)) return null;
    const field = index.get(normaliseHeader(header));
    if (field === undefined || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  return target.refineAssignments ? target.refineAssignments(headers, assignments) : assignments;
}

/** The same file layout (target + normalised headers) gets the same remembered mapping. */
export function layoutKey(targetId: string, headers: readonly string[]): string {
  return `${targetId}|${headers.map(normaliseHeader).join('|')}`;
}

// Small pieces every target uses: a row's outcome from its issues and
// changes, "appears again on row N" checks, field-by-field diffs, and the
// change-set items a write records.
import type { Db } from '../../db/open.js';
import type { ChangeValue } from '../../history/contract.js';
import { createSettingsStore } from '../../settings/store.js';
import type { RowPlan } from '../contract.js';
import type { RowReader } from '../row-reader.js';
import type { WriteContext } from './target.js';

export type Change = RowPlan['changes'][number];

/** The shop's settings an import reads (time zone, currency, language); imports need a shop. */
export function shopSettings(db: Db): { timeZone: string; currency: string; locale: 'en' | 'zh-CN' } {
  return createSettingsStore(db).get() ?? { timeZone: 'UTC', currency: 'USD', locale: 'en' };
}

/** Diffs the values a row brings (undefined = keep) against what is stored. */
export function diff<T extends Record<string, ChangeValue>>(stored: T, incoming: { [K in keyof T]?: T[K] | undefined }): Change[] {
  const changes: Change[] = [];
  for (const key of Object.keys(incoming) as (keyof T & string)[]) {
    const value = incoming[key];
    if (value === undefined) continue;
    if (value !== stored[key]) changes.push({ field: key, before: stored[key] ?? null, after: value ?? null });
  }
  return changes;
}

export function outcomeOf(reader: RowReader, exists: boolean, changes: readonly Change[]): RowPlan['outcome'] {
  if (reader.issues.length > 0) return 'error';
  if (!exists) return 'create';
  return changes.length > 0 ? 'update' : 'unchanged';
}

/** Remembers the first row of each key; a later row with the same key gets an issue naming it. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  check(reader: RowReader, field: string, key: string): boolean {
    const normalised = key.toLowerCase();
    const first = this.rows.get(normalised);
    if (first !== undefined) {
      reader.issue(field, 'duplicateInFile', { value: key, otherRow: first });
      return false;
    }
    this.rows.set(normalised, reader.rowNumber);
    return true;
  }
}

export function recordCreated(ctx: WriteContext, entity: string, id: number): void {
  ctx.history.addItem(ctx.changeSetId, { entity, entityId: id, field: '$row', before: false, after: true });
}

/** One item per changed column; `columns` maps a plan field to its table column. */
export function recordChanges(ctx: WriteContext, entity: string, id: number, changes: readonly Change[], columns: Record<string, string>): void {
  for (const change of changes) {
    const column = columns[change.field];
    if (column === undefined) continue;
    ctx.history.addItem(ctx.changeSetId, { entity, entityId: id, field: column, before: change.before, after: change.after });
  }
}

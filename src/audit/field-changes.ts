// An audit row's before and after ({ "table:key": row values | null }) as the list
// of field changes History shows: a created row lists its values (before empty), a
// deleted one its last values (after empty), an edited one only what differs.
import type { ChangeValue } from '../history/contract.js';
import type { AuditFieldChange } from './contract.js';
import { isSecretKey, redacted } from './redact.js';

type RowMap = Record<string, Record<string, unknown> | null>;

/** Fields that name the row rather than describe it, in the order tried for its label. */
const labelFields = ['name', 'number', 'code', 'sku', 'label', 'login', 'kpi', 'date', 'path'] as const;

function asChangeValue(field: string, value: unknown): ChangeValue {
  if (value === undefined || value === null) return null;
  if (isSecretKey(field)) return redacted;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function labelOf(values: Record<string, unknown> | null | undefined): string | null {
  if (!values) return null;
  for (const field of labelFields) {
    const value = values[field];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The `"table:rowKey" -> { field: value }` map of a before/after column; entries of any other shape are not rows and are left out. */
export function parseRowMap(text: string | null): RowMap {
  if (text === null) return {};
  const value: unknown = JSON.parse(text);
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, row]) => isPlainObject(row))) as RowMap;
}

/** Every field change of a row's before/after maps, in key order of the after map. */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): AuditFieldChange[] {
  const before = parseRowMap(beforeJson);
  const after = parseRowMap(afterJson);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const changes: AuditFieldChange[] = [];
  for (const key of keys) {
    const split = key.indexOf(':');
    const table = split < 0 ? key : key.slice(0, split);
    const rowKey = split < 0 ? '' : key.slice(split + 1);
    const old = before[key] ?? null;
    const now = after[key] ?? null;
    const label = labelOf(now) ?? labelOf(old);
    const fields = [...new Set([...Object.keys(now ?? {}), ...Object.keys(old ?? {})])];
    for (const field of fields) {
      const was = asChangeValue(field, old?.[field]);
      const is = asChangeValue(field, now?.[field]);
      if (was === is) continue;
      changes.push({ table, rowKey, label, field, before: was, after: is });
    }
  }
  return changes;
}

const show = (value: ChangeValue): string => (value === null ? '—' : String(value));

/** The changes as one line ("suppliers 12 name: Acme → Acme Ltd; …"), for exports. */
export function changesLine(changes: readonly AuditFieldChange[]): string {
  return changes.map((c) => `${c.table} ${c.label ?? c.rowKey} ${c.field}: ${show(c.before)} → ${show(c.after)}`).join('; ');
}

// How the audit log's stored names read in the UI language: kinds (contract methods
// and events), areas, origins, tables and columns, and the values of a field change.
// A name this build has no words for is shown as stored, never hidden.
import type { ChangeValue } from '../../../../src/history/contract.js';
import type { I18n } from '../../i18n/context.js';
import { isMessageKey } from '../../i18n/translate.js';

type T = I18n['t'];

function named(t: T, key: string, raw: string): string {
  return isMessageKey(key) ? t(key) : raw;
}

export const kindLabel = (t: T, kind: string): string => named(t, `audit.kind.${kind}`, kind);
export const areaLabel = (t: T, area: string): string => named(t, `audit.area.${area}`, area);
export const originLabel = (t: T, origin: string): string => named(t, `audit.origin.${origin}`, origin);

/** A table by its person's name; change-set entities use History's words. */
export function tableLabel(t: T, table: string): string {
  const key = `audit.table.${table}`;
  return isMessageKey(key) ? t(key) : named(t, `history.entity.${table}`, table);
}

export function fieldLabel(t: T, field: string): string {
  const key = `audit.field.${field}`;
  return isMessageKey(key) ? t(key) : named(t, `history.field.${field}`, field);
}

/** The shop acting on its own is named in the reader's language. */
export function personLabel(t: T, personId: number, name: string): string {
  return personId === 0 ? t('audit.shopPerson') : name;
}

export function valueText(t: T, field: string, value: ChangeValue, formatNumber: (n: number) => string): string {
  if (value === null) return t('history.value.none');
  if (typeof value === 'boolean') return t(value ? 'history.value.true' : 'history.value.false');
  if (typeof value === 'number') return formatNumber(value);
  if (field === 'status') return named(t, `status.${value}`, value);
  return value;
}

// Labels for what the core sends by key (field names, outcomes, issues),
// falling back to the raw key for a field this build has no label for yet.
import type { Locale } from '../../../../src/settings/contract.js';
import type { ImportNotice, ImportSession, RowIssue } from '../../../../src/spreadsheets/contract.js';
import { isMessageKey } from '../../i18n/translate.js';
import type { MessageKey } from '../../i18n/en.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A field's name: the target's own label in the UI language, else a shared label (an import
 * field, an import option such as the location, a form field); the key only as a last resort.
 */
export function fieldLabel(t: T, locale: Locale, fields: ImportSession['fields'], field: string): string {
  const info = fields.find((candidate) => candidate.key === field);
  if (info) return locale === 'zh-CN' ? info.zh : info.en;
  for (const key of [`imports.field.${field}`, `imports.option.${field}`, `field.${field}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return field;
}

export function issueText(t: T, issue: RowIssue, label: (field: string) => string = (field) => field): string {
  const key = `importIssues.${issue.key}`;
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.field === 'string') params.field = label(params.field);
  // Option names and targets' option keys read better translated.
  if (typeof params.option === 'string' && isMessageKey(`imports.option.${params.option}`)) params.option = t(`imports.option.${params.option}` as MessageKey);
  const text = isMessageKey(key) ? t(key, params) : issue.message;
  // Where: the column as headed in the file, or the field when no column feeds it.
  const where = issue.header ?? (issue.field !== null && issue.key !== 'noColumnFor' ? label(issue.field) : null);
  return where ? `${where}: ${text}` : text;
}

/** A preview notice in the UI language (its English text when this build has no translation for the key). */
export function noticeText(t: T, notice: ImportNotice, label: (field: string) => string = (field) => field): string {
  const key = `importNotices.${notice.key}`;
  const params: Record<string, string | number> = { ...notice.params };
  if (typeof params.field === 'string') params.field = label(params.field);
  return isMessageKey(key) ? t(key, params) : notice.message;
}

/** Fields whose values are money in minor units, whatever the target. */
export const moneyFields = new Set(['price', 'compareAtPrice', 'cost', 'unitCost', 'unitPrice', 'lineDiscount', 'refundAmount', 'regularPrice', 'salePrice']);

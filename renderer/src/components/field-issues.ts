// Which field of a form a refused call points at, so the form can mark it
// (aria-invalid, red border, the reason beside it) while the toast says the
// same in words. Also: renumbering a call's `lines.<i>` issues to the row the
// person sees when the form sent only some of its rows (empty ones left out).
import { useCallback, useMemo, useState } from 'react';
import type { FieldIssue } from '../../../src/shared/envelope.js';
import { ApiError, toApiError } from '../api/api-error.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { isMessageKey, type Params } from '../i18n/translate.js';

/**
 * Whether an issue's path is at `pattern` or inside it. `*` stands for one
 * segment: `lines.*.quantity` matches `lines.2.quantity`; `variants` matches
 * `variants.0.sku`.
 */
export function pathMatches(path: string, pattern: string): boolean {
  const have = path.split('.');
  const want = pattern.split('.');
  if (have.length < want.length) return false;
  return want.every((part, i) => part === '*' || part === have[i]);
}

/** The translated text of one issue (what is wrong, without where: the field is right there). */
export function issueText(issue: Pick<FieldIssue, 'path' | 'key' | 'params'>, tKey: I18n['tKey'], extra?: Params): string {
  // A spreadsheet row's issue (importHasErrors: `rows.14.price`) has its text under
  // importIssues, where the same key may mean something else ("tooLarge").
  const own = `errors.${issue.key}`;
  const imported = `importIssues.${issue.key}`;
  const key = issue.path.startsWith('rows.') && isMessageKey(imported) ? imported : isMessageKey(own) ? own : imported;
  return tKey(key, 'errors.invalidInput', { ...extra, ...issue.params });
}

/** Where the state words of a document's refusal are translated (`poState` → `po.state.sent`). */
const statusLabels: Record<string, string> = { poState: 'po.state.', transferState: 'transfer.state.', stocktakeState: 'stocktake.state.' };

/**
 * An error's params in the reader's language: the core sends states and actions
 * as words of its own ('partially_received', 'received'); these read as
 * "Partly received" / "部分到货". Everything else (SKUs, numbers, names) stays.
 */
export function localizeParams(key: string, params: Params | undefined, tKey: I18n['tKey']): Params | undefined {
  if (!params) return params;
  const out: Params = { ...params };
  const { status, action } = params;
  const prefix = statusLabels[key];
  if (typeof status === 'string') {
    const own = `errors.status.${status}`;
    if (isMessageKey(own)) out.status = tKey(own, 'errors.status.missing');
    else if (prefix && isMessageKey(`${prefix}${status}`)) out.status = tKey(`${prefix}${status}`, 'errors.status.missing');
  }
  if (typeof action === 'string' && isMessageKey(`errors.action.${action}`)) out.action = tKey(`errors.action.${action}`, 'errors.action.sent');
  return out;
}

export interface FieldIssues {
  /** Keeps the field problems of a refused call (replacing the earlier ones) and returns the error, for showError. */
  take(error: unknown): unknown;
  clear(): void;
  /** What is wrong at any of these paths (`lines.*.quantity`), translated; null when nothing is. */
  issueFor(...patterns: string[]): string | null;
  /** Props for the input at these paths: aria-invalid and a tooltip saying why. */
  fieldProps(...patterns: string[]): { 'aria-invalid'?: true; title?: string };
}

export function useFieldIssues(): FieldIssues {
  const { tKey } = useI18n();
  const [state, setState] = useState<{ issues: FieldIssue[]; params: Params | undefined }>({ issues: [], params: undefined });

  const take = useCallback((error: unknown) => {
    const { details } = toApiError(error);
    setState({ issues: details.issues ?? [], params: details.params });
    return error;
  }, []);
  const clear = useCallback(() => setState({ issues: [], params: undefined }), []);

  return useMemo<FieldIssues>(() => {
    const issueFor = (...patterns: string[]): string | null => {
      const found = state.issues.find((issue) => patterns.some((pattern) => pathMatches(issue.path, pattern)));
      return found ? issueText(found, tKey, state.params) : null;
    };
    return {
      take,
      clear,
      issueFor,
      fieldProps(...patterns) {
        const text = issueFor(...patterns);
        return text === null ? {} : { 'aria-invalid': true, title: text };
      },
    };
  }, [state, take, clear, tKey]);
}

/** Where one sent row came from: its index in the form, and its SKU when known. */
export interface SentRow {
  index: number;
  sku?: string;
}

/**
 * Renumbers `<list>.<i>` issues of a refused call from the position in what was
 * sent to the row the person sees (`sent[i].index`), and names each row's SKU, so
 * "Line 1" is never said of the third line. Other errors pass through unchanged.
 */
export function toVisibleRows(error: unknown, sent: readonly SentRow[], list = 'lines'): unknown {
  if (!(error instanceof ApiError) || !error.details.issues) return error;
  const pattern = new RegExp(`^${list}\\.(\\d+)(?=\\.|$)`);
  const issues = error.details.issues.map((issue) => {
    const match = pattern.exec(issue.path);
    const row = match ? sent[Number(match[1])] : undefined;
    if (!match || !row) return issue;
    const path = issue.path.replace(pattern, `${list}.${row.index}`);
    const sku = issue.params?.sku ?? row.sku;
    return { ...issue, path, ...(sku === undefined ? {} : { params: { ...issue.params, sku } }) };
  });
  return new ApiError(error.code, error.message, { ...error.details, issues });
}

/**
 * A call made for one row of a table without line numbers (a stocktake count
 * cell): its `lines.0.counted` issue is said of the row's SKU ("SKU TS-001 ·
 * Counted"), not as "Line 1" of a list the person never saw.
 */
export function asRowOf(error: unknown, sku: string, list = 'lines'): unknown {
  if (!(error instanceof ApiError) || !error.details.issues) return error;
  const pattern = new RegExp(`^${list}\\.\\d+\\.?`);
  const issues = error.details.issues.map((issue) =>
    pattern.test(issue.path) ? { ...issue, path: issue.path.replace(pattern, ''), params: { sku, ...issue.params } } : issue,
  );
  return new ApiError(error.code, error.message, { ...error.details, issues });
}

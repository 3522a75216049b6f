// Toasts: short confirmations and readable errors. An error shows the
// translated `errors.<key>`, where each field problem is (row, SKU, field label)
// and what to do next — never a message or stack from the core, which are for
// logs. "Try again / restart" is advice for unexpected failures only (INTERNAL,
// NETWORK, a crashed job): an expected refusal gets its own hint or none.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { toApiError, type ApiErrorCode } from '../api/api-error.js';
import type { FieldIssue } from '../../../src/shared/envelope.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { issueLocation } from './issue-location.js';
import { issueText, localizeParams } from './field-issues.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Params } from '../i18n/translate.js';

/** Keys, not text: a toast still on screen follows a language switch. */
interface Toast {
  id: number;
  kind: 'error' | 'success';
  /** The error's stable code: decides whether "try again / restart" is the right advice. */
  code: ApiErrorCode | null;
  errorKey: string | null;
  successKey: MessageKey | null;
  params: Params | undefined;
  /** Up to three field problems: where (path, params.sku) and what (i18n key). */
  issues: Pick<FieldIssue, 'path' | 'key' | 'params'>[];
  /** How many more field problems the error named. */
  moreIssues: number;
}

const shownIssues = 3;

/** Codes of failures nobody expected: only these are told to try again or restart. */
const unexpected: ReadonlySet<ApiErrorCode> = new Set(['INTERNAL', 'NETWORK', 'MIGRATION_FAILED']);

/** The hint under an error: its own, the generic "try again" for unexpected failures, else none. */
export function hintKey(code: ApiErrorCode, key: string): MessageKey | null {
  const own = `errorHints.${key}`;
  if (isMessageKey(own)) return own;
  return unexpected.has(code) ? 'errorHints.generic' : null;
}

/** The headline when this build has no text for the key: by code, so a refusal never reads as a crash. */
const fallbackByCode: Record<ApiErrorCode, MessageKey> = {
  VALIDATION: 'errors.validation',
  NOT_FOUND: 'errors.notFound',
  CONFLICT: 'errors.conflict',
  PERMISSION: 'errors.permission',
  UNKNOWN_METHOD: 'errors.unknownMethod',
  CANCELLED: 'errors.cancelled',
  DB_TOO_NEW: 'errors.dbTooNew',
  MIGRATION_FAILED: 'errors.migrationFailed',
  SHOP_NOT_READY: 'errors.shopNotReady',
  INTERNAL: 'errors.internal',
  NETWORK: 'errors.network',
  ENVIRONMENT: 'errors.code.environment',
  DAMAGED: 'errors.code.damaged',
  FORBIDDEN: 'errors.code.forbidden',
  UNAUTHENTICATED: 'errors.code.unauthenticated',
  RATE_LIMITED: 'errors.code.rateLimited',
};

/**
 * An error's params as the reader sees them: a refused permission by its label
 * ("Edit prices" / "修改价格"), states and actions in words (localizeParams).
 */
export function errorParams(key: string, params: Params | undefined, tKey: I18n['tKey']): Params | undefined {
  const localized = localizeParams(key, params, tKey);
  const permission = localized?.permission;
  if (localized && typeof permission === 'string' && isMessageKey(`team.permission.${permission}`)) {
    return { ...localized, permission: tKey(`team.permission.${permission}`, 'errors.code.forbidden') };
  }
  return localized;
}

interface Toasts {
  showError(error: unknown): void;
  showSuccess(key: MessageKey): void;
  /** Clears every toast: the person at the screen changed (sign-out, lock), and theirs are not the next one's. */
  dismissAll(): void;
}

const ToastContext = createContext<Toasts | null>(null);
const successMs = 4000;
const errorMs = 10000;

export function ToastProvider({ children }: { children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      // The same message twice in a row replaces the first rather than stacking.
      const same = (other: Toast): boolean =>
        other.errorKey === toast.errorKey && other.successKey === toast.successKey && JSON.stringify(other.issues) === JSON.stringify(toast.issues);
      setToasts((list) => [...list.filter((other) => !same(other)).slice(-3), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), toast.kind === 'error' ? errorMs : successMs);
    },
    [dismiss],
  );

  const api = useMemo<Toasts>(
    () => ({
      showError(error) {
        const { code, details } = toApiError(error);
        // An issue that only repeats the headline (a refused file's `file` issue, a shortage the
        // headline already names) is not shown twice; one with a row text of its own
        // (`errors.overReceipt.row`: which line, how many) is.
        const all = (details.issues ?? []).filter((issue) => issue.key !== details.key || isMessageKey(rowTextKey(issue.key)));
        const issues = all.slice(0, shownIssues).map(({ path, key, params }) => ({ path, key, ...(params ? { params } : {}) }));
        push({ kind: 'error', code, errorKey: details.key, successKey: null, params: details.params, issues, moreIssues: all.length - issues.length });
      },
      showSuccess(key) {
        push({ kind: 'success', code: null, errorKey: null, successKey: key, params: undefined, issues: [], moreIssues: 0 });
      },
      dismissAll() {
        setToasts([]);
      },
    }),
    [push],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <div className="toast-text">
              {toast.errorKey !== null ? (
                <ErrorText toast={toast} />
              ) : (
                <strong>{toast.successKey ? t(toast.successKey, toast.params) : ''}</strong>
              )}
            </div>
            <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toasts {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToasts outside ToastProvider');
  return value;
}

/** The text of an issue that shares the headline's key but says what happened on its row. */
const rowTextKey = (key: string): string => `errors.${key}.row`;

function ErrorText({ toast }: { toast: Toast }): ReactNode {
  const { t, tKey } = useI18n();
  const code = toast.code ?? 'INTERNAL';
  const key = toast.errorKey ?? 'internal';
  const hint = hintKey(code, key);
  const params = errorParams(key, toast.params, tKey);
  return (
    <>
      <strong data-testid="toast-error-title">{tKey(`errors.${key}`, fallbackByCode[code], params)}</strong>
      {toast.issues.map((issue) => {
        const where = issueLocation(issue.path, t, issue.params);
        const what = issue.key === key ? tKey(rowTextKey(issue.key), 'errors.invalidInput', { ...params, ...issue.params }) : issueText(issue, tKey, params);
        return (
          <span key={`${issue.path}:${issue.key}`} className="toast-issue">
            {where === '' ? what : t('where.issue', { where, what })}
          </span>
        );
      })}
      {toast.moreIssues > 0 ? <span className="toast-issue">{t('toast.moreIssues', { n: toast.moreIssues })}</span> : null}
      {hint ? <span data-testid="toast-error-hint">{t(hint, params)}</span> : null}
    </>
  );
}

// Toasts: short confirmations and readable errors. An error shows the
// translated `errors.<key>` plus what to do next — never a message or stack
// from the core, which are for logs.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { toApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/context.js';
import { issueLocation } from './issue-location.js';
import type { MessageKey } from '../i18n/en.js';
import type { Params } from '../i18n/translate.js';

/** Keys, not text: a toast still on screen follows a language switch. */
interface Toast {
  id: number;
  kind: 'error' | 'success';
  errorKey: string | null;
  successKey: MessageKey | null;
  params: Params | undefined;
  /** Up to three field problems: where (path) and what (i18n key). */
  issues: { path: string; key: string }[];
}

interface Toasts {
  showError(error: unknown): void;
  showSuccess(key: MessageKey): void;
}

const ToastContext = createContext<Toasts | null>(null);
const successMs = 4000;
const errorMs = 10000;

export function ToastProvider({ children }: { children: ReactNode }): ReactNode {
  const { t, tKey } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      // The same message twice in a row replaces the first rather than stacking.
      const same = (other: Toast): boolean => other.errorKey === toast.errorKey && other.successKey === toast.successKey;
      setToasts((list) => [...list.filter((other) => !same(other)).slice(-3), { ...toast, id }]);
      window.setTimeout(() => dismiss(id), toast.kind === 'error' ? errorMs : successMs);
    },
    [dismiss],
  );

  const api = useMemo<Toasts>(
    () => ({
      showError(error) {
        const { details } = toApiError(error);
        // An issue that only repeats the error itself (a refused file's `file` issue) is not shown twice.
        const issues = (details.issues ?? [])
          .filter((issue) => issue.key !== details.key)
          .slice(0, 3)
          .map(({ path, key }) => ({ path, key }));
        push({ kind: 'error', errorKey: details.key, successKey: null, params: details.params, issues });
      },
      showSuccess(key) {
        push({ kind: 'success', errorKey: null, successKey: key, params: undefined, issues: [] });
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
                <>
                  <strong>{tKey(`errors.${toast.errorKey}`, 'errors.internal', toast.params)}</strong>
                  {toast.issues.map((issue) => {
                    const where = issueLocation(issue.path, t);
                    const what = tKey(`errors.${issue.key}`, 'errors.validation', toast.params);
                    return (
                      <span key={issue.path} className="toast-issue">
                        {where === '' ? what : `${where}: ${what}`}
                      </span>
                    );
                  })}
                  <span>{tKey(`errorHints.${toast.errorKey}`, 'errorHints.generic', toast.params)}</span>
                </>
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

// Confirmation before an action that moves stock or money or changes many
// rows: the dialog states the count and the effect (and, for prices, the old
// and new values) in the person's language. `useConfirm()` returns an async
// `confirm(request)` that resolves true only when the person confirms.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';
import { Dialog } from './Dialog.js';

export interface ConfirmRequest {
  /** Already translated: what will happen, e.g. "Post stocktake ST-0004?" */
  title: string;
  /** Already translated lines: the count and the effect. */
  lines: string[];
  /** Optional before → after rows (already formatted), e.g. large price changes. */
  changes?: { label: string; before: string; after: string; note?: string }[];
  /** Translated text of the confirm button, e.g. "Post 38 lines". */
  confirmLabel: string;
  /** A destructive action shows a red button. */
  danger?: boolean;
}

type Confirm = (request: ConfirmRequest) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);
const shownChanges = 12;

export function ConfirmProvider({ children }: { children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ request: ConfirmRequest; resolve: (ok: boolean) => void } | null>(null);

  const confirm = useCallback<Confirm>((request) => new Promise<boolean>((resolve) => setOpen({ request, resolve })), []);
  const close = useCallback(
    (ok: boolean) => {
      open?.resolve(ok);
      setOpen(null);
    },
    [open],
  );
  const value = useMemo(() => confirm, [confirm]);

  return (
    <ConfirmContext.Provider value={value}>
      {children}
      {open ? (
        <Dialog label={open.request.title} testId="confirm-dialog" onClose={() => close(false)}>
          <h2>{open.request.title}</h2>
          {open.request.lines.map((line) => (
            <p key={line} className="confirm-line">
              {line}
            </p>
          ))}
          {open.request.changes && open.request.changes.length > 0 ? (
            <div className="table-scroll">
              <table className="table" data-testid="confirm-changes">
                <thead>
                  <tr>
                    <th>{t('confirm.item')}</th>
                    <th className="num">{t('confirm.before')}</th>
                    <th className="num">{t('confirm.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {open.request.changes.slice(0, shownChanges).map((change, index) => (
                    <tr key={`${change.label}-${index}`}>
                      <td>
                        {change.label}
                        {change.note ? <span className="muted"> · {change.note}</span> : null}
                      </td>
                      <td className="num">{change.before}</td>
                      <td className="num">{change.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {open.request.changes.length > shownChanges ? (
                <p className="muted small">{t('confirm.more', { count: open.request.changes.length - shownChanges })}</p>
              ) : null}
            </div>
          ) : null}
          <div className="form-actions">
            <button
              type="button"
              className={open.request.danger ? 'button button-danger' : 'button button-primary'}
              data-testid="confirm-ok"
              data-autofocus
              onClick={() => close(true)}
            >
              {open.request.confirmLabel}
            </button>
            <button type="button" className="button" data-testid="confirm-cancel" onClick={() => close(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const value = useContext(ConfirmContext);
  if (!value) throw new Error('useConfirm outside ConfirmProvider');
  return value;
}

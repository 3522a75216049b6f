// One audit entry: who did what, when and from where, each field's before → after
// (credentials never reach here: the core records none), what was sent, and — when the
// entry made a change set — its items with Undo, as the Changes view offers.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { HistoryDetail } from '../HistoryDetail.js';
import { useUndoConfirm } from '../undo-confirm.js';
import { fieldLabel, kindLabel, originLabel, personLabel, tableLabel, valueText } from './audit-words.js';

type Entry = MethodOutput<'audit.get'>;

/** Change sets that only record what another operation did (src/history/service.ts recordOnlyKinds): no Undo of their own. */
const recordOnlyKinds: ReadonlySet<string> = new Set(['po_receipt', 'stocktake']);

export function AuditDetail({ id, onClose, onUndone }: { id: number; onClose: () => void; onUndone: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const confirmUndo = useUndoConfirm();
  const [entry, setEntry] = useState<Entry | null>(null);
  useEffect(() => {
    call('audit.get', { id }).then(setEntry, showError);
  }, [id, showError]);
  if (!entry) return null;
  const { row, changeSet } = entry;
  const number = (n: number): string => formatNumber(n, locale);

  const undo = async (changeSetId: number): Promise<void> => {
    try {
      if (!(await confirmUndo(changeSetId, 'always'))) return;
      await call('history.undo', { changeSetId });
      showSuccess('history.undoneOk');
      onUndone();
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="card" data-testid="audit-detail">
      <div className="toolbar">
        <h2>
          {t('audit.detail.title', {
            what: kindLabel(t, row.kind),
            who: personLabel(t, row.personId, row.personName),
            when: formatDateTime(row.at, locale, settings.timeZone),
          })}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('audit.detail.close')}
        </button>
      </div>
      <p className="muted small">
        {originLabel(t, row.origin)}
        {row.subject ? ` · ${row.subject}` : ''}
        {row.movements > 0 ? ` · ${t('audit.changes.movements', { count: number(row.movements) })}` : ''}
      </p>
      {row.changeSetId === null || entry.changeSetItems.length === 0 ? (
        row.changes.length === 0 ? (
          <p className="muted">{t('audit.changes.none')}</p>
        ) : (
          <table className="table" data-testid="audit-changes">
            <thead>
              <tr>
                <th>{t('audit.col.subject')}</th>
                <th>{t('audit.col.field')}</th>
                <th>{t('audit.col.beforeAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {row.changes.map((change, i) => (
                <tr key={i}>
                  <td>
                    {tableLabel(t, change.table)} <span className="cell-mono">{change.label ?? `#${change.rowKey}`}</span>
                  </td>
                  <td>{fieldLabel(t, change.field)}</td>
                  <td>
                    {valueText(t, change.field, change.before, number)} → {valueText(t, change.field, change.after, number)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {row.omittedRows > 0 ? <p className="muted small">{t('audit.changes.omitted', { count: number(row.omittedRows) })}</p> : null}
      {changeSet ? (
        <>
          {!changeSet.undone && changeSet.kind !== 'undo' && !recordOnlyKinds.has(changeSet.kind) ? (
            <button type="button" className="button button-small" onClick={() => void undo(changeSet.id)} data-testid="audit-undo">
              {t('history.undo')}
            </button>
          ) : changeSet.undone ? (
            <span className="pill">{t('history.undone')}</span>
          ) : null}
          <HistoryDetail detail={{ changeSet, items: entry.changeSetItems, totalItems: entry.changeSetItemTotal }} />
        </>
      ) : null}
      {entry.input !== null ? (
        <details>
          <summary>{t('audit.detail.input')}</summary>
          <pre className="cell-mono small">{JSON.stringify(entry.input, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}

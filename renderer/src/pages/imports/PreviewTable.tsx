// Every row's outcome, filterable by outcome, with old -> new per changed
// field and each issue with its column, a page at a time.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ImportSession, RowOutcome, RowPlan } from '../../../../src/spreadsheets/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { Pager } from '../../components/Pager.js';
import { fieldLabel, issueText, moneyFields, noticeText } from './import-labels.js';

const pageSize = 100;
const outcomes: readonly RowOutcome[] = ['create', 'update', 'unchanged', 'skip', 'error'];

export function PreviewTable({ session, version }: { session: ImportSession; version: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const [outcome, setOutcome] = useState<RowOutcome | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: RowPlan[]; total: number } | null>(null);

  const load = useCallback(
    () => call('imports.rows', { sessionId: session.sessionId, outcome, offset, limit: pageSize }).then(setPage, showError),
    [session.sessionId, outcome, offset, showError],
  );
  useEffect(() => void load(), [load, version]);

  const show = (field: string, value: string | number | boolean | null): string => {
    if (value === null || value === '') return '∅';
    if (typeof value === 'number' && moneyFields.has(field)) return formatMoney(value, settings.currency, locale);
    if (typeof value === 'number') return formatNumber(value, locale);
    return String(value);
  };
  const total = outcomes.reduce((sum, name) => sum + session.counts[name], 0);
  const pick = (next: RowOutcome | undefined) => {
    setOutcome(next);
    setOffset(0);
  };

  return (
    <div className="card">
      <h2>{t('imports.preview')}</h2>
      <div className="chips" role="group" aria-label={t('imports.filterByOutcome')}>
        <button type="button" className={outcome === undefined ? 'chip active' : 'chip'} onClick={() => pick(undefined)} data-testid="import-outcome-all">
          {t('imports.outcome.all')} {formatNumber(total, locale)}
        </button>
        {outcomes.map((name) => (
          <button key={name} type="button" className={outcome === name ? `chip active chip-${name}` : `chip chip-${name}`} onClick={() => pick(name)} data-testid={`import-outcome-${name}`}>
            {t(`imports.outcome.${name}`)} {formatNumber(session.counts[name], locale)}
          </button>
        ))}
      </div>
      {page ? <Pager offset={offset} size={pageSize} total={page.total} onChange={setOffset} placement="top" /> : null}
      <table className="table" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">{t('imports.row')}</th>
            <th>{t('imports.outcome')}</th>
            <th>{t('imports.key')}</th>
            <th>{t('imports.label')}</th>
            <th>{t('imports.changes')}</th>
            <th>{t('imports.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {(page?.rows ?? []).map((row) => (
            <tr key={row.row} className={`outcome-${row.outcome}`}>
              <td className="num">{row.row}</td>
              <td>
                <span className={`status status-import-${row.outcome}`}>{t(`imports.outcome.${row.outcome}`)}</span>
              </td>
              <td className="cell-mono">{row.key}</td>
              <td>{row.label}</td>
              <td>
                {row.changes.map((change) => (
                  <div key={change.field}>
                    {fieldLabel(t, locale, session.fields, change.field)}: {row.outcome === 'create' ? '' : `${show(change.field, change.before)} → `}
                    <strong>{show(change.field, change.after)}</strong>
                  </div>
                ))}
              </td>
              <td>
                {row.issues.map((issue, i) => (
                  <div key={i} className="error-text">
                    {issueText(t, issue, (field) => fieldLabel(t, locale, session.fields, field))}
                  </div>
                ))}
                {(row.notes ?? []).map((note, i) => (
                  <div key={`n${i}`} className="muted" data-testid="import-row-note">
                    {noticeText(t, note, (field) => fieldLabel(t, locale, session.fields, field))}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page ? <Pager offset={offset} size={pageSize} total={page.total} onChange={setOffset} /> : null}
    </div>
  );
}

// Change history: every change set (edits, pastes, bulk actions, receipt costs)
// with its before → after values, and Undo for a whole set.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../src/contract.js';
import { call } from '../api/client.js';
import { useShop } from '../app/shop-context.js';
import { useToasts } from '../components/toasts.js';
import { ExportMenu } from '../components/ExportMenu.js';
import { useI18n } from '../i18n/context.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';

type Sets = MethodOutput<'history.list'>;
type Detail = MethodOutput<'history.get'>;
const pageSize = 50;

export function HistoryPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const [offset, setOffset] = useState(0);
  const [sets, setSets] = useState<Sets | null>(null);
  const [open, setOpen] = useState<Detail | null>(null);

  const load = useCallback(() => call('history.list', { offset, limit: pageSize }).then(setSets, showError), [offset, showError]);
  useEffect(() => void load(), [load]);

  const undo = async (changeSetId: number) => {
    try {
      await call('history.undo', { changeSetId });
      showSuccess('history.undoneOk');
      setOpen(null);
      await load();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('history.title')}</h1>
        <div className="page-actions">
          <ExportMenu
            source="history.list"
            query={{}}
            columns={[
              { field: 'createdAt', header: t('history.when'), kind: 'date' },
              { field: 'actor', header: t('history.who'), kind: 'text' },
              { field: 'summary', header: t('history.what'), kind: 'text' },
              { field: 'itemCount', header: t('history.items'), kind: 'number' },
            ]}
            fileName={t('exports.file.history')}
          />
        </div>
      </div>
      <p className="muted">{t('history.subtitle')}</p>
      <div className="card">
        <table className="table" data-testid="history-table">
          <thead>
            <tr>
              <th>{t('history.when')}</th>
              <th>{t('history.who')}</th>
              <th>{t('history.what')}</th>
              <th className="num">{t('history.items')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(sets?.changeSets ?? []).map((set) => (
              <tr key={set.id}>
                <td>{formatDateTime(set.createdAt, locale, settings.timeZone)}</td>
                <td>{set.actor}</td>
                <td>
                  <button type="button" className="link" onClick={() => call('history.get', { changeSetId: set.id }).then(setOpen, showError)}>
                    {set.summary}
                  </button>
                </td>
                <td className="num">{formatNumber(set.itemCount, locale)}</td>
                <td>
                  {set.undone ? (
                    <span className="pill">{t('history.undone')}</span>
                  ) : set.kind !== 'undo' && set.kind !== 'po_receipt' ? (
                    <button type="button" className="button button-small" onClick={() => void undo(set.id)}>
                      {t('history.undo')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager offset={offset} total={sets?.total ?? 0} size={pageSize} onChange={setOffset} />
      </div>
      {open ? (
        <div className="card" data-testid="history-detail">
          <h2>
            {t('history.details')}: {open.changeSet.summary}
          </h2>
          <table className="table">
            <tbody>
              {open.items.map((item, i) => (
                <tr key={i}>
                  <td className="cell-mono">
                    {item.entity} #{item.entityId}
                  </td>
                  <td>{item.field}</td>
                  <td>
                    {String(item.before ?? '—')} → {String(item.after ?? '—')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function Pager(props: { offset: number; total: number; size: number; onChange: (offset: number) => void }): ReactNode {
  const { t, locale } = useI18n();
  if (props.total <= props.size) return null;
  const to = Math.min(props.offset + props.size, props.total);
  return (
    <div className="pager">
      <button type="button" className="button button-small" disabled={props.offset === 0} onClick={() => props.onChange(Math.max(0, props.offset - props.size))}>
        {t('common.previous')}
      </button>
      <span className="muted small">{t('common.pageOf', { from: formatNumber(props.offset + 1, locale), to: formatNumber(to, locale), total: formatNumber(props.total, locale) })}</span>
      <button type="button" className="button button-small" disabled={to >= props.total} onClick={() => props.onChange(props.offset + props.size)}>
        {t('common.next')}
      </button>
    </div>
  );
}

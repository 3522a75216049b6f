// History's "Changes" view: every change set (edits, pastes, bulk actions, receipt
// costs) with its before → after values, and Undo for a whole set.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useRecordTexts } from '../../i18n/record-texts.js';
import { HistoryDetail } from '../HistoryDetail.js';
import { useUndoConfirm } from '../undo-confirm.js';

type Sets = MethodOutput<'history.list'>;
type Detail = MethodOutput<'history.get'>;
const pageSize = 50;

export function ChangeSetsView(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Entries are stored as keys and parameters: rendered here in the reader's language.
  const records = useRecordTexts();
  const { showError, showSuccess } = useToasts();
  const [offset, setOffset] = useState(0);
  const [sets, setSets] = useState<Sets | null>(null);
  const [open, setOpen] = useState<Detail | null>(null);

  const load = useCallback(() => call('history.list', { offset, limit: pageSize }).then(setSets, showError), [offset, showError]);
  useEffect(() => void load(), [load]);

  const confirmUndo = useUndoConfirm();
  const undo = async (changeSetId: number) => {
    try {
      if (!(await confirmUndo(changeSetId, 'always'))) return;
      await call('history.undo', { changeSetId });
      showSuccess('history.undoneOk');
      setOpen(null);
      await load();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      <div className="toolbar">
        <p className="muted">{t('history.subtitle')}</p>
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
      <div className="card">
        {sets === null ? <PanelSkeleton lines={6} /> : null}
        {sets?.total === 0 ? (
          <EmptyState
            title={t('pages.empty.history')}
            hint={t('pages.empty.historyHint')}
            action={{ label: t('nav.products'), href: routeHref('products') }}
            testId="history-empty"
          />
        ) : null}
        <Pager offset={offset} total={sets?.total ?? 0} size={pageSize} onChange={setOffset} placement="top" />
        <table className="table" data-testid="history-table" hidden={!sets || sets.total === 0}>
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
                <td>{records.actor(set.actor)}</td>
                <td>
                  <button type="button" className="link" onClick={() => call('history.get', { changeSetId: set.id }).then(setOpen, showError)}>
                    {records.summary(set)}
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
      {open ? <HistoryDetail detail={open} /> : null}
    </>
  );
}

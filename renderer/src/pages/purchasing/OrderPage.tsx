// One purchase order: send it, receive it (ReceivePanel: quantities start
// empty, the receipt is confirmed with its units, value and cost changes),
// export it; closing or cancelling sits apart at the foot (OrderActions).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { saveFile } from '../../api/files.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { actorText } from '../../i18n/record-texts.js';
import { PoStatusBadge } from './OrdersPage.js';
import { OrderActions } from './OrderActions.js';
import { OrderLinesTable } from './OrderLinesTable.js';
import { ReceivePanel, useReceiptDraft } from './ReceivePanel.js';

type Po = MethodOutput<'purchaseOrders.get'>;

export function OrderPage({ purchaseOrderId }: { purchaseOrderId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Unit costs and totals are blanked by the core without costs.view: not shown then.
  const seesCosts = useCan()('costs.view');
  const { showError, showSuccess } = useToasts();
  const [po, setPo] = useState<Po | null>(null);
  const draft = useReceiptDraft(po);

  const show = useCallback((next: Po) => setPo(next), []);
  useEffect(() => {
    call('purchaseOrders.get', { purchaseOrderId }).then(show, showError);
  }, [purchaseOrderId, show, showError]);

  const send = async () => {
    try {
      show(await call('purchaseOrders.send', { purchaseOrderId }));
      showSuccess('po.updated');
    } catch (error) {
      showError(error);
    }
  };
  if (!po)
    return (
      <div className="card">
        <PanelSkeleton lines={8} />
      </div>
    );
  const receiving = po.status === 'sent' || po.status === 'partially_received';

  return (
    <div className="card" data-testid="po-detail">
      <div className="page-header">
        <a href={routeHref('purchasing', 'orders')} className="button button-small">
          ← {t('common.back')}
        </a>
        <h2>
          {po.number} · {po.supplier}
        </h2>
        <PoStatusBadge status={po.status} />
        {po.overdue ? <span className="pill overdue">{t('po.overdue')}</span> : null}
        <div className="page-actions">
          <button type="button" className="button button-small" onClick={() => void call('purchaseOrders.export', { purchaseOrderId, format: 'pdf' }).then(saveFile, showError)} data-testid="po-export-pdf">
            PDF
          </button>
          <button type="button" className="button button-small" onClick={() => void call('purchaseOrders.export', { purchaseOrderId, format: 'xlsx' }).then(saveFile, showError)}>
            XLSX
          </button>
        </div>
      </div>
      <p className="muted">
        {t('po.summary', {
          location: po.location,
          created: formatDateTime(po.createdAt, locale, settings.timeZone),
          expected: po.expectedAt ? formatDateTime(po.expectedAt, locale, settings.timeZone) : '—',
          total: seesCosts ? formatMoney(po.total, po.currency, locale) : '—',
        })}
      </p>
      <OrderLinesTable po={po} draft={receiving ? draft : null} />
      {receiving ? <ReceivePanel po={po} draft={draft} onReceived={show} /> : null}
      {po.status === 'draft' ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void send()} data-testid="po-send">
            {t('po.send')}
          </button>
        </div>
      ) : null}
      {po.receipts.length > 0 ? (
        <>
          <h2>{t('po.receipts')}</h2>
          <table className="table">
            <tbody>
              {po.receipts.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.receivedAt, locale, settings.timeZone)}</td>
                  <td>{r.location}</td>
                  <td className="num">{formatNumber(r.units, locale)}</td>
                  <td>{actorText(locale, r.actor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <OrderActions po={po} onChanged={show} />
    </div>
  );
}

// One purchase order: send it, receive it (in part, into a chosen location,
// confirming anything beyond the order), close or cancel it, export it.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { saveFile } from '../../api/files.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { useLocations } from '../stock/use-locations.js';
import { PoStatusBadge } from './OrdersPage.js';
import { IdSelect } from '../../components/IdSelect.js';

type Po = MethodOutput<'purchaseOrders.get'>;

export function OrderPage({ purchaseOrderId }: { purchaseOrderId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const locations = useLocations();
  const [po, setPo] = useState<Po | null>(null);
  const [receive, setReceive] = useState<Record<number, string>>({});
  const [locationId, setLocationId] = useState(0);
  const [rate, setRate] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState(false);

  const show = useCallback((next: Po) => {
    setPo(next);
    setLocationId(next.locationId);
    setReceive(Object.fromEntries(next.lines.map((l) => [l.variantId, l.outstanding > 0 ? String(l.outstanding) : ''])));
    setNeedsConfirm(false);
  }, []);
  useEffect(() => {
    call('purchaseOrders.get', { purchaseOrderId }).then(show, showError);
  }, [purchaseOrderId, show, showError]);

  const act = async (run: () => Promise<Po>) => {
    try {
      show(await run());
      showSuccess('po.updated');
    } catch (error) {
      if (toApiError(error).details.key === 'overReceipt') setNeedsConfirm(true);
      showError(error);
    }
  };
  if (!po) return <p className="muted">{t('common.loading')}</p>;
  const receiving = po.status === 'sent' || po.status === 'partially_received';
  const foreign = po.currency !== settings.currency;
  const receiveInput = (confirmOver: boolean): MethodInput<'purchaseOrders.receive'> => ({
    purchaseOrderId,
    locationId,
    confirmOver,
    ...(foreign && rate ? { exchangeRate: Number(rate.replace(',', '.')) } : {}),
    lines: po.lines.map((l) => ({ variantId: l.variantId, quantity: Number(receive[l.variantId] || 0) })).filter((l) => l.quantity > 0),
  });
  const money = (minor: number) => formatMoney(minor, po.currency, locale);

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
          total: money(po.total),
        })}
      </p>
      <table className="table" data-testid="po-lines">
        <thead>
          <tr>
            <th>{t('columns.sku')}</th>
            <th>{t('columns.title')}</th>
            <th className="num">{t('po.ordered')}</th>
            <th className="num">{t('transfer.received')}</th>
            <th className="num">{t('po.outstanding')}</th>
            <th className="num">{t('field.unitCost')}</th>
            <th className="num">{t('po.lineTotal')}</th>
            {receiving ? <th className="num">{t('transfer.receiveNow')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {po.lines.map((line) => (
            <tr key={line.id}>
              <td className="cell-mono">{line.sku}</td>
              <td>
                {line.title} <span className="muted">{line.options}</span>
              </td>
              <td className="num">{formatNumber(line.quantityOrdered, locale)}</td>
              <td className="num">{formatNumber(line.quantityReceived, locale)}</td>
              <td className="num">{formatNumber(line.outstanding, locale)}</td>
              <td className="num">{money(line.unitCost)}</td>
              <td className="num">{money(line.lineTotal)}</td>
              {receiving ? (
                <td className="num">
                  <input className="qty" inputMode="numeric" value={receive[line.variantId] ?? ''} onChange={(e) => setReceive({ ...receive, [line.variantId]: e.target.value })} aria-label={`${line.sku} ${t('transfer.receiveNow')}`} data-testid={`receive-${line.sku}`} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {receiving ? (
        <div className="field-row receive-bar">
          <label className="field">
            <span>{t('po.receiveInto')}</span>
            <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? 0)} options={locations} label={(o) => o.name} testId="receive-location" />
          </label>
          {foreign ? (
            <label className="field">
              <span>{t('po.rate', { from: po.currency, to: settings.currency })}</span>
              <input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" />
            </label>
          ) : null}
        </div>
      ) : null}
      {needsConfirm ? <p className="note">{t('po.confirmOverHint')}</p> : null}
      <div className="form-actions">
        {po.status === 'draft' ? (
          <button type="button" className="button button-primary" onClick={() => void act(() => call('purchaseOrders.send', { purchaseOrderId }))} data-testid="po-send">
            {t('po.send')}
          </button>
        ) : null}
        {receiving ? (
          <button type="button" className="button button-primary" onClick={() => void act(() => call('purchaseOrders.receive', receiveInput(false)))} data-testid="po-receive">
            {t('po.receive')}
          </button>
        ) : null}
        {receiving && needsConfirm ? (
          <button type="button" className="button" onClick={() => void act(() => call('purchaseOrders.receive', receiveInput(true)))} data-testid="po-receive-confirm">
            {t('po.receiveConfirm')}
          </button>
        ) : null}
        {po.status === 'partially_received' ? (
          <button type="button" className="button" onClick={() => void act(() => call('purchaseOrders.close', { purchaseOrderId }))}>
            {t('po.close')}
          </button>
        ) : null}
        {po.status === 'draft' || (po.status === 'sent' && po.receivedUnits === 0) ? (
          <button type="button" className="button" onClick={() => void act(() => call('purchaseOrders.cancel', { purchaseOrderId }))}>
            {t('po.cancel')}
          </button>
        ) : null}
      </div>
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
                  <td>{r.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

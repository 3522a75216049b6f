// Reorder suggestions grouped per supplier; every line explains its numbers
// (metrics.md); one click makes a supplier's lines a draft purchase order.
import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { SuggestionLine } from '../../../../src/purchasing/reorder-contract.js';
import { call } from '../../api/client.js';
import { navigate } from '../../app/route.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { useLocations } from '../stock/use-locations.js';
import { IdSelect } from '../../components/IdSelect.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ReorderForecastCheck } from './ReorderForecastCheck.js';

type Suggestions = MethodOutput<'reorder.suggestions'>;

export function ReorderPage(): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const locations = useLocations();
  const [data, setData] = useState<Suggestions | null>(null);
  const [settings, setSettings] = useState<MethodOutput<'reorder.settings.get'> | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [locationId, setLocationId] = useState(0);

  const load = useCallback(() => {
    void call('reorder.suggestions', {}).then(setData, showError);
    void call('reorder.settings.get', {}).then(setSettings, showError);
  }, [showError]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!locationId && locations[0]) setLocationId(locations[0].id);
  }, [locations, locationId]);

  const n = (value: number, digits = 1) => formatNumber(Math.round(value * 10 ** digits) / 10 ** digits, locale);
  const explain = (l: SuggestionLine) =>
    t('reorder.explain', {
      demand: n(l.dailyDemand, 2),
      sd: n(l.demandStdDev, 2),
      window: l.windowDays,
      lead: l.leadTimeDays,
      z: n(l.z, 2),
      level: `${Math.round(l.serviceLevel * 100)}%`,
      ss: n(l.safetyStock),
      ssHow: l.safetyMode === 'manual' ? t('reorder.ssManual') : t('reorder.ssComputed'),
      rop: n(l.reorderPoint),
      available: l.available,
      onOrder: l.onOrder,
      review: l.reviewPeriodDays,
      target: n(l.target),
      shortfall: n(l.explanation.quantity.shortfall),
      moq: l.moq,
      pack: l.packSize,
      quantity: l.quantity,
    });
  const draft = async (supplierId: number) => {
    try {
      const created = await call('reorder.createDraft', { supplierId, locationId });
      navigate('purchasing', 'orders', created.purchaseOrderId);
    } catch (error) {
      showError(error);
    }
  };

  if (!data || !settings) return <p className="muted">{t('reorder.computing')}</p>;
  return (
    <div data-testid="reorder">
      <p className="muted small">
        {t('reorder.settings', { window: settings.demandWindowDays, level: `${Math.round(settings.serviceLevel * 100)}%`, review: settings.reviewPeriodDays })}
      </p>
      <div className="filters">
        <label className="check">
          {t('po.deliverTo')}
          <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? 0)} options={locations} label={(o) => o.name} />
        </label>
        <div className="page-actions">
          <ExportMenu
            source="reorder.suggestions"
            query={{}}
            columns={[
              { field: 'supplierName', header: t('exports.supplier'), kind: 'text' },
              { field: 'sku', header: t('columns.sku'), kind: 'text' },
              { field: 'title', header: t('columns.title'), kind: 'text' },
              { field: 'dailyDemand', header: t('reorder.demand'), kind: 'number' },
              { field: 'available', header: t('stock.col.available'), kind: 'number' },
              { field: 'onOrder', header: t('reorder.onOrder'), kind: 'number' },
              { field: 'reorderPoint', header: t('reorder.rop'), kind: 'number' },
              { field: 'quantity', header: t('reorder.quantity'), kind: 'number' },
              { field: 'lineCost', header: t('po.lineTotal'), kind: 'money' },
              { field: 'currency', header: t('fields.currency'), kind: 'text' },
            ]}
            fileName={t('exports.file.reorder')}
          />
        </div>
      </div>
      {data.suppliers.length === 0 ? <p className="card">{t('reorder.none')}</p> : null}
      {data.suppliers.map((group) => (
        <div className="card reorder-group" key={group.supplier.id} data-testid="reorder-group">
          <div className="page-header">
            <h2>{group.supplier.name}</h2>
            <span className="muted">
              {t('reorder.groupTotals', { lines: formatNumber(group.totals.lines, locale), units: formatNumber(group.totals.units, locale), cost: formatMoney(group.totals.cost, group.supplier.currency, locale) })}
            </span>
            <div className="page-actions">
              <button type="button" className="button button-small button-primary" onClick={() => void draft(group.supplier.id)} data-testid="reorder-draft">
                {t('reorder.createDraft')}
              </button>
            </div>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>{t('columns.sku')}</th>
                <th>{t('columns.title')}</th>
                <th className="num">{t('reorder.demand')}</th>
                <th className="num">{t('stock.col.available')}</th>
                <th className="num">{t('reorder.onOrder')}</th>
                <th className="num">{t('reorder.rop')}</th>
                <th className="num">{t('reorder.quantity')}</th>
                <th className="num">{t('po.lineTotal')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {group.lines.map((line) => (
                <Fragment key={line.variantId}>
                  <tr>
                    <td className="cell-mono">{line.sku}</td>
                    <td>
                      {line.title}
                      {line.onDraft ? <span className="pill">{t('reorder.onDraft')}</span> : null}
                    </td>
                    <td className="num">{n(line.dailyDemand, 2)}</td>
                    <td className="num">{formatNumber(line.available, locale)}</td>
                    <td className="num">{formatNumber(line.onOrder, locale)}</td>
                    <td className="num">{n(line.reorderPoint)}</td>
                    <td className="num">
                      <strong>{formatNumber(line.quantity, locale)}</strong>
                    </td>
                    <td className="num">{formatMoney(line.lineCost, group.supplier.currency, locale)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => setOpen(open === line.variantId ? null : line.variantId)}>
                        {t('reorder.why')}
                      </button>
                    </td>
                  </tr>
                  {open === line.variantId ? (
                    <tr>
                      <td colSpan={9} className="explain" data-testid="reorder-explain">
                        {explain(line)}
                        <ReorderForecastCheck variantId={line.variantId} dailyDemand={line.dailyDemand} days={line.leadTimeDays + line.reviewPeriodDays} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {data.noSupplierTotal > 0 ? (
        <div className="card">
          <h2>{t('reorder.withoutSupplier', { count: formatNumber(data.noSupplierTotal, locale) })}</h2>
          <p className="muted small">{t('reorder.withoutSupplierHint')}</p>
          <p className="small">{data.noSupplier.slice(0, 20).map((v) => v.sku).join(', ')}</p>
        </div>
      ) : null}
    </div>
  );
}

// Supplier scorecard: on-time and fill rates, promised vs actual lead time,
// price changes; each figure says how it is computed. Until a purchase order
// has been sent there is nothing to score, and the page says how to start.
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';

export function ScorecardPage(): ReactNode {
  const { t, locale } = useI18n();
  const load = useLoad<MethodOutput<'suppliers.scorecard'>>(() => call('suppliers.scorecard', {}), []);
  const data = load.data;
  const pct = (rate: number | null) => (rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate));
  const days = (value: number | null) => (value === null ? '—' : t('insights.days', { n: formatNumber(Math.round(value * 10) / 10, locale) }));
  if (!data)
    return (
      <div className="card">
        <PanelSkeleton lines={6} />
      </div>
    );
  if (data.suppliers.length === 0)
    return (
      <div className="card">
        <EmptyState
          title={t('pages.empty.scorecardNoSuppliers')}
          hint={t('pages.empty.scorecardHint')}
          action={{ label: t('purchasing.tab.suppliers'), href: routeHref('purchasing', 'suppliers') }}
          testId="scorecard-empty"
        />
      </div>
    );
  if (data.suppliers.every((s) => s.ordersSent === 0))
    return (
      <div className="card">
        <EmptyState
          title={t('pages.empty.scorecardNoOrders')}
          hint={t('pages.empty.scorecardHint')}
          action={{ label: t('po.new'), href: routeHref('purchasing', 'orders') }}
          testId="scorecard-empty"
        />
      </div>
    );
  return (
    <div className="card" data-testid="scorecard">
      <ul className="muted small how-list">
        <li>{t('scorecard.how.onTime')}</li>
        <li>{t('scorecard.how.fill')}</li>
        <li>{t('scorecard.how.lead')}</li>
        <li>{t('scorecard.how.price')}</li>
      </ul>
      <table className="table">
        <thead>
          <tr>
            <th>{t('field.supplierId')}</th>
            <th className="num">{t('scorecard.orders')}</th>
            <th className="num">{t('scorecard.onTime')}</th>
            <th className="num">{t('scorecard.fill')}</th>
            <th className="num">{t('scorecard.promised')}</th>
            <th className="num">{t('scorecard.actual')}</th>
            <th className="num">{t('scorecard.priceChanges')}</th>
          </tr>
        </thead>
        <tbody>
          {data.suppliers.map((s) => (
            <tr key={s.supplierId}>
              <td>{s.supplier}</td>
              <td className="num">
                {formatNumber(s.ordersCompleted, locale)} / {formatNumber(s.ordersSent, locale)}
              </td>
              <td className={s.onTimeRate !== null && s.onTimeRate < 0.8 ? 'num negative' : 'num'}>{pct(s.onTimeRate)}</td>
              <td className={s.fillRate !== null && s.fillRate < 0.95 ? 'num negative' : 'num'}>{pct(s.fillRate)}</td>
              <td className="num">{days(s.promisedLeadDays)}</td>
              <td className="num">{days(s.actualLeadDays)}</td>
              <td className="num" title={s.largestPriceChanges.map((c) => `${c.sku}: ${pct(c.change)}`).join('\n')}>
                {formatNumber(s.priceChanges, locale)}
                {s.averagePriceChange !== null ? ` (${pct(s.averagePriceChange)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

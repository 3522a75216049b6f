// Return rates and reasons for a period, by product, category or channel,
// with the split that tells quality problems from transit ones.
import { useMemo, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { routeHref } from '../../app/route.js';
import { ReportGrid, type ReportColumn } from '../../components/ReportGrid.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, Loaded, PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute } from './period-route.js';

type By = NonNullable<MethodInput<'analytics.returns'>['by']>;
const groups = ['quality', 'transit', 'fit', 'preference', 'other'] as const;

export function ReturnsReportPage(): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const periodRoute = usePeriodRoute('last365', todayIn(settings.timeZone));
  const [by, setBy] = useState<By>('category');
  const period = periodRoute.period;

  const load = useLoad<MethodOutput<'analytics.returns'>>(() => call('analytics.returns', { from: period.from, to: period.to, by }), [period.from, period.to, by], { resetOn: [by] });
  const report = load.data;

  // Rows and columns kept until their inputs change, so the grid does not rebuild every row on each render.
  const gridRows = useMemo(() => (report ? report.rows.map(({ byGroup, ...row }) => ({ ...row, ...byGroup })) : []), [report]);
  const columns = useMemo<ReportColumn<(typeof gridRows)[number]>[]>(
    () => [
      { field: 'label', header: t(`analytics.by.${by}`), kind: 'text', text: (row) => row.label || '—', href: (row) => (by === 'product' && row.key > 0 ? routeHref('products', row.key) : undefined) },
      { field: 'unitsSold', header: t('analytics.kpi.units'), kind: 'number' },
      { field: 'unitsReturned', header: t('analytics.returns.returned'), kind: 'number' },
      { field: 'returnRate', header: t('analytics.kpi.returnRate'), kind: 'rate' },
      ...groups.map((g) => ({ field: g, header: t(`analytics.reasonGroup.${g}`), kind: 'number' as const, exportField: `byGroup.${g}` })),
    ],
    [t, by],
  );
  const rate = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  return (
    <div className="page" data-testid="returns-report">
      <div className="page-header">
        <h1>{t('analytics.tab.returns')}</h1>
        <PeriodControls route={periodRoute} />
      </div>
      <div className="card">
        <p className="muted small how">{t('analytics.how.returnRate')}</p>
        {report ? (
          <p data-testid="returns-total">
            <strong>{t('analytics.returns.total', { rate: rate(report.total.returnRate), returned: formatNumber(report.total.unitsReturned, locale), sold: formatNumber(report.total.unitsSold, locale) })}</strong>{' '}
            {groups.map((g) => `${t(`analytics.reasonGroup.${g}`)} ${formatNumber(report.total.byGroup[g], locale)}`).join(' · ')}
          </p>
        ) : null}
        {report?.returnsMaturing?.current ? (
          <p className="small kpi-caveat" data-testid="returns-maturing">
            {t('figures.maturing.report', { date: report.returnsMaturing.stillArrivingFrom })}{' '}
            {t(report.returnsMaturing.source === 'shop' ? 'figures.maturing.lagShop' : 'figures.maturing.lagDefault', { days: report.returnsMaturing.lagDays })}
          </p>
        ) : null}
        <h2>{t('analytics.returns.reasons')}</h2>
        {report === null ? (
          <PanelSkeleton lines={4} />
        ) : report.reasons.length === 0 ? (
          <EmptyState title={t('pages.analytics.noReturns')} hint={t('pages.analytics.noReturnsHint')} testId="returns-reasons-empty" />
        ) : (
          <Busy busy={load.loading}>
            <table className="table" data-testid="returns-reasons">
              <tbody>
                {report.reasons.map((reason) => (
                  <tr key={reason.code}>
                    <td>{tKey(`analytics.reason.${reason.code}`, 'analytics.reason.other')}</td>
                    <td>{t(`analytics.reasonGroup.${reason.reasonGroup as (typeof groups)[number]}`)}</td>
                    <td className="num">{formatNumber(reason.unitsReturned, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Busy>
        )}
      </div>
      <div className="card">
        <label className="field">
          <span>{t('analytics.groupBy')}</span>
          <select value={by} onChange={(e) => setBy(e.target.value as By)} data-testid="returns-by">
            {(['category', 'product', 'channel'] as const).map((d) => (
              <option key={d} value={d}>
                {t(`analytics.by.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <Loaded load={load} lines={8}>
          {() => (
            <ReportGrid
              rows={gridRows}
              columns={columns}
              rowKey="key"
              currency={settings.currency}
              testId="returns-table"
              exportSource="analytics.returns"
              exportQuery={{ from: period.from, to: period.to, by }}
              fileName={t('analytics.tab.returns')}
            />
          )}
        </Loaded>
      </div>
    </div>
  );
}

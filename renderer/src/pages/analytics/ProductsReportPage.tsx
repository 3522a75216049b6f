// Product health for a period (sell-through, active-selling rate, turnover,
// days of inventory, slow movers and dead stock — shop and per category), the
// ABC classes of the 365 days to the as-of day, and the slow movers to act on.
// Stock figures say where the stock history starts when the period or day
// reaches before it.
import { useMemo, useRef, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton, useQueuedLabel } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatNumber } from '../../i18n/format.js';
import { ReportGrid, type ReportColumn } from '../../components/ReportGrid.js';
import { CategoryForecast } from './CategoryForecast.js';
import { todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute } from './period-route.js';
import { StockHistoryNote, stockUnknown } from './StockHistoryNote.js';

type Health = MethodOutput<'analytics.productHealth'>;
const healthFigures = ['sellThrough', 'activeSellingRate', 'turnover', 'daysOfInventory', 'slowMoversShare', 'deadStockShare'] as const;

export function ProductsReportPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Stock value is at cost: without costs.view the core blanks it and the column is left out.
  const seesCosts = useCan()('costs.view');
  const periodRoute = usePeriodRoute('last30', todayIn(settings.timeZone));
  const { period, asOf } = periodRoute;
  // A new period or day keeps the last figures on screen, dimmed, until the new ones come.
  const healthLoad = useLoad<Health>(() => call('analytics.productHealth', { from: period.from, to: period.to }), [period.from, period.to]);
  // The slow movers and ABC sit below the health figures and the category table: asked for after them.
  const lowerPanels = useRef<HTMLDivElement>(null);
  const abcLoad = useLoad<MethodOutput<'analytics.abc'>>(() => call('analytics.abc', { asOf, limit: 1 }), [asOf], { belowFold: lowerPanels });
  const slowLoad = useLoad<MethodOutput<'analytics.slowMovers'>>(() => call('analytics.slowMovers', { asOf, limit: 100_000 }), [asOf], { belowFold: lowerPanels });
  const health = healthLoad.data;
  const queuedLabel = useQueuedLabel();
  const abc = abcLoad.data;
  const slow = slowLoad.data;

  // Kept until the language changes: new columns would make the grid rebuild every row when another panel answers.
  const slowColumns = useMemo<ReportColumn<MethodOutput<'analytics.slowMovers'>['rows'][number]>[]>(
    () => [
      { field: 'sku', header: 'SKU', kind: 'text' },
      { field: 'title', header: t('analytics.by.product'), kind: 'text' },
      { field: 'daysSinceLastSale', header: t('analytics.products.daysSince'), kind: 'number' },
      { field: 'lastSaleDate', header: t('analytics.products.lastSale'), kind: 'text', text: (row) => row.lastSaleDate ?? t('analytics.products.neverSold') },
      { field: 'onHand', header: t('columns.onHand'), kind: 'number' },
      ...(seesCosts ? [{ field: 'stockValue', header: t('analytics.products.stockValue'), kind: 'money' }] satisfies ReportColumn<MethodOutput<'analytics.slowMovers'>['rows'][number]>[] : []),
    ],
    [t, seesCosts],
  );

  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  const figure = (id: (typeof healthFigures)[number], value: number | null) => {
    if (value === null) return '—';
    if (id === 'turnover') return formatNumber(Math.round(value * 100) / 100, locale);
    if (id === 'daysOfInventory') return t('analytics.products.days', { days: formatNumber(Math.round(value), locale) });
    return percent(value);
  };

  return (
    <div className="page" data-testid="products-report">
      <div className="page-header">
        <h1>{t('analytics.tab.products')}</h1>
        <PeriodControls route={periodRoute} asOf />
      </div>
      <StockHistoryNote history={health?.stockHistory} testId="health-stock-history" />
      <Busy busy={healthLoad.loading}>
        <div className="kpi-grid">
          {healthFigures.map((id) => (
            <article key={id} className="card kpi-card" data-testid={`health-${id}`}>
              <span className="kpi-label">{t(`analytics.products.${id}` as MessageKey)}</span>
              <strong className="kpi-value">{health ? figure(id, health.shop[id]) : '…'}</strong>
              <p className="muted small how">{t(`analytics.products.how.${id}` as MessageKey)}</p>
            </article>
          ))}
        </div>
      </Busy>
      <article className="card">
        <h2>{t('analytics.products.byCategory')}</h2>
        {health === null ? (
          <PanelSkeleton lines={5} />
        ) : health.byCategory.length === 0 ? (
          <EmptyState title={t('pages.analytics.noCategories')} hint={t('pages.analytics.noCategoriesHint')} testId="health-by-category-empty" />
        ) : (
          <Busy busy={healthLoad.loading}>
            <table className="table" data-testid="health-by-category">
              <thead>
                <tr>
                  <th>{t('analytics.by.category')}</th>
                  {healthFigures.map((id) => (
                    <th key={id} className="num" title={t(`analytics.products.how.${id}` as MessageKey)}>
                      {t(`analytics.products.${id}` as MessageKey)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {health.byCategory.map((row) => (
                  <tr key={row.category}>
                    <td>{row.category || '—'}</td>
                    {healthFigures.map((id) => (
                      <td key={id} className="num">
                        {figure(id, row[id])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Busy>
        )}
      </article>
      <div className="mix-panels" ref={lowerPanels}>
        <article className="card" data-testid="slow-movers">
          <h2>{t('analytics.products.slowList')}</h2>
          <p className="muted small how">{t('analytics.products.slowHowAsOf', { days: 60, asOf })}</p>
          <StockHistoryNote history={slow?.stockHistory} testId="slow-stock-history" />
          {slow === null ? <PanelSkeleton lines={6} label={queuedLabel(slowLoad)} /> : null}
          {slow && !stockUnknown(slow.stockHistory) ? (
            <Busy busy={slowLoad.loading}>
              <ReportGrid
                rows={slow.rows}
                columns={slowColumns}
                rowKey="variantId"
                currency={settings.currency}
                testId="slow-movers-grid"
                exportSource="analytics.slowMovers"
                exportQuery={{ asOf, minDays: 60 }}
                fileName={t('analytics.products.slowList')}
                height={360}
                empty={{ title: t('pages.analytics.noSlowMovers'), hint: t('pages.analytics.noSlowMoversHint') }}
              />
            </Busy>
          ) : null}
          {slow && !stockUnknown(slow.stockHistory) ? <p className="muted">{t('analytics.products.slowTotal', { count: formatNumber(slow.totalRows, locale) })}</p> : null}
        </article>
        <article className="card" data-testid="abc-summary">
          <h2>{t('analytics.products.abcAsOf', { asOf })}</h2>
          <p className="muted small how">{t('analytics.products.abcHow')}</p>
          {abc === null ? (
            <PanelSkeleton lines={3} label={queuedLabel(abcLoad)} />
          ) : abc.classes.length === 0 ? (
            <EmptyState title={t('pages.analytics.noSalesYear', { asOf })} testId="abc-empty" />
          ) : (
            <Busy busy={abcLoad.loading}>
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('analytics.products.class')}</th>
                    <th className="num">SKU</th>
                    <th className="num">{t('analytics.products.shareOfSales')}</th>
                  </tr>
                </thead>
                <tbody>
                  {abc.classes.map((row) => (
                    <tr key={row.class}>
                      <td>{row.class}</td>
                      <td className="num">
                        {formatNumber(row.skus, locale)} ({percent(row.shareOfSkus)})
                      </td>
                      <td className="num">{percent(row.shareOfMeasure)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Busy>
          )}
        </article>
      </div>
      <CategoryForecast />
    </div>
  );
}

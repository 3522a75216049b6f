// Sales per day, week, month, channel, location, category, product or RFM
// segment for a period, in AG Grid: every row loaded, sorted and filtered in
// the grid, exported exactly as shown.
import { useMemo, useState, type ReactNode } from 'react';
import type { SalesReportRow } from '../../../../src/analytics/contract.js';
import type { MethodInput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { ReportGrid, type ReportColumn } from '../../components/ReportGrid.js';
import { Loaded } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { InfoNote } from './InfoNote.js';
import { usePartialTexts } from './partial-trend.js';
import { todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute, withQuery } from './period-route.js';

type By = MethodInput<'analytics.salesReport'>['by'];
const dimensions: readonly By[] = ['day', 'week', 'month', 'channel', 'category', 'product', 'location', 'segment'];
/** Every row of a report is loaded: the grid sorts and filters them itself. */
const allRows = 100_000;

/** `#/analytics/sales/category/<id>/<name>?<period>`: the products of one category (the dashboard's category mix links here). */
export function SalesReportPage({ route = [] }: { route?: readonly string[] }): ReactNode {
  const categoryId = route[0] === 'category' && Number(route[1]) > 0 ? Number(route[1]) : undefined;
  const categoryLabel = route[2];
  const { t } = useI18n();
  const { settings } = useShop();
  // Gross profit and margin come from costs: without costs.view the core blanks them and the columns are left out.
  const seesCosts = useCan()('costs.view');
  const periodRoute = usePeriodRoute('last30', todayIn(settings.timeZone));
  const [by, setBy] = useState<By>(categoryId === undefined ? 'channel' : 'product');
  const period = periodRoute.period;
  const query = { from: period.from, to: period.to, by, categoryId };
  const partialTexts = usePartialTexts(settings.timeZone);

  // Another grouping is another table (a skeleton); another period keeps the old rows dimmed until the new ones come.
  const report = useLoad(() => call('analytics.salesReport', { from: period.from, to: period.to, by, categoryId, limit: allRows }), [period.from, period.to, by, categoryId], { resetOn: [by, categoryId] });

  const partialBucket = report.data?.partialBucket;
  // The same columns until their inputs change: new ones would make the grid rebuild every row on each render.
  const columns = useMemo<ReportColumn<SalesReportRow>[]>(() => [
    {
      field: 'label',
      header: t(`analytics.by.${by}`),
      kind: 'text',
      // The row holding today so far says so (by day, week or month).
      text: (row) => (by === 'segment' ? t(`analytics.segment.${row.label}` as MessageKey) : partialTexts.label(row.label, partialBucket) || '—'),
      // A product leads to its page, a category to its products.
      href: (row) =>
        row.key <= 0 ? undefined : by === 'product' ? routeHref('products', row.key) : by === 'category' ? withQuery(routeHref('analytics', 'sales', 'category', row.key, row.label), periodRoute.query) : undefined,
    },
    { field: 'gmv', header: t('analytics.kpi.gmv'), kind: 'money' },
    { field: 'netSales', header: t('analytics.kpi.netSales'), kind: 'money' },
    { field: 'orders', header: t('analytics.kpi.orders'), kind: 'number' },
    { field: 'units', header: t('analytics.kpi.units'), kind: 'number' },
    ...(seesCosts
      ? [
          { field: 'grossProfit', header: t('analytics.kpi.grossProfit'), kind: 'money' },
          { field: 'grossMargin', header: t('analytics.kpi.grossMargin'), kind: 'rate' },
        ] satisfies ReportColumn<SalesReportRow>[]
      : []),
    // partialTexts follows t; periodRoute.query is the period's text.
  ], [t, by, partialBucket, periodRoute.query, seesCosts]);

  return (
    <div className="page" data-testid="sales-report">
      <div className="page-header">
        <h1>{t('analytics.tab.sales')}</h1>
        <PeriodControls route={periodRoute} />
      </div>
      <div className="card">
        <div className="field-row">
          <label className="field">
            <span>{t('analytics.groupBy')}</span>
            <select value={by} onChange={(e) => setBy(e.target.value as By)} data-testid="sales-report-by">
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`analytics.by.${d}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted small how">{t('analytics.how.salesReport', { from: period.from, to: period.to })}</p>
        {by === 'segment' ? (
          <InfoNote text={t('analytics.how.salesBySegment')} how={t('analytics.segment.unscoredHow')} howLabel={t('analytics.how')} testId="sales-segment-how" />
        ) : null}
        {categoryId === undefined ? null : (
          <p className="filter-note" data-testid="sales-report-category">
            {t('analytics.onlyCategory', { category: categoryLabel ?? String(categoryId) })} <a href={withQuery(routeHref('analytics', 'sales'), periodRoute.query)}>{t('analytics.allCategories')}</a>
          </p>
        )}
        <Loaded load={report} lines={8}>
          {({ rows }) => (
            <ReportGrid
              rows={rows}
              columns={columns}
              rowKey="key"
              currency={settings.currency}
              testId="sales-report-table"
              exportSource="analytics.salesReport"
              exportQuery={query}
              fileName={t('analytics.tab.sales')}
            />
          )}
        </Loaded>
      </div>
    </div>
  );
}

// Dashboard panels from the sales report: net sales by category (chart or
// table) and the top and bottom products, each a link to its product page;
// "See all" opens the full report.
import { useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsPeriod, MixRow } from '../../../../src/analytics/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton, useQueuedLabel } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney } from '../../i18n/format.js';
import { ChartTableToggle } from '../../components/ChartTableToggle.js';
import { withQuery } from './period-route.js';

const shown = 5;

/** `query`: the dashboard's period as a URL query, so the sales report opens on the same period. */
export function MixPanels({ period, currency, query }: { period: AnalyticsPeriod; currency: string; query: string }): ReactNode {
  const { t, locale } = useI18n();
  // One call for the three panels: a single pass over the period's lines. Below the
  // dashboard's KPIs and trend, so it is asked for after them (or when scrolled to).
  const panels = useRef<HTMLDivElement>(null);
  const mix = useLoad(() => call('analytics.salesMix', { from: period.from, to: period.to, products: shown, categories: 12 }), [period.from, period.to], { belowFold: panels });
  const categories = mix.data?.categories ?? null;
  const queuedLabel = useQueuedLabel();
  const [asTable, setAsTable] = useState(false);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  // A category's products in the sales report (its name rides along for the heading), for the same period.
  const categoryHref = (row: MixRow) => withQuery(routeHref('analytics', 'sales', 'category', row.key, row.label), query);
  const exportColumns = (by: 'category' | 'product') => [
    { field: 'label', header: t(`analytics.by.${by}`), kind: 'text' as const },
    { field: 'netSales', header: t('analytics.kpi.netSales'), kind: 'money' as const },
    { field: 'units', header: t('analytics.kpi.units'), kind: 'number' as const },
  ];

  const productList = (rows: MixRow[], testId: string) => (
    <ol className="rank-list" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key}>
          {row.key > 0 ? <a href={routeHref('products', row.key)}>{row.label}</a> : <span className="muted">{t('analytics.mix.noProduct')}</span>}
          <span className="num">{money(row.netSales)}</span>
        </li>
      ))}
    </ol>
  );

  return (
    <div className="mix-panels" ref={panels}>
      <article className="card" data-testid="category-mix">
        <header className="card-header">
          <h2>{t('analytics.mix.categories')}</h2>
          <div className="page-actions">
            <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} />
            <ExportMenu source="analytics.salesReport" query={{ from: period.from, to: period.to, by: 'category' }} columns={exportColumns('category')} fileName={t('analytics.mix.categories')} />
          </div>
        </header>
        <p className="muted small how">{t('analytics.mix.how')}</p>
        {categories === null ? (
          <PanelSkeleton lines={6} label={queuedLabel(mix)} />
        ) : categories.length === 0 ? (
          <EmptyState title={t('pages.analytics.noSales')} hint={t('pages.analytics.noSalesHint')} testId="category-mix-empty" />
        ) : (
          <Busy busy={mix.loading}>
            {asTable ? (
              <table className="table">
                <tbody>
                  {categories.map((row) => (
                    <tr key={row.key}>
                      <td>{row.key > 0 ? <a href={categoryHref(row)}>{row.label}</a> : '—'}</td>
                      <td className="num">{money(row.netSales)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <ResponsiveContainer width="100%" height={300}>
                <BarChart data={categories} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => money(v)} />
                  <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} />
                  <Tooltip formatter={(value) => [money(Number(value)), t('analytics.kpi.netSales')]} />
                  <Bar
                    dataKey="netSales"
                    fill="#1570ef"
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(entry: { payload?: MixRow }) => {
                      if (entry.payload && entry.payload.key > 0) location.hash = categoryHref(entry.payload);
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            )}
          </Busy>
        )}
        <a href={withQuery(routeHref('analytics', 'sales'), query)}>{t('analytics.mix.seeAll')}</a>
      </article>
      <article className="card" data-testid="top-products">
        <header className="card-header">
          <h2>{t('analytics.mix.top')}</h2>
          <ExportMenu source="analytics.salesReport" query={{ from: period.from, to: period.to, by: 'product' }} columns={exportColumns('product')} fileName={t('analytics.by.product')} />
        </header>
        {mix.data === null ? (
          <PanelSkeleton lines={5} label={queuedLabel(mix)} />
        ) : mix.data.top.length === 0 ? (
          <EmptyState title={t('pages.analytics.noSales')} testId="top-products-empty" />
        ) : (
          <Busy busy={mix.loading}>
            {productList(mix.data.top, 'top-products-list')}
            <h2>{t('analytics.mix.bottom')}</h2>
            <p className="muted small how">{t('analytics.mix.bottomHow')}</p>
            {productList(mix.data.bottom, 'bottom-products-list')}
          </Busy>
        )}
      </article>
    </div>
  );
}

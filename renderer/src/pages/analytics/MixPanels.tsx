// Dashboard panels from the sales report: net sales by category (chart or
// table) and the top and bottom products, each a link to its product page;
// "See all" opens the full report.
import { useEffect, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsPeriod, SalesReportRow } from '../../../../src/analytics/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney } from '../../i18n/format.js';

const shown = 5;

export function MixPanels({ period, currency }: { period: AnalyticsPeriod; currency: string }): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const [categories, setCategories] = useState<SalesReportRow[] | null>(null);
  const [top, setTop] = useState<SalesReportRow[]>([]);
  const [bottom, setBottom] = useState<SalesReportRow[]>([]);
  const [asTable, setAsTable] = useState(false);
  const money = (minor: number) => formatMoney(minor, currency, locale);

  useEffect(() => {
    const base = { from: period.from, to: period.to };
    call('analytics.salesReport', { ...base, by: 'category', limit: 12 }).then((answer) => setCategories(answer.rows), showError);
    call('analytics.salesReport', { ...base, by: 'product', limit: shown }).then((answer) => setTop(answer.rows), showError);
    call('analytics.salesReport', { ...base, by: 'product', limit: shown, sort: { column: 'netSales', direction: 'asc' } }).then((answer) => setBottom(answer.rows), showError);
  }, [period.from, period.to, showError]);

  const productList = (rows: SalesReportRow[], testId: string) => (
    <ol className="rank-list" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key}>
          <a href={routeHref('products', row.key)}>{row.label}</a>
          <span className="num">{money(row.netSales)}</span>
        </li>
      ))}
    </ol>
  );

  return (
    <div className="mix-panels">
      <article className="card" data-testid="category-mix">
        <header className="card-header">
          <h2>{t('analytics.mix.categories')}</h2>
          <button type="button" className="button button-small" onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('insights.sales.chart') : t('insights.sales.table')}
          </button>
        </header>
        <p className="muted small how">{t('analytics.mix.how')}</p>
        {asTable ? (
          <table className="table">
            <tbody>
              {(categories ?? []).map((row) => (
                <tr key={row.key}>
                  <td>{row.label || '—'}</td>
                  <td className="num">{money(row.netSales)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            <BarChart data={categories ?? []} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => money(v)} />
              <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(value) => [money(Number(value)), t('analytics.kpi.netSales')]} />
              <Bar dataKey="netSales" fill="#1570ef" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
        <a href={routeHref('analytics', 'sales')}>{t('analytics.mix.seeAll')}</a>
      </article>
      <article className="card" data-testid="top-products">
        <h2>{t('analytics.mix.top')}</h2>
        {productList(top, 'top-products-list')}
        <h2>{t('analytics.mix.bottom')}</h2>
        <p className="muted small how">{t('analytics.mix.bottomHow')}</p>
        {productList(bottom, 'bottom-products-list')}
      </article>
    </div>
  );
}

// Dashboard: new vs returning customers per bucket of the trend (chart or
// table, exportable). New = their first order ever was in the bucket.
import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsPeriod, SeriesPoint } from '../../../../src/analytics/contract.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { ChartTableToggle } from '../../components/ChartTableToggle.js';

export function CustomerMixPanel({ points, period, granularity }: { points: readonly SeriesPoint[]; period: AnalyticsPeriod; granularity: 'day' | 'week' }): ReactNode {
  const { t, locale } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const rows = points.map((p) => ({ bucket: p.bucket, newCustomers: p.newCustomers, returning: p.customers - p.newCustomers }));
  const name = (key: unknown) => (key === 'newCustomers' ? t('analytics.kpi.newCustomers') : t('analytics.kpi.returningCustomers'));
  return (
    <article className="card" data-testid="customer-mix">
      <header className="card-header">
        <h2>{t('analytics.customerMix.title')}</h2>
        <div className="page-actions">
          <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} testId="customer-mix-toggle" />
          <ExportMenu
            source="analytics.salesSeries"
            query={{ from: period.from, to: period.to, granularity }}
            columns={[
              { field: 'bucket', header: t('analytics.col.bucket'), kind: 'text' },
              { field: 'customers', header: t('analytics.customerMix.customers'), kind: 'number' },
              { field: 'newCustomers', header: t('analytics.kpi.newCustomers'), kind: 'number' },
            ]}
            fileName={t('analytics.customerMix.title')}
          />
        </div>
      </header>
      <p className="muted small how">{t('analytics.customerMix.how')}</p>
      {asTable ? (
        <div className="table-scroll">
          <table className="table" data-testid="customer-mix-table">
            <thead>
              <tr>
                <th>{t('analytics.col.bucket')}</th>
                <th className="num">{t('analytics.kpi.newCustomers')}</th>
                <th className="num">{t('analytics.kpi.returningCustomers')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.bucket}>
                  <td>{row.bucket}</td>
                  <td className="num">{formatNumber(row.newCustomers, locale)}</td>
                  <td className="num">{formatNumber(row.returning, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="bucket" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
            <Tooltip formatter={(value, key) => [formatNumber(Number(value), locale), name(key)]} />
            <Legend formatter={(key) => name(key)} />
            <Bar dataKey="newCustomers" stackId="c" fill="#12b76a" isAnimationActive={false} />
            <Bar dataKey="returning" stackId="c" fill="#1570ef" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </article>
  );
}

// Dashboard: new vs returning customers per bucket of the trend (chart or
// table, exportable). New = their first order ever was in the bucket. The
// points come with the dashboard's trend: null while they load.
import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../../components/ChartLegend.js';
import type { AnalyticsPeriod, SeriesPoint } from '../../../../src/analytics/contract.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { ChartTableToggle } from '../../components/ChartTableToggle.js';
import { useShop } from '../../app/shop-context.js';
import { PartialNote, partialOpacity, usePartialTexts } from './partial-trend.js';

export function CustomerMixPanel(props: {
  points: readonly SeriesPoint[] | null;
  /** The bucket holding today so far (a lighter bar), from the same trend answer. */
  partial?: { bucket: string; asOf: string } | null | undefined;
  loading: boolean;
  period: AnalyticsPeriod;
  granularity: 'day' | 'week';
}): ReactNode {
  const { points, period, granularity } = props;
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const partialTexts = usePartialTexts(settings.timeZone);
  const partialBucket = props.partial?.bucket;
  const [asTable, setAsTable] = useState(false);
  const rows = (points ?? []).map((p) => ({ bucket: p.bucket, newCustomers: p.newCustomers, returning: p.customers - p.newCustomers }));
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
      {props.partial ? (
        <PartialNote testId="customer-mix-partial" text={t('figures.partial.barsNote', { what: partialTexts.what(granularity), time: partialTexts.time(props.partial.asOf) })} />
      ) : null}
      {points === null ? (
        <PanelSkeleton lines={5} />
      ) : (
        <Busy busy={props.loading}>
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
                      <td>{partialTexts.label(row.bucket, partialBucket)}</td>
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
                <Tooltip labelFormatter={(label) => partialTexts.label(String(label), partialBucket)} formatter={(value, key) => [formatNumber(Number(value), locale), name(key)]} />
                <Legend content={({ payload }) => <ChartLegend payload={payload} name={name} />} />
                <Bar dataKey="newCustomers" stackId="c" fill="#12b76a" isAnimationActive={false}>
                  {rows.map((row) => (
                    <Cell key={row.bucket} fillOpacity={row.bucket === partialBucket ? partialOpacity : 1} />
                  ))}
                </Bar>
                <Bar dataKey="returning" stackId="c" fill="#1570ef" isAnimationActive={false}>
                  {rows.map((row) => (
                    <Cell key={row.bucket} fillOpacity={row.bucket === partialBucket ? partialOpacity : 1} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </Busy>
      )}
    </article>
  );
}

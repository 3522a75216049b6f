// Weekly units and sales of the product, as a chart or as a table (every chart
// has a table view), with the totals and last-sold date.
import { useState, type ReactNode } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import { formatDateTime, formatMoney, formatNumber } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/context.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Panel } from './Panel.js';
import { ChartTableToggle } from '../../../components/ChartTableToggle.js';
import { PartialNote, partialDash, partialDot, partialOpacity, splitPartial } from '../../analytics/partial-trend.js';

export function SalesPanel({ insights }: { insights: ProductInsights }): ReactNode {
  const { t, locale } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const money = (minor: number) => formatMoney(minor, insights.currency, locale);
  const { sales } = insights;
  // This week is not over: its bar is lighter, its sales line dashed, and its label says "so far".
  const partialWeek = insights.partialWeek.weekStart;
  const weekLabel = (weekStart: string) => {
    const label = t('insights.sales.week', { date: weekStart });
    return weekStart === partialWeek ? t('figures.partial.label', { label }) : label;
  };
  const trendRows = splitPartial(
    insights.salesTrend.map((week) => ({ ...week, bucket: week.weekStart })),
    ['netSales'],
    partialWeek,
  );
  return (
    <Panel
      title={t('insights.sales.title', { weeks: insights.salesTrend.length })}
      how={t('insights.sales.how')}
      testId="insights-sales"
      wide
    >
      <div className="insight-summary">
        <strong data-testid="insights-sales-summary">
          {t('insights.sales.summary', { units: formatNumber(sales.units, locale), orders: formatNumber(sales.orders, locale), sales: money(sales.netSales) })}
        </strong>
        <span className="muted">
          {sales.lastSoldAt
            ? t('insights.sales.lastSold', { when: formatDateTime(sales.lastSoldAt, locale, insights.timeZone) })
            : t('insights.sales.never')}
        </span>
        <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} />
      </div>
      {sales.units === 0 ? (
        <EmptyState title={t('pages.product.salesEmpty', { weeks: insights.salesTrend.length })} hint={t('pages.product.salesEmptyHint')} testId="insights-sales-empty" />
      ) : asTable ? (
        <div className="table-scroll">
          <table className="table" data-testid="insights-sales-table">
            <thead>
              <tr>
                <th>{t('insights.col.when')}</th>
                <th className="num">{t('insights.col.units')}</th>
                <th className="num">{t('insights.col.sales')}</th>
              </tr>
            </thead>
            <tbody>
              {insights.salesTrend.map((week) => (
                <tr key={week.weekStart}>
                  <td>{weekLabel(week.weekStart)}</td>
                  <td className="num">{formatNumber(week.units, locale)}</td>
                  <td className="num">{money(week.netSales)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart" data-testid="insights-sales-chart">
          <ResponsiveContainer width="100%" height={220}>
            <ComposedChart data={trendRows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="weekStart" tick={{ fontSize: 11 }} minTickGap={24} />
              <YAxis yAxisId="units" allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
              <YAxis yAxisId="sales" orientation="right" tick={{ fontSize: 11 }} width={70} tickFormatter={(v: number) => money(v)} />
              <Tooltip
                labelFormatter={(label) => weekLabel(String(label))}
                formatter={(value, name) =>
                  name === 'netSales' || name === 'netSalesSoFar' ? [money(Number(value)), t('insights.col.sales')] : [formatNumber(Number(value), locale), t('insights.col.units')]
                }
              />
              <Bar yAxisId="units" dataKey="units" fill="#98a2b3" isAnimationActive={false}>
                {insights.salesTrend.map((week) => (
                  <Cell key={week.weekStart} fillOpacity={week.weekStart === partialWeek ? partialOpacity : 1} />
                ))}
              </Bar>
              <Line yAxisId="sales" dataKey="netSales" stroke="#1570ef" dot={false} strokeWidth={2} isAnimationActive={false} />
              <Line yAxisId="sales" dataKey="netSalesSoFar" stroke="#1570ef" strokeOpacity={0.5} strokeDasharray={partialDash} strokeWidth={2} dot={partialDot(partialWeek, '#1570ef')} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
          <PartialNote testId="insights-sales-partial" text={t('figures.partial.weekNote', { date: partialWeek })} />
        </div>
      )}
    </Panel>
  );
}

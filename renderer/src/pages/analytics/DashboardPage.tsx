// The owner's dashboard: KPIs of a period against the previous period and the
// same days last year, each with how it is computed; the sales trend (chart or
// table) with last year beside it; the split by channel.
import { useState, type ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../../components/ChartLegend.js';
import type { KpiValues } from '../../../../src/analytics/contract.js';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CustomerMixPanel } from './CustomerMixPanel.js';
import { change, KpiCard } from './KpiCard.js';
import { KpiPartialNote, useKpiCaveat } from './kpi-caveats.js';
import { PartialNote, partialDash, partialDot, splitPartial, usePartialTexts } from './partial-trend.js';
import { MixPanels } from './MixPanels.js';
import { periodDays, todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute } from './period-route.js';
import { ChartTableToggle } from '../../components/ChartTableToggle.js';

type Kpis = MethodOutput<'analytics.kpis'>;
type Series = MethodOutput<'analytics.salesSeries'>;
type Forecast = MethodOutput<'analytics.forecast'>;
/** Days of units forecast drawn after a daily trend that ends today. */
const forecastDays = 14;
type Kind = 'money' | 'count' | 'rate';

const cards: readonly { id: keyof KpiValues; kind: Kind }[] = [
  { id: 'gmv', kind: 'money' },
  { id: 'netSales', kind: 'money' },
  { id: 'orders', kind: 'count' },
  { id: 'units', kind: 'count' },
  { id: 'aov', kind: 'money' },
  { id: 'grossProfit', kind: 'money' },
  { id: 'grossMargin', kind: 'rate' },
  { id: 'returnRate', kind: 'rate' },
  { id: 'newCustomers', kind: 'count' },
  { id: 'returningCustomers', kind: 'count' },
  { id: 'repurchaseRate', kind: 'rate' },
];

/** KPIs computed from costs (metrics.md: COGS, gross profit, gross margin). */
const costKpis: ReadonlySet<keyof KpiValues> = new Set(['cogs', 'grossProfit', 'grossMargin']);

export function DashboardPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Gross profit and margin come from costs: without costs.view the core blanks them and their cards are left out.
  const seesCosts = useCan()('costs.view');
  const shownCards = seesCosts ? cards : cards.filter((card) => !costKpis.has(card.id));
  const [asTable, setAsTable] = useState(false);
  const today = todayIn(settings.timeZone);
  const periodRoute = usePeriodRoute('last30', today);
  const period = periodRoute.period;
  const granularity = periodDays(period) > 92 ? 'week' : 'day';
  const withForecast = granularity === 'day' && period.to === today;

  // The period comes from the URL (and today): its dates are the dependencies. The last
  // answers stay (dimmed) while a new period loads.
  const kpisLoad = useLoad<Kpis>(() => call('analytics.kpis', { from: period.from, to: period.to }), [period.from, period.to]);
  const seriesLoad = useLoad<Series>(() => call('analytics.salesSeries', { from: period.from, to: period.to, granularity }), [period.from, period.to, granularity]);
  const forecastLoad = useLoad<Forecast | null>(
    () => (withForecast ? call('analytics.forecast', { scope: { kind: 'shop' }, today, horizonDays: forecastDays }) : Promise.resolve(null)),
    [withForecast, today],
  );
  const kpis = kpisLoad.data;
  const series = seriesLoad.data;
  const forecast = forecastLoad.data;

  const currency = kpis?.currency ?? settings.currency;
  const show = (kind: Kind, value: number | null): string => {
    if (value === null) return '—';
    if (kind === 'money') return formatMoney(Math.round(value), currency, locale);
    if (kind === 'rate') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    return formatNumber(value, locale);
  };
  const percentChange = (fraction: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction);
  const chartData: { bucket: string; netSales: number | null; lastYear: number | null; orders: number | null; units: number | null; forecastUnits: number | null }[] = [
    ...(series?.points ?? []).map((point, i) => ({ bucket: point.bucket, netSales: point.netSales, lastYear: series?.lastYear[i]?.netSales ?? null, orders: point.orders, units: point.units, forecastUnits: null })),
    ...(forecast?.forecast ?? []).map((point) => ({ bucket: point.day, netSales: null, lastYear: null, orders: null, units: null, forecastUnits: Math.round(point.units) })),
  ];
  const partialTexts = usePartialTexts(settings.timeZone);
  const caveatOf = useKpiCaveat(kpis?.returnsMaturing);
  const partial = series?.partial ?? null;
  // The partial bucket's values continue the lines dashed (netSalesSoFar, unitsSoFar), never as a drop.
  const lineData = splitPartial(chartData, ['netSales', 'units'], partial?.bucket);
  const baseName = (name: string): string =>
    name === 'netSales' ? t('analytics.kpi.netSales') : name === 'lastYear' ? t('analytics.col.lastYear') : name === 'units' ? t('analytics.kpi.units') : t('analytics.col.forecastUnits');
  const seriesName = (name: unknown): string => {
    const key = String(name);
    return key.endsWith('SoFar') ? t('figures.partial.legend', { series: baseName(key.slice(0, -'SoFar'.length)), what: partialTexts.what(granularity) }) : baseName(key);
  };

  return (
    <div className="page" data-testid="dashboard">
      <div className="page-header">
        <h1>{t('nav.analytics')}</h1>
        <PeriodControls route={periodRoute} />
      </div>
      <p className="muted" data-testid="dashboard-period">
        {t('analytics.periodLine', { from: period.from, to: period.to, previousFrom: kpis?.previous.from ?? '…', previousTo: kpis?.previous.to ?? '…' })}
      </p>
      <KpiPartialNote partial={kpis?.partial} timeZone={settings.timeZone} />
      <Busy busy={kpisLoad.loading}>
        <div className="kpi-grid">
          {shownCards.map((card) => (
            <KpiCard
              key={card.id}
              id={card.id}
              label={t(`analytics.kpi.${card.id}` as MessageKey)}
              value={kpis ? show(card.kind, kpis.current[card.id]) : '…'}
              vsPrevious={kpis ? change(kpis.current[card.id], kpis.previousValues[card.id]) : null}
              vsLastYear={kpis ? change(kpis.current[card.id], kpis.lastYearValues[card.id]) : null}
              previousLabel={t('analytics.vsPrevious')}
              lastYearLabel={t('analytics.vsLastYear')}
              how={t(`analytics.how.${card.id}` as MessageKey)}
              howLabel={t('analytics.how')}
              formatChange={percentChange}
              lowerIsBetter={card.id === 'returnRate'}
              {...caveatOf(card.id)}
            />
          ))}
        </div>
      </Busy>
      <article className="card" data-testid="sales-trend">
        <header className="card-header">
          <h2>{t(granularity === 'week' ? 'analytics.trend.weekly' : 'analytics.trend.daily')}</h2>
          <div className="page-actions">
            <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} testId="sales-trend-toggle" />
            <ExportMenu
              source="analytics.salesSeries"
              query={{ from: period.from, to: period.to, granularity }}
              columns={[
                { field: 'bucket', header: t('analytics.col.bucket'), kind: 'text' },
                { field: 'gmv', header: t('analytics.kpi.gmv'), kind: 'money' },
                { field: 'netSales', header: t('analytics.kpi.netSales'), kind: 'money' },
                { field: 'lastYearNetSales', header: t('analytics.col.lastYear'), kind: 'money' },
                { field: 'orders', header: t('analytics.kpi.orders'), kind: 'number' },
                { field: 'units', header: t('analytics.kpi.units'), kind: 'number' },
              ]}
              fileName={t('analytics.trend.daily')}
            />
          </div>
        </header>
        <p className="muted small how">{t('analytics.how.trend')}</p>
        {partial ? (
          <PartialNote
            testId="sales-trend-partial"
            text={t('figures.partial.trendNote', { what: partialTexts.what(granularity), time: partialTexts.time(partial.asOf), cut: partialTexts.cut(partial.hours) })}
          />
        ) : null}
        {forecast?.partial ? (
          <p className="muted small how" data-testid="forecast-today">
            {t('figures.partial.forecastNote', {
              units: formatNumber(forecast.history.at(-1)?.units ?? 0, locale),
              forecast: formatNumber(Math.round(forecast.partial.todayForecast), locale),
            })}
          </p>
        ) : null}
        {forecast ? (
          <p className="muted small how" data-testid="forecast-note">
            {forecast.wape === null
              ? t('analytics.forecast.noError')
              : t('analytics.forecast.note', {
                  days: forecastDays,
                  wape: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(forecast.wape),
                })}
          </p>
        ) : null}
        {series === null ? (
          <PanelSkeleton lines={6} />
        ) : (
          <Busy busy={seriesLoad.loading || forecastLoad.loading}>
            {asTable ? (
              <div className="table-scroll">
                <table className="table" data-testid="sales-trend-table">
                  <thead>
                    <tr>
                      <th>{t('analytics.col.bucket')}</th>
                      <th className="num">{t('analytics.kpi.netSales')}</th>
                      <th className="num">{t('analytics.col.lastYear')}</th>
                      <th className="num">{t('analytics.kpi.orders')}</th>
                      <th className="num">{t('analytics.kpi.units')}</th>
                      <th className="num">{t('analytics.col.forecastUnits')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {chartData.map((row) => (
                      <tr key={row.bucket} className={row.forecastUnits === null ? undefined : 'forecast-row'}>
                        <td>{partialTexts.label(row.bucket, partial?.bucket)}</td>
                        <td className="num">{show('money', row.netSales)}</td>
                        <td className="num">{show('money', row.lastYear)}</td>
                        <td className="num">{row.orders === null ? '' : formatNumber(row.orders, locale)}</td>
                        <td className="num">{row.units === null ? '' : formatNumber(row.units, locale)}</td>
                        <td className="num">{row.forecastUnits === null ? '' : formatNumber(row.forecastUnits, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <div className="chart chart-tall" data-testid="sales-trend-chart">
                <ResponsiveContainer width="100%" height={290}>
                  <ComposedChart data={lineData} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="bucket" tick={{ fontSize: 11 }} minTickGap={24} />
                    <YAxis yAxisId="money" tick={{ fontSize: 11 }} width={80} tickFormatter={(v: number) => show('money', v)} />
                    <YAxis yAxisId="units" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
                    <Tooltip
                      labelFormatter={(label) => partialTexts.label(String(label), partial?.bucket)}
                      formatter={(value, name) => [
                        name === 'units' || name === 'unitsSoFar' || name === 'forecastUnits' ? formatNumber(Number(value), locale) : show('money', Number(value)),
                        seriesName(name),
                      ]}
                    />
                    <Legend content={({ payload }) => <ChartLegend payload={payload} name={seriesName} />} />
                    <Line yAxisId="money" dataKey="netSales" stroke="#1570ef" dot={false} strokeWidth={2} isAnimationActive={false} />
                    <Line yAxisId="money" dataKey="lastYear" stroke="#98a2b3" dot={false} strokeDasharray="4 4" isAnimationActive={false} />
                    <Line yAxisId="units" dataKey="units" stroke="#7a5af8" dot={false} strokeWidth={1} isAnimationActive={false} />
                    {partial ? (
                      <Line yAxisId="money" dataKey="netSalesSoFar" stroke="#1570ef" strokeOpacity={0.5} strokeDasharray={partialDash} strokeWidth={2} dot={partialDot(partial.bucket, '#1570ef')} isAnimationActive={false} />
                    ) : null}
                    {partial ? (
                      <Line yAxisId="units" dataKey="unitsSoFar" stroke="#7a5af8" strokeOpacity={0.5} strokeDasharray={partialDash} dot={partialDot(partial.bucket, '#7a5af8')} legendType="none" isAnimationActive={false} />
                    ) : null}
                    {withForecast ? <Line yAxisId="units" dataKey="forecastUnits" stroke="#f79009" dot={false} strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} /> : null}
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
            )}
          </Busy>
        )}
      </article>
      <MixPanels period={period} currency={currency} query={periodRoute.query} />
      <CustomerMixPanel points={series?.points ?? null} partial={partial} loading={seriesLoad.loading} period={period} granularity={granularity} />
      <article className="card" data-testid="channel-split">
        <h2>{t('analytics.byChannel')}</h2>
        {kpis === null ? (
          <PanelSkeleton lines={3} />
        ) : kpis.byChannel.length === 0 ? (
          <EmptyState title={t('pages.analytics.noSales')} hint={t('pages.analytics.noSalesHint')} testId="channel-split-empty" />
        ) : (
          <Busy busy={kpisLoad.loading}>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('analytics.col.channel')}</th>
                  <th className="num">{t('analytics.kpi.netSales')}</th>
                  <th className="num">{t('analytics.kpi.orders')}</th>
                  <th className="num">{t('analytics.kpi.aov')}</th>
                  {seesCosts ? <th className="num">{t('analytics.kpi.grossMargin')}</th> : null}
                  <th className="num">{t('analytics.kpi.returnRate')}</th>
                </tr>
              </thead>
              <tbody>
                {(kpis?.byChannel ?? []).map((row) => (
                  <tr key={row.channelId}>
                    <td>{row.channel}</td>
                    <td className="num">{show('money', row.values.netSales)}</td>
                    <td className="num">{formatNumber(row.values.orders, locale)}</td>
                    <td className="num">{show('money', row.values.aov)}</td>
                    {seesCosts ? <td className="num">{show('rate', row.values.grossMargin)}</td> : null}
                    <td className="num">{show('rate', row.values.returnRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Busy>
        )}
      </article>
    </div>
  );
}

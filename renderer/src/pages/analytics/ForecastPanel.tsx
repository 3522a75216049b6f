// A units forecast for a product, one of its SKUs, or a category: the last
// eight weeks of daily units sold, then the forecast (chart or table), with
// the holdout error so the owner knows how far to trust it.
import { useState, type ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../../components/ChartLegend.js';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { todayIn } from './period.js';
import { PartialNote, partialDash, partialDot, splitPartial, usePartialTexts } from './partial-trend.js';
import { ChartTableToggle } from '../../components/ChartTableToggle.js';

type Scope = MethodInput<'analytics.forecast'>['scope'];
export interface ForecastChoice {
  label: string;
  scope: Scope;
}

const horizonDays = 28;
const shownHistoryDays = 56;

export function ForecastPanel({ title, choices, testId }: { title: string; choices: readonly ForecastChoice[]; testId: string }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const [chosen, setChosen] = useState(0);
  const [asTable, setAsTable] = useState(false);
  const today = todayIn(settings.timeZone);
  const scope = choices[chosen]?.scope ?? choices[0]?.scope;
  const scopeKey = JSON.stringify(scope);

  // scopeKey stands for the scope object (a new one each render); another scope is another forecast (a skeleton).
  const load = useLoad<MethodOutput<'analytics.forecast'> | null>(() => (scope ? call('analytics.forecast', { scope, today, horizonDays }) : Promise.resolve(null)), [scopeKey, today], {
    resetOn: [scopeKey],
  });
  const answer = load.data;

  const rows = [
    ...(answer?.history.slice(-shownHistoryDays) ?? []).map((d) => ({ day: d.day, bucket: d.day, sold: d.units as number | null, forecast: null as number | null })),
    ...(answer?.forecast ?? []).map((d) => ({ day: d.day, bucket: d.day, sold: null as number | null, forecast: Math.round(d.units * 10) / 10 })),
  ];
  // Today so far continues the sold line dashed (it is not over), never as a drop.
  const partialDay = answer?.partial?.day;
  const lineRows = splitPartial(rows, ['sold'], partialDay);
  const partialTexts = usePartialTexts(settings.timeZone);
  const next7 = (answer?.forecast ?? []).slice(0, 7).reduce((sum, d) => sum + d.units, 0);
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const name = (key: unknown) =>
    key === 'sold'
      ? t('analytics.forecastPanel.sold')
      : key === 'soldSoFar'
        ? t('figures.partial.legend', { series: t('analytics.forecastPanel.sold'), what: t('figures.partial.day') })
        : t('analytics.col.forecastUnits');

  return (
    <article className="card" data-testid={testId}>
      <header className="card-header">
        <h2>{title}</h2>
        <div className="page-actions">
          {choices.length > 1 ? (
            <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))} aria-label={t('analytics.forecastPanel.scope')} data-testid={`${testId}-scope`}>
              {choices.map((choice, i) => (
                <option key={JSON.stringify(choice.scope)} value={i}>
                  {choice.label}
                </option>
              ))}
            </select>
          ) : null}
          <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} />
        </div>
      </header>
      {answer === null ? (
        <PanelSkeleton lines={5} />
      ) : answer.history.length === 0 ? (
        <EmptyState title={t('analytics.forecastPanel.noSales')} hint={t('pages.analytics.noForecastHint')} testId={`${testId}-empty`} />
      ) : (
        <Busy busy={load.loading}>
          <p data-testid={`${testId}-summary`}>
            {t('analytics.forecastPanel.next7', { units: formatNumber(Math.round(next7), locale) })}{' '}
            <strong>
              {answer.wape === null ? t('analytics.forecastPanel.noError') : t('analytics.forecastPanel.error', { wape: percent(answer.wape) })}
            </strong>
          </p>
          <p className="muted small how">{t(answer.yearly ? 'analytics.forecastPanel.howYearly' : 'analytics.forecastPanel.how', { days: horizonDays })}</p>
          {answer.partial ? (
            <PartialNote
              testId={`${testId}-partial`}
              text={t('figures.partial.forecastNote', {
                units: formatNumber(answer.history.at(-1)?.units ?? 0, locale),
                forecast: formatNumber(Math.round(answer.partial.todayForecast * 10) / 10, locale),
              })}
            />
          ) : null}
          {asTable ? (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('analytics.col.bucket')}</th>
                    <th className="num">{t('analytics.forecastPanel.sold')}</th>
                    <th className="num">{t('analytics.col.forecastUnits')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.day} className={row.forecast === null ? undefined : 'forecast-row'}>
                      <td>{partialTexts.label(row.day, partialDay)}</td>
                      <td className="num">{row.sold === null ? '' : formatNumber(row.sold, locale)}</td>
                      <td className="num">{row.forecast === null ? '' : formatNumber(row.forecast, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <ResponsiveContainer width="100%" height={220}>
              <ComposedChart data={lineRows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
                <Tooltip labelFormatter={(label) => partialTexts.label(String(label), partialDay)} formatter={(value, key) => [formatNumber(Number(value), locale), name(key)]} />
                <Legend content={({ payload }) => <ChartLegend payload={payload} name={name} />} />
                <Line dataKey="sold" stroke="#7a5af8" dot={false} isAnimationActive={false} />
                {partialDay ? (
                  <Line dataKey="soldSoFar" stroke="#7a5af8" strokeOpacity={0.5} strokeDasharray={partialDash} dot={partialDot(partialDay, '#7a5af8')} isAnimationActive={false} />
                ) : null}
                <Line dataKey="forecast" stroke="#f79009" strokeDasharray="6 3" strokeWidth={2} dot={false} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          )}
        </Busy>
      )}
    </article>
  );
}

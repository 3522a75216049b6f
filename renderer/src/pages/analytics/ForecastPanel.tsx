// A units forecast for a product, one of its SKUs, or a category: the last
// eight weeks of daily units sold, then the forecast (chart or table), with
// the holdout error so the owner knows how far to trust it.
import { useEffect, useState, type ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { todayIn } from './period.js';
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
  const { showError } = useToasts();
  const [chosen, setChosen] = useState(0);
  const [asTable, setAsTable] = useState(false);
  const [answer, setAnswer] = useState<MethodOutput<'analytics.forecast'> | null>(null);
  const today = todayIn(settings.timeZone);
  const scope = choices[chosen]?.scope ?? choices[0]?.scope;
  const scopeKey = JSON.stringify(scope);

  useEffect(() => {
    if (!scope) return;
    setAnswer(null);
    call('analytics.forecast', { scope, today, horizonDays }).then(setAnswer, showError);
    // scopeKey stands for the scope object (a new one each render).
  }, [scopeKey, today, showError]);

  const rows = [
    ...(answer?.history.slice(-shownHistoryDays) ?? []).map((d) => ({ day: d.day, sold: d.units, forecast: null as number | null })),
    ...(answer?.forecast ?? []).map((d) => ({ day: d.day, sold: null as number | null, forecast: Math.round(d.units * 10) / 10 })),
  ];
  const next7 = (answer?.forecast ?? []).slice(0, 7).reduce((sum, d) => sum + d.units, 0);
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const name = (key: unknown) => (key === 'sold' ? t('analytics.forecastPanel.sold') : t('analytics.col.forecastUnits'));

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
        <p className="muted">{t('insights.loading')}</p>
      ) : answer.history.length === 0 ? (
        <p className="muted">{t('analytics.forecastPanel.noSales')}</p>
      ) : (
        <>
          <p data-testid={`${testId}-summary`}>
            {t('analytics.forecastPanel.next7', { units: formatNumber(Math.round(next7), locale) })}{' '}
            <strong>
              {answer.wape === null ? t('analytics.forecastPanel.noError') : t('analytics.forecastPanel.error', { wape: percent(answer.wape) })}
            </strong>
          </p>
          <p className="muted small how">{t(answer.yearly ? 'analytics.forecastPanel.howYearly' : 'analytics.forecastPanel.how', { days: horizonDays })}</p>
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
                      <td>{row.day}</td>
                      <td className="num">{row.sold === null ? '' : formatNumber(row.sold, locale)}</td>
                      <td className="num">{row.forecast === null ? '' : formatNumber(row.forecast, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <ResponsiveContainer width="100%" height={220}>
              <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
                <Tooltip formatter={(value, key) => [formatNumber(Number(value), locale), name(key)]} />
                <Legend formatter={(key) => name(key)} />
                <Line dataKey="sold" stroke="#7a5af8" dot={false} isAnimationActive={false} />
                <Line dataKey="forecast" stroke="#f79009" strokeDasharray="6 3" strokeWidth={2} dot={false} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          )}
        </>
      )}
    </article>
  );
}

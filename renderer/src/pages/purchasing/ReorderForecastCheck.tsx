// Beside a reorder line's explanation: what the demand forecast (the same
// model as Analytics, with its holdout error) expects over lead time plus
// review period, against the recent-sales demand the suggestion uses.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { todayIn } from '../analytics/period.js';

export function ReorderForecastCheck({ variantId, dailyDemand, days }: { variantId: number; dailyDemand: number; days: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const [answer, setAnswer] = useState<MethodOutput<'analytics.forecast'> | null>(null);
  const [failed, setFailed] = useState(false);
  const horizon = Math.min(90, Math.max(1, days));
  const today = todayIn(settings.timeZone);
  useEffect(() => {
    call('analytics.forecast', { scope: { kind: 'variant', id: variantId }, today, horizonDays: horizon }).then(setAnswer, () => setFailed(true));
  }, [variantId, today, horizon]);
  if (failed || !answer) return null;
  const forecast = answer.forecast.reduce((sum, d) => sum + d.units, 0);
  const n = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  return (
    <p className="muted small" data-testid="reorder-forecast-check">
      {t('reorder.forecastCheck', { days: horizon, forecast: n(forecast), recent: n(dailyDemand * horizon) })}{' '}
      {answer.wape === null
        ? t('analytics.forecastPanel.noError')
        : t('analytics.forecastPanel.error', { wape: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(answer.wape) })}
    </p>
  );
}

// How the Alerts page shows an alert's figures and keyed texts: money in the
// shop currency, rates in %, reasons and KPI names translated (params from the
// core are plain values).
import { useCallback } from 'react';
import type { Alert, AlertGroupMeasure, KeyedText } from '../../../../../src/alerts/contract.js';
import { useShop } from '../../../app/shop-context.js';
import { useI18n } from '../../../i18n/context.js';
import { formatMoney, formatNumber } from '../../../i18n/format.js';
import type { Params } from '../../../i18n/translate.js';

export const severityStyle = {
  critical: { background: '#fee4e2', color: '#b42318' },
  warning: { background: '#fef0c7', color: '#b54708' },
  info: { background: '#e0eaff', color: '#3538cd' },
} as const;

/** Told to the tab badge when the page changes statuses (the core only announces new alerts). */
export const alertsChanged = 'shopdesk:alerts-changed';

export interface AlertText {
  money(minor: number): string;
  percent(rate: number): string;
  figure(unit: Alert['explanation']['unit'], value: number | null): string;
  text(alert: Alert, item: KeyedText): string;
  measure(measure: AlertGroupMeasure): string;
}

export function useAlertText(): AlertText {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const currency = settings?.currency ?? 'USD';
  const money = useCallback((minor: number) => formatMoney(Math.round(minor), currency, locale), [currency, locale]);
  const percent = useCallback((rate: number) => `${formatNumber(Math.round(rate * 1000) / 10, locale)} %`, [locale]);
  const figure = useCallback(
    (unit: Alert['explanation']['unit'], value: number | null): string => {
      if (value === null) return t('alerts.none');
      return unit === 'money' ? money(value) : unit === 'rate' ? percent(value) : formatNumber(Math.round(value * 100) / 100, locale);
    },
    [t, money, percent, locale],
  );
  const text = useCallback(
    (alert: Alert, item: KeyedText): string => {
      const params: Params = {};
      for (const [name, value] of Object.entries(item.params)) {
        if (value === null) params[name] = t('alerts.none');
        else if ((name === 'before' || name === 'after' || name === 'profit' || name === 'cost') && typeof value === 'number') params[name] = money(value);
        else if ((name === 'median' || name === 'mad') && typeof value === 'number') params[name] = figure(alert.explanation.unit, value);
        else if (name === 'reason') params[name] = tKey(`alerts.reason.${value}`, 'alerts.reason.other');
        else if (name === 'kpi') params[name] = tKey(`alerts.kpi.${value}`, 'alerts.none');
        else params[name] = value;
      }
      return tKey(item.key, 'alerts.none', params);
    },
    [t, tKey, money, figure],
  );
  const measure = useCallback(
    (m: AlertGroupMeasure): string => t(`alertGroups.measure.${m.kind}`, { value: figure(m.unit, m.value) }),
    [t, figure],
  );
  return { money, percent, figure, text, measure };
}

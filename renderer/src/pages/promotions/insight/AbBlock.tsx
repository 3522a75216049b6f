// The campaign against its held-out control group: each group's conversion and net sales per
// customer, the differences with their 95 % intervals, and the verdict in words.
import type { ReactNode } from 'react';
import type { AbResult } from '../../../../../src/promotions/insight-contract.js';
import { useI18n } from '../../../i18n/context.js';
import { formatNumber } from '../../../i18n/format.js';
import type { Figures } from './insight-format.js';

/** A difference of two shares in percentage points, signed, one decimal. */
function points(fraction: number, locale: string): string {
  const value = Math.round(fraction * 1000) / 10;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export function AbBlock({ ab, f }: { ab: AbResult; f: Figures }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const verdictParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(ab.verdict.params)) {
    if (typeof value === 'number') verdictParams[name] = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    else if (typeof value === 'string') verdictParams[name] = value;
  }
  const groups = [
    { key: 'treatment', label: t('promotions.insight.ab.treatment'), group: ab.treatment },
    { key: 'control', label: t('promotions.insight.ab.control'), group: ab.control },
  ] as const;
  return (
    <section className="card" data-testid="promo-eval-ab" data-significant={ab.significant}>
      <h2>{t('promotions.insight.ab.title')}</h2>
      <p className={ab.significant ? 'promo-verdict promo-verdict-up' : 'promo-verdict'} data-testid="promo-eval-ab-verdict">
        {i18n.tKey(ab.verdict.key, 'promotions.ab.notSignificant', verdictParams)}
      </p>
      <table className="table promo-mini-table" data-testid="promo-eval-ab-table">
        <thead>
          <tr>
            <th />
            <th className="num">{t('promotions.insight.ab.customers')}</th>
            <th className="num">{t('promotions.insight.ab.converted')}</th>
            <th className="num">{t('promotions.insight.ab.conversion')}</th>
            <th className="num">{t('promotions.insight.ab.salesPerCustomer')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(({ key, label, group }) => (
            <tr key={key} data-testid={`promo-eval-ab-${key}`}>
              <td>{label}</td>
              <td className="num">{formatNumber(group.customers, locale)}</td>
              <td className="num">{formatNumber(group.converted, locale)}</td>
              <td className="num">{f.percent(group.conversion)}</td>
              <td className="num">{f.money(group.netSalesPerCustomer)}</td>
            </tr>
          ))}
          <tr className="promo-ab-diff" data-testid="promo-eval-ab-diff">
            <td>{t('promotions.insight.ab.difference')}</td>
            <td />
            <td />
            <td className="num">
              {t('promotions.insight.ab.points', { value: points(ab.conversionDiff, locale) })}
              <span className="muted small block">{t('promotions.insight.ab.interval', { low: points(ab.conversionLow, locale), high: points(ab.conversionHigh, locale) })}</span>
            </td>
            <td className="num">
              {f.signedMoney(ab.netSalesDiff)}
              <span className="muted small block">{t('promotions.insight.ab.intervalMoney', { low: f.signedMoney(ab.netSalesLow), high: f.signedMoney(ab.netSalesHigh) })}</span>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted small promo-how">{t('promotions.insight.ab.how')}</p>
    </section>
  );
}

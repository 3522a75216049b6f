// The owner's limits per daily KPI (money in the shop currency, return rate in
// %): both empty = the history band applies; a refused save shows why.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AlertKpi } from '../../../../../src/alerts/contract.js';
import type { MethodOutput } from '../../../../../src/contract.js';
import { call } from '../../../api/client.js';
import { moneyRule, NumberField, useNumberInput, type NumberRule } from '../../../components/number-field.js';
import { useI18n } from '../../../i18n/context.js';
import { majorToMinor, minorToMajor } from '../../../i18n/format.js';

/** The owner's limits per daily KPI: money in the shop currency, return rate in %. */
export function LimitsEditor({ currency, onSaved, onError }: { currency: string; onSaved: () => void; onError: (error: unknown) => void }): ReactNode {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Record<AlertKpi, { lower: string; upper: string }> | null>(null);
  // Typed limits are read like every typed number (components/number-field.tsx); a refused save shows why.
  const numbers = useNumberInput();
  const [tried, setTried] = useState<AlertKpi | null>(null);
  const rules: Record<AlertKpi, NumberRule> = { netSales: moneyRule(currency), orders: { integer: true, min: 0 }, returnRate: { min: 0, max: 100, decimals: 2 } };
  const { write } = numbers;
  const toShown = useCallback(
    (kpi: AlertKpi, value: number | null) =>
      value === null ? '' : write(kpi === 'netSales' ? minorToMajor(value, currency) : kpi === 'returnRate' ? Math.round(value * 10000) / 100 : value),
    [currency, write],
  );
  const toStored = (kpi: AlertKpi, value: number | null): number | null => {
    if (value === null) return null;
    return kpi === 'netSales' ? majorToMinor(value, currency) : kpi === 'returnRate' ? value / 100 : Math.round(value);
  };
  const fill = useCallback(
    (limits: MethodOutput<'alerts.limits.get'>['limits']) => {
      const next = { netSales: { lower: '', upper: '' }, orders: { lower: '', upper: '' }, returnRate: { lower: '', upper: '' } };
      for (const limit of limits) next[limit.kpi] = { lower: toShown(limit.kpi, limit.lower), upper: toShown(limit.kpi, limit.upper) };
      setDrafts(next);
    },
    [toShown],
  );
  useEffect(() => {
    void call('alerts.limits.get', {}).then((answer) => fill(answer.limits), onError);
  }, [fill, onError]);
  const save = async (kpi: AlertKpi) => {
    if (!drafts) return;
    const lower = numbers.check(drafts[kpi].lower, rules[kpi]);
    const upper = numbers.check(drafts[kpi].upper, rules[kpi]);
    if (!lower.ok || !upper.ok) {
      setTried(kpi);
      return;
    }
    try {
      const answer = await call('alerts.limits.set', { kpi, lower: toStored(kpi, lower.value), upper: toStored(kpi, upper.value) });
      fill(answer.limits);
      setTried(null);
      onSaved();
    } catch (error) {
      onError(error);
    }
  };
  if (!drafts) return null;
  return (
    <section className="card" data-testid="alert-limits" style={{ marginTop: 16 }}>
      <h2>{t('alerts.limits.heading')}</h2>
      <p className="muted small">{t('alerts.limits.hint')}</p>
      <table className="table" style={{ maxWidth: 640 }}>
        <thead>
          <tr>
            <th />
            <th>{t('alerts.limits.lower')}</th>
            <th>{t('alerts.limits.upper')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(['netSales', 'orders', 'returnRate'] as const).map((kpi) => (
            <tr key={kpi}>
              <th>{t(`alerts.kpi.${kpi}`)}</th>
              {(['lower', 'upper'] as const).map((side) => (
                <td key={side}>
                  <NumberField
                    rule={rules[kpi]}
                    showProblem={tried === kpi}
                    value={drafts[kpi][side]}
                    aria-label={`${t(`alerts.kpi.${kpi}`)} ${t(`alerts.limits.${side}`)}`}
                    data-testid={`limit-${kpi}-${side}`}
                    onChange={(text) => setDrafts({ ...drafts, [kpi]: { ...drafts[kpi], [side]: text } })}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="button button-small" onClick={() => void save(kpi)} data-testid={`limit-${kpi}-save`}>
                  {t('alerts.limits.save')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

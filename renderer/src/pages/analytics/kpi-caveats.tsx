// What a KPI's change does not say by itself: the period holds today so far
// (its comparisons are cut at the same hour), or its return rate is still
// maturing (returns of recent orders are still coming), in which case the card
// shows the caveat and no good/bad colour.
import type { ReactNode } from 'react';
import type { KpiValues, PartialDayInfo, ReturnsMaturing } from '../../../../src/analytics/contract.js';
import { useI18n } from '../../i18n/context.js';
import { PartialNote, usePartialTexts } from './partial-trend.js';

/** KPIs whose value is a return rate: immature while the period's orders may still be returned. */
const maturingKpis: ReadonlySet<keyof KpiValues> = new Set(['returnRate', 'unitsReturned']);

/** The caveat of a KPI card (undefined: none), and whether its changes must stay uncoloured. */
export function useKpiCaveat(maturing: ReturnsMaturing | null | undefined) {
  const { t } = useI18n();
  return (id: keyof KpiValues): { caveat?: string; caveatDetail?: string; neutral: boolean } => {
    if (!maturing || !maturingKpis.has(id) || !(maturing.current || maturing.previous)) return { neutral: false };
    return {
      caveat: t('figures.maturing.caveat', { days: maturing.lagDays }),
      caveatDetail: t(maturing.source === 'shop' ? 'figures.maturing.lagShop' : 'figures.maturing.lagDefault', { days: maturing.lagDays }),
      neutral: true,
    };
  };
}

/** "Includes today so far…" under the period line, when the period reaches today. */
export function KpiPartialNote({ partial, timeZone }: { partial: PartialDayInfo | null | undefined; timeZone: string }): ReactNode {
  const { t } = useI18n();
  const texts = usePartialTexts(timeZone);
  if (!partial) return null;
  return <PartialNote testId="kpi-partial-note" text={t('figures.partial.kpiNote', { time: texts.time(partial.asOf), cut: texts.cut(partial.hours) })} />;
}

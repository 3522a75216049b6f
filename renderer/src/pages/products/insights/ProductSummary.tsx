// The strip under a product's title: what a person checks first — stock on
// hand and available, units and revenue of the last 30 days, and how many
// days the available stock lasts at that pace.
import type { ReactNode } from 'react';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import type { Load } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { formatMoney, formatNumber } from '../../../i18n/format.js';

/** Days the available stock lasts at the last 30 days' pace; null without sales. */
export function daysOfCover(available: number, unitsIn30Days: number): number | null {
  if (unitsIn30Days <= 0) return null;
  return Math.max(0, available) / (unitsIn30Days / 30);
}

function Figure(props: { id: string; label: string; value: string; hint?: string; warn?: boolean }): ReactNode {
  return (
    <div className={props.warn ? 'summary-figure summary-warn' : 'summary-figure'} data-testid={`summary-${props.id}`} title={props.hint}>
      <span className="summary-label">{props.label}</span>
      <strong className="summary-value">{props.value}</strong>
    </div>
  );
}

export function ProductSummary({ load }: { load: Load<ProductInsights> }): ReactNode {
  const { t, locale } = useI18n();
  const insights = load.data;
  const n = (value: number) => formatNumber(value, locale);
  // Transit rows are stock on its way between locations: on hand, not available to sell.
  const onHand = insights?.stock.reduce((sum, row) => sum + row.onHand, 0) ?? 0;
  const available = insights?.stock.reduce((sum, row) => sum + (row.locationKind === 'transit' ? 0 : row.available), 0) ?? 0;
  const cover = insights ? daysOfCover(available, insights.last30Days.units) : null;
  const waiting = '…';
  return (
    <section className="product-summary" aria-label={t('pages.product.summary')} aria-busy={load.loading} data-testid="product-summary">
      <Figure id="onHand" label={t('pages.product.onHand')} value={insights ? n(onHand) : waiting} />
      <Figure id="available" label={t('pages.product.available')} value={insights ? n(available) : waiting} warn={insights !== null && available <= 0} />
      <Figure id="units30" label={t('pages.product.units30')} value={insights ? n(insights.last30Days.units) : waiting} />
      <Figure id="revenue30" label={t('pages.product.revenue30')} value={insights ? formatMoney(insights.last30Days.netSales, insights.currency, locale) : waiting} />
      <Figure
        id="cover"
        label={t('pages.product.cover')}
        hint={t('pages.product.coverHow')}
        value={!insights ? waiting : cover === null ? t('pages.product.coverNoSales') : t('pages.product.days', { n: n(Math.round(cover)) })}
        warn={cover !== null && cover < 14}
      />
      {load.loading && !insights ? <span className="visually-hidden" role="status">{t('pages.loading')}</span> : null}
    </section>
  );
}

// Capital tied up in stock: on hand × cost, by location, category and supplier.
import { useEffect, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { routeHref } from '../../app/route.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

type Valuation = MethodOutput<'stock.valuation'>;
type Group = Valuation['byLocation'][number];

export function ValuationPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const load = useLoad<Valuation>(() => call('stock.valuation', {}), []);
  const valuation = load.data;
  const { reload } = load;
  // A receipt, adjustment or cost change elsewhere shows here at once.
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('stock') && reload()), [reload]);
  if (!valuation) return <div data-testid="valuation-loading"><PanelSkeleton lines={8} /></div>;
  if (valuation.totalUnits === 0)
    return (
      <EmptyState
        title={t('pages.empty.valuation')}
        hint={t('pages.empty.valuationHint')}
        action={{ label: t('pages.empty.toStockLevels'), href: routeHref('stock', 'levels') }}
        testId="valuation-empty"
      />
    );
  const money = (minor: number) => formatMoney(minor, settings.currency, locale);
  const table = (title: string, groups: Group[], emptyLabel: string) => (
    <article className="card insight-panel">
      <h2>{title}</h2>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th className="num">{t('stock.col.onHand')}</th>
            <th className="num">{t('valuation.variants')}</th>
            <th className="num">{t('stock.col.value')}</th>
            <th className="num">{t('valuation.share')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.slice(0, 25).map((g) => (
            <tr key={g.key}>
              <td>{g.label || emptyLabel}</td>
              <td className="num">{formatNumber(g.units, locale)}</td>
              <td className="num">{formatNumber(g.variants, locale)}</td>
              <td className="num">{money(g.value)}</td>
              <td className="num">{valuation.totalValue > 0 ? `${((g.value / valuation.totalValue) * 100).toFixed(1)}%` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
  return (
    <Busy busy={load.loading}>
      <div data-testid="valuation">
        <p className="stocktake-totals">
          {t('valuation.total', { value: money(valuation.totalValue), units: formatNumber(valuation.totalUnits, locale) })}
        </p>
        <p className="muted small">{t('valuation.how', { n: formatNumber(valuation.variantsWithoutCost, locale) })}</p>
        <div className="insights">
          {table(t('valuation.byLocation'), valuation.byLocation, '—')}
          {table(t('valuation.byCategory'), valuation.byCategory, t('bulk.noCategory'))}
          {table(t('valuation.bySupplier'), valuation.bySupplier, t('valuation.noSupplier'))}
        </div>
      </div>
    </Busy>
  );
}

// Returns with their reasons, suppliers with costs, and the channels the
// product is listed or sold on.
import type { ReactNode } from 'react';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import { formatDateTime, formatMoney, formatNumber } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/context.js';
import { routeHref } from '../../../app/route.js';
import { useCan } from '../../../app/team-context.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Panel } from './Panel.js';

type Props = { insights: ProductInsights };

function percent(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function ReturnsPanel({ insights }: Props): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { returns } = insights;
  const largest = Math.max(1, ...returns.reasons.map((r) => r.units));
  return (
    <Panel title={t('insights.returns.title')} how={t('insights.returns.how')} testId="insights-returns">
      {returns.units === 0 ? (
        <EmptyState title={t('insights.returns.none')} hint={t('pages.product.returnsEmptyHint')} testId="insights-returns-empty" />
      ) : (
        <>
          <p>
            <strong>
              {t('insights.returns.rate', { units: formatNumber(returns.units, locale), rate: percent(returns.rate ?? 0, locale) })}
            </strong>
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('insights.col.returnReason')}</th>
                <th className="num">{t('insights.col.units')}</th>
              </tr>
            </thead>
            <tbody>
              {returns.reasons.map((reason) => (
                <tr key={reason.code}>
                  <td>
                    {locale === 'zh-CN' ? reason.nameZh : reason.nameEn}{' '}
                    <span className="pill">{tKey(`insights.returnGroup.${reason.group}`, 'insights.returnGroup.other')}</span>
                    <span className="bar" style={{ width: `${(reason.units / largest) * 100}%` }} aria-hidden="true" />
                  </td>
                  <td className="num">{formatNumber(reason.units, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

export function SuppliersPanel({ insights }: Props): ReactNode {
  const { t, locale } = useI18n();
  // Costs are blanked by the core for a person without costs.view: their column is left out.
  const seesCosts = useCan()('costs.view');
  return (
    <Panel title={t('insights.suppliers.title')} testId="insights-suppliers">
      {insights.suppliers.length === 0 ? (
        <EmptyState
          title={t('insights.suppliers.empty')}
          hint={t('pages.product.suppliersEmptyHint')}
          action={{ label: t('pages.product.openSuppliers'), href: routeHref('purchasing', 'suppliers') }}
          testId="insights-suppliers-empty"
        />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('insights.col.supplier')}</th>
              <th>{t('insights.col.sku')}</th>
              {seesCosts ? <th className="num">{t('insights.col.cost')}</th> : null}
              <th className="num">{t('insights.col.pack')}</th>
              <th className="num">{t('insights.col.leadTime')}</th>
              <th>{t('insights.col.lastPurchase')}</th>
            </tr>
          </thead>
          <tbody>
            {insights.suppliers.map((s) => (
              <tr key={`${s.supplierId}-${s.variantId}`}>
                <td>
                  {s.supplier} {s.preferred ? <span className="pill">{t('insights.preferred')}</span> : null}
                </td>
                <td className="cell-mono">
                  {s.sku}
                  {s.supplierSku ? <span className="muted"> · {s.supplierSku}</span> : null}
                </td>
                {seesCosts ? <td className="num">{formatMoney(s.cost, s.currency, locale)}</td> : null}
                <td className="num">
                  {s.packSize} / {s.moq}
                </td>
                <td className="num">{t('insights.days', { n: s.leadTimeDays })}</td>
                <td>
                  {s.lastPurchase
                    ? [s.lastPurchase.number, ...(seesCosts ? [formatMoney(s.lastPurchase.unitCost, s.currency, locale)] : []), formatDateTime(s.lastPurchase.at, locale, insights.timeZone)].join(' · ')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

export function ChannelsPanel({ insights }: Props): ReactNode {
  const { t, locale } = useI18n();
  return (
    <Panel title={t('insights.channels.title')} testId="insights-channels">
      {insights.channels.length === 0 ? (
        <EmptyState title={t('insights.channels.empty')} hint={t('pages.product.channelsEmptyHint')} testId="insights-channels-empty" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('insights.col.channel')}</th>
              <th>{t('insights.col.listing')}</th>
              <th className="num">{t('insights.col.units')}</th>
              <th className="num">{t('insights.col.sales')}</th>
            </tr>
          </thead>
          <tbody>
            {insights.channels.map((c) => (
              <tr key={c.channelId}>
                <td>{c.channel}</td>
                <td>{t(`insights.listing.${c.listing}`)}</td>
                <td className="num">{formatNumber(c.units, locale)}</td>
                <td className="num">{formatMoney(c.netSales, insights.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

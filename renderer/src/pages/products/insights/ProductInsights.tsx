// The product 360 panels, one tab of the product page at a time: Stock (by
// location, the ledger), Sales (weekly trend, forecast, returns, channels) and
// Suppliers. The page loads `products.insights` once (use-product-insights.ts)
// and hands it to whichever tab is open.
import type { ReactNode } from 'react';
import type { ProductInsights as Insights } from '../../../../../src/catalog/insights-contract.js';
import { Loaded } from '../../../components/Loading.js';
import type { Load } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { ForecastPanel } from '../../analytics/ForecastPanel.js';
import { ChannelsPanel, ReturnsPanel, SuppliersPanel } from './commerce-panels.js';
import { SalesPanel } from './SalesPanel.js';
import { LedgerPanel, StockPanel } from './stock-panels.js';

export type InsightsTabName = 'stock' | 'sales' | 'suppliers';

export function ProductInsights({ productId, tab, load }: { productId: number; tab: InsightsTabName; load: Load<Insights> }): ReactNode {
  const { t } = useI18n();
  return (
    <Loaded load={load} lines={8} label={t('insights.loading')}>
      {(insights) => (
        <section className={tab === 'sales' ? 'insights' : 'insights insights-single'} data-testid="product-insights" aria-label={t('insights.title')}>
          {tab === 'stock' ? (
            <>
              <StockPanel insights={insights} />
              <LedgerPanel insights={insights} />
            </>
          ) : null}
          {tab === 'sales' ? (
            <>
              <SalesPanel insights={insights} />
              <ForecastPanel
                title={t('analytics.forecastPanel.title')}
                testId="product-forecast"
                choices={[
                  { label: t('analytics.forecastPanel.wholeProduct'), scope: { kind: 'product', id: productId } },
                  // Each SKU once (the stock rows repeat it per location).
                  ...[...new Map(insights.stock.map((row) => [row.variantId, row.sku]))].map(([id, sku]) => ({ label: sku, scope: { kind: 'variant' as const, id } })),
                ]}
              />
              <ReturnsPanel insights={insights} />
              <ChannelsPanel insights={insights} />
            </>
          ) : null}
          {tab === 'suppliers' ? <SuppliersPanel insights={insights} /> : null}
        </section>
      )}
    </Loaded>
  );
}

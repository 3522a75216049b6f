// The product 360 panels: everything about one product on one page. Loads
// `products.insights` and reloads when stock, purchasing or catalog data change.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ProductInsights as Insights } from '../../../../../src/catalog/insights-contract.js';
import { toApiError } from '../../../api/api-error.js';
import { call, onEvent } from '../../../api/client.js';
import { useToasts } from '../../../components/toasts.js';
import { useI18n } from '../../../i18n/context.js';
import { ForecastPanel } from '../../analytics/ForecastPanel.js';
import { ChannelsPanel, ReturnsPanel, SuppliersPanel } from './commerce-panels.js';
import { SalesPanel } from './SalesPanel.js';
import { LedgerPanel, StockPanel } from './stock-panels.js';

export function ProductInsights({ productId }: { productId: number }): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const [insights, setInsights] = useState<Insights | null>(null);

  const load = useCallback(async () => {
    try {
      setInsights(await call('products.insights', { productId }));
    } catch (error) {
      showError(toApiError(error));
    }
  }, [productId, showError]);

  useEffect(() => {
    void load();
    return onEvent('data.changed', () => void load());
  }, [load]);

  if (!insights) return <p className="muted">{t('insights.loading')}</p>;
  return (
    <section className="insights" data-testid="product-insights" aria-label={t('insights.title')}>
      <StockPanel insights={insights} />
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
      <SuppliersPanel insights={insights} />
      <ChannelsPanel insights={insights} />
      <LedgerPanel insights={insights} />
    </section>
  );
}

// The product page's one read of the 360 view: the summary strip and the
// Stock, Sales and Suppliers tabs share it; it reloads when stock, purchasing
// or catalog data change anywhere (a receipt, an edit in the grid).
import { useEffect } from 'react';
import type { ProductInsights } from '../../../../../src/catalog/insights-contract.js';
import { call, onEvent } from '../../../api/client.js';
import { useLoad, type Load } from '../../../components/use-load.js';

export function useProductInsights(productId: number): Load<ProductInsights> {
  const load = useLoad(() => call('products.insights', { productId }), [productId], { resetOn: [productId] });
  const { reload } = load;
  useEffect(() => onEvent('data.changed', () => reload()), [reload]);
  return load;
}

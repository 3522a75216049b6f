// The Products area's routes: the grid, a new product, one product.
import type { ReactNode } from 'react';
import { NewProductPage } from './NewProductPage.js';
import { ProductPage } from './ProductPage.js';
import { ProductsPage } from './ProductsPage.js';

export function ProductsArea({ route }: { route: readonly string[] }): ReactNode {
  const [first] = route;
  if (first === 'new') return <NewProductPage />;
  const productId = Number(first);
  if (first !== undefined && Number.isInteger(productId) && productId > 0) return <ProductPage key={productId} productId={productId} />;
  return <ProductsPage route={route} />;
}

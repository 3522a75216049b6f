// Every import target, by id. Each lives in its own file.
import type { ImportTargetId } from '../contract.js';
import type { ImportTarget } from './target.js';
import { productsTarget } from './products.js';
import { customersTarget } from './customers.js';
import { ordersTarget } from './orders.js';
import { purchaseOrderLinesTarget } from './purchase-order-lines.js';
import { returnsTarget } from './returns.js';
import { stockLevelsTarget } from './stock-levels.js';
import { stocktakeCountsTarget } from './stocktake-counts.js';
import { supplierItemsTarget } from './supplier-items.js';
import { suppliersTarget } from './suppliers.js';

const registered: Partial<Record<ImportTargetId, ImportTarget>> = {
  products: productsTarget,
  suppliers: suppliersTarget,
  stockLevels: stockLevelsTarget,
  supplierItems: supplierItemsTarget,
  customers: customersTarget,
  stocktakeCounts: stocktakeCountsTarget,
  purchaseOrderLines: purchaseOrderLinesTarget,
  orders: ordersTarget,
  returns: returnsTarget,
};

export function targetFor(id: ImportTargetId): ImportTarget | undefined {
  return registered[id];
}

// The one contract between the core and every face (Electron, serve mode,
// tests): method name `area.verb` -> input and output schemas, plus events.
// Pure (zod + types): the renderer imports it.
import type { z } from 'zod';
import { catalogContract } from './catalog/contract.js';
import { catalogEditContract } from './catalog/edit-contract.js';
import { bulkContract } from './catalog/bulk-contract.js';
import { exportsContract } from './exports/contract.js';
import { productInsightsContract } from './catalog/insights-contract.js';
import { inventoryContract } from './inventory/contract.js';
import { stocktakeContract } from './inventory/stocktake-contract.js';
import { jobsContract } from './jobs/contract.js';
import { purchasingContract } from './purchasing/contract.js';
import { reorderContract } from './purchasing/reorder-contract.js';
import { settingsContract } from './settings/contract.js';
import { shopContract } from './shop/contract.js';
import { importsContract } from './spreadsheets/contract.js';
import { analyticsContract } from './analytics/contract.js';
import { productsAnalyticsContract } from './analytics/products-contract.js';
import { retentionContract } from './analytics/retention-contract.js';
import { inventoryAnalyticsContract } from './analytics/inventory-contract.js';
import { reportsContract } from './reports/contract.js';
import { alertsContract } from './alerts/contract.js';
import { syncContract } from './sync/contract.js';
import { promotionsContract } from './promotions/contract.js';
import { couponContract } from './promotions/coupon-contract.js';
import { promotionInsightContract } from './promotions/insight-contract.js';
import { teamContract } from './team/contract.js';
import { auditContract } from './audit/contract.js';
import { backupsContract, healthContract } from './backup/contract.js';

export const contract = {
  ...shopContract,
  ...settingsContract,
  ...jobsContract,
  ...catalogContract,
  ...catalogEditContract,
  ...bulkContract,
  ...productInsightsContract,
  ...inventoryContract,
  ...stocktakeContract,
  ...purchasingContract,
  ...reorderContract,
  ...exportsContract,
  ...importsContract,
  ...analyticsContract,
  ...productsAnalyticsContract,
  ...retentionContract,
  ...inventoryAnalyticsContract,
  ...reportsContract,
  ...alertsContract,
  ...syncContract,
  ...promotionsContract,
  ...couponContract,
  ...promotionInsightContract,
  ...teamContract,
  ...auditContract,
  ...backupsContract, ...healthContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

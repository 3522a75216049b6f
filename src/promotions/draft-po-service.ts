// One click from a simulation's stock shortfalls to draft purchase orders: each short SKU is
// ordered from the supplier reorder suggestions would use (preferred item, else cheapest), the
// shortfall rounded up by that supplier's MOQ and case pack through Purchasing's own reorder
// model, one draft per supplier at the chosen (or the shop's default) location, all in one
// transaction. Short SKUs without a supplier item are listed, never silently dropped.
import type { Db } from '../db/open.js';
import { createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import { createDraftPurchaseOrder, type DraftPoLine } from '../purchasing/draft-po.js';
import { reorder } from '../purchasing/reorder-model.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { SimulationRow } from './insight-contract.js';
import { createPromotionReader } from './promotion-reader.js';
import { simulatePromotion, type SimulationOptions } from './simulation-service.js';
import { simulationStoreOf } from './simulation-store.js';

export interface DraftPoInput {
  promotionId: number;
  locationId?: number | undefined;
  /** Only these of the shortfalls (each must be short). */
  variantIds?: readonly number[] | undefined;
}

export interface DraftPoResult {
  purchaseOrders: { purchaseOrderId: number; number: string; supplierName: string; lines: number }[];
  noSupplier: { variantId: number; sku: string }[];
}

/**
 * Units to order for a shortfall under a supplier's MOQ and case pack: Purchasing's reorder
 * model asked to hold `shortfall` units as a fixed reserve with nothing in stock, no demand and
 * nothing on order — its quantity is then max(MOQ, shortfall) rounded up to whole packs, the
 * exact rule reorder suggestions apply (reorder-model.ts).
 */
export function orderQuantity(shortfall: number, moq: number, packSize: number): number {
  return reorder({
    dailyDemand: 0,
    demandStdDev: 0,
    leadTimeDays: 0,
    reviewPeriodDays: 0,
    serviceLevel: 0.95,
    manualSafetyStock: shortfall,
    available: 0,
    onOrder: 0,
    moq,
    packSize,
  }).quantity;
}

function draftNote(locale: 'en' | 'zh-CN', promotionName: string): string {
  return locale === 'zh-CN' ? `为促销“${promotionName}”的缺货生成` : `For the stock shortfall of promotion “${promotionName}”`;
}

export function draftPromotionPurchaseOrders(
  db: Db,
  input: DraftPoInput,
  actor: string,
  now: Date,
  simulation: SimulationOptions = {},
): DraftPoResult {
  const store = simulationStoreOf(db);
  const promotion = createPromotionReader(db).get(input.promotionId);
  if (!promotion) throw notFound('promotion', input.promotionId);
  const issues: FieldIssue[] = [];
  // No location given and none in the shop: reported as the location that does not exist (id 0).
  const locationId = input.locationId ?? store.defaultLocationId() ?? 0;
  createStockChecks(db).shelfLocation(locationId, 'locationId', issues);
  const result = simulatePromotion(db, input.promotionId, simulation, now);

  let short: SimulationRow[] = result.shortfalls;
  if (input.variantIds) {
    const bySku = new Map(short.map((row) => [row.variantId, row]));
    input.variantIds.forEach((variantId, i) => {
      if (!bySku.has(variantId)) {
        const path = `variantIds.${i}`;
        issues.push({ path, key: 'notShort', message: `${path}: variant ${variantId} is not short of stock for this promotion` });
      }
    });
    const wanted = new Set(input.variantIds);
    short = short.filter((row) => wanted.has(row.variantId));
  }
  throwIfIssues(issues, 'The draft purchase orders');
  if (short.length === 0) {
    throw new AppError('CONFLICT', 'No SKU of this promotion is short of stock; no purchase order was created.', {
      key: 'nothingToOrder',
      params: { promotionId: input.promotionId },
    });
  }

  const bySupplier = new Map<number, { name: string; lines: DraftPoLine[] }>();
  const noSupplier: DraftPoResult['noSupplier'] = [];
  for (const row of short) {
    const item = store.supplierOf(row.variantId);
    if (!item) {
      noSupplier.push({ variantId: row.variantId, sku: row.sku });
      continue;
    }
    const group = bySupplier.get(item.supplierId) ?? { name: item.supplierName, lines: [] };
    group.lines.push({
      variantId: row.variantId,
      quantity: orderQuantity(row.shortfall, item.moq, item.packSize),
      unitCost: item.unitCost,
      supplierSku: item.supplierSku,
    });
    bySupplier.set(item.supplierId, group);
  }

  const note = draftNote(store.locale(), promotion.name);
  const at = now.toISOString();
  const purchaseOrders = db.transaction(() =>
    [...bySupplier.entries()]
      .sort((a, b) => a[1].name.localeCompare(b[1].name))
      .map(([supplierId, group]) => {
        const purchaseOrderId = createDraftPurchaseOrder(db, { supplierId, locationId, lines: group.lines, note, actor, now: at });
        return { purchaseOrderId, number: store.poNumber(purchaseOrderId), supplierName: group.name, lines: group.lines.length };
      }),
  )();
  return { purchaseOrders, noSupplier };
}

// The product 360 view: one product's stock by location, ledger history, sales
// trend, returns and their reasons, suppliers and costs, and channels. Pure.
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const int = z.number().int();

export const productInsightsSchema = z.object({
  productId: int,
  currency: z.string(),
  timeZone: z.string(),
  /** Per variant per location (transit included), with totals per location. */
  stock: z.array(
    z.object({
      variantId: int,
      sku: z.string(),
      locationId: int,
      location: z.string(),
      locationKind: z.enum(['warehouse', 'store', 'transit']),
      onHand: int,
      committed: int,
      available: int,
      incoming: int,
    }),
  ),
  /** The latest ledger movements of the product's variants, newest first. */
  movements: z.array(
    z.object({
      id: int,
      sku: z.string(),
      location: z.string(),
      delta: int,
      reason: z.string(),
      reasonCode: z.string().nullable(),
      refType: z.string().nullable(),
      refId: z.string().nullable(),
      note: z.string().nullable(),
      actor: z.string(),
      occurredAt: z.string(),
    }),
  ),
  movementsTotal: int,
  /** Weekly units and net sales (GMV − line discounts) of non-cancelled orders, local weeks from Monday. */
  salesTrend: z.array(z.object({ weekStart: z.string(), units: int, netSales: int, orders: int })),
  /** The trend's last week is this week so far (to asOf): drawn as partial, never as a drop. */
  partialWeek: z.object({ weekStart: z.string(), asOf: z.string() }),
  sales: z.object({ units: int, netSales: int, orders: int, lastSoldAt: z.string().nullable() }),
  /** Units and net sales of the last 30 local days, today included (the product page's summary strip, days of cover). */
  last30Days: z.object({ units: int, netSales: int }),
  returns: z.object({
    /** Units returned from lines of the trend window's orders, whenever returned. */
    units: int,
    /** returned ÷ sold over the same lines (metrics.md return rate); null without sales. */
    rate: z.number().nullable(),
    reasons: z.array(z.object({ code: z.string(), group: z.string(), nameEn: z.string(), nameZh: z.string(), units: int })),
  }),
  suppliers: z.array(
    z.object({
      supplierId: int,
      supplier: z.string(),
      currency: z.string(),
      variantId: int,
      sku: z.string(),
      supplierSku: z.string().nullable(),
      cost: costFigure(int),
      packSize: int,
      moq: int,
      leadTimeDays: int,
      preferred: z.boolean(),
      lastPurchase: z.object({ number: z.string(), unitCost: costFigure(int), at: z.string() }).nullable(),
    }),
  ),
  channels: z.array(
    z.object({
      channelId: int,
      channel: z.string(),
      platform: z.string(),
      listing: z.enum(['active', 'paused', 'removed', 'unlisted']),
      listedAt: z.string().nullable(),
      units: int,
      netSales: int,
    }),
  ),
});
export type ProductInsights = z.infer<typeof productInsightsSchema>;

export const productInsightsContract = {
  'products.insights': {
    input: z.object({
      productId: int.positive(),
      /** Weeks of sales trend ending with the current week. */
      weeks: int.min(4).max(156).default(52),
      movementLimit: int.min(1).max(500).default(50),
    }),
    output: productInsightsSchema,
  },
} as const;

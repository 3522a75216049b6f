// Product and inventory analytics (metrics.md "Products and stock"): ABC
// classes, shop and category health (sell-through, active-selling rate,
// turnover, days of inventory, slow movers and dead stock) and the slow-mover
// list. Money in minor units; rates are exact fractions, null when the
// denominator is 0. Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { stockHistorySchema } from './stock-history-contract.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');
const rate = z.number().nullable();
const count = z.number().int();

const abcClass = z.enum(['A', 'B', 'C']);

export const abcRowSchema = z.object({
  variantId: z.number().int(),
  sku: z.string(),
  title: z.string(),
  rank: z.number().int(),
  /** Net sales or gross profit of the SKU in the window. */
  value: z.number().int(),
  /** Share of the total held by the SKUs ranked before this one. */
  cumulativeShareBefore: rate,
  class: abcClass,
});

/** Stock figures are null when the stock of the period is unknown (stockHistory.coverage 'none'). */
const stockCount = count.nullable();
const stockValue = costFigure(z.number().int().nullable());

export const productHealthSchema = z.object({
  /** Units on lines of non-cancelled orders placed in the period (not reduced by returns). */
  unitsSold: count,
  /** Units on hand at the end of the period (negative balances count as 0). */
  onHandEnd: stockCount,
  /** unitsSold ÷ (unitsSold + onHandEnd). */
  sellThrough: rate,
  /** SKUs with ≥ 1 unit sold in the period (in stock or not). */
  skusSold: count,
  /** SKUs with on hand > 0 at the end of the period. */
  skusInStock: stockCount,
  /** skusSold ÷ skusInStock (can exceed 1). */
  activeSellingRate: rate,
  /** Cost of units sold in the period − cost of units returned in it. */
  cogs: costFigure(z.number().int()),
  /** At the start of the period; when the stock history starts later (coverage 'fromStart'), when it starts. */
  inventoryValueStart: stockValue,
  inventoryValueEnd: stockValue,
  /** (start + end) ÷ 2, see averageInventoryMethod. */
  averageInventoryValue: costFigure(z.number().nullable()),
  /** Annualised: cogs × 365 ÷ days ÷ averageInventoryValue (= 365 ÷ daysOfInventory). */
  turnover: rate,
  /** averageInventoryValue ÷ (cogs ÷ days); null when COGS ≤ 0. */
  daysOfInventory: rate,
  /** In stock at the end and days since the last sale ≥ slowDays, or never sold. */
  slowMovers: stockCount,
  slowMoversShare: rate,
  /** The same with deadDays. */
  deadStock: stockCount,
  deadStockShare: rate,
  /** In-stock SKUs without a unit cost: valued at 0, so the values above understate. */
  skusInStockWithoutCost: stockCount,
});
export type ProductHealth = z.infer<typeof productHealthSchema>;

export const slowMoverRowSchema = z.object({
  variantId: z.number().int(),
  sku: z.string(),
  title: z.string(),
  /** Local date of the last non-cancelled order placed for the SKU up to asOf; null = never sold. */
  lastSaleDate: localDate.nullable(),
  daysSinceLastSale: z.number().int().nullable(),
  onHand: count,
  unitCost: costFigure(z.number().int().nullable()),
  stockValue: costFigure(z.number().int()),
});

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const productsAnalyticsContract = {
  /** ABC classes of every SKU by net sales (or gross profit) over the windowDays local days ending on asOf. */
  'analytics.abc': {
    input: z.object({
      asOf: localDate,
      windowDays: z.number().int().min(1).max(3660).default(365),
      measure: z.enum(['netSales', 'grossProfit']).default('netSales'),
      ...page,
      class: abcClass.optional(),
    }),
    output: z.object({
      window: z.object({ from: localDate, to: localDate }),
      measure: z.enum(['netSales', 'grossProfit']),
      /** Σ of the measure over all SKUs: the denominator of every share. */
      total: z.number().int(),
      classes: z.array(z.object({ class: abcClass, skus: count, shareOfSkus: rate, value: z.number().int(), shareOfMeasure: rate })),
      /** Rows matching the class filter (all SKUs without one). */
      totalRows: count,
      rows: z.array(abcRowSchema),
      currency: z.string(),
    }),
  },
  /** Sell-through, active-selling rate, turnover, days of inventory, slow and dead stock for [from, to], for the shop and per top-level category. */
  'analytics.productHealth': {
    input: z
      .object({
        from: localDate,
        to: localDate,
        slowDays: z.number().int().min(1).max(3660).default(60),
        deadDays: z.number().int().min(1).max(3660).default(180),
      })
      .refine((p) => p.from <= p.to, { message: 'periodOrder', path: ['to'] }),
    output: z.object({
      period: z.object({ from: localDate, to: localDate }),
      days: count,
      slowDays: count,
      deadDays: count,
      /** How the average inventory value is taken: the mean of the value at the start and at the end of the period. */
      averageInventoryMethod: z.literal('meanOfStartAndEnd'),
      shop: productHealthSchema,
      /** Per top-level category path ('' = no category), by name. */
      byCategory: z.array(productHealthSchema.extend({ category: z.string() })),
      /** Where the stock history starts, and how this period relates to it. */
      stockHistory: stockHistorySchema,
      currency: z.string(),
    }),
  },
  /** In-stock SKUs (at the end of asOf) with no sale for ≥ minDays, or never sold: never sold first, then the longest. */
  'analytics.slowMovers': {
    // Up to every slow mover at once: the report grid sorts and filters them itself.
    input: z.object({ asOf: localDate, minDays: z.number().int().min(1).max(3660).default(60), offset: page.offset, limit: z.number().int().min(1).max(100_000).default(100) }),
    // No rows (coverage 'none') when the stock at the end of asOf is unknown.
    output: z.object({ asOf: localDate, minDays: count, totalRows: count, rows: z.array(slowMoverRowSchema), stockHistory: stockHistorySchema, currency: z.string() }),
  },
} as const;

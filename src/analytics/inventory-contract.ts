// Inventory analytics: stock-outs with estimated lost sales, inventory aging (FIFO),
// and sell-through of new products since their first stock. Pure (zod).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { stockHistorySchema } from './stock-history-contract.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');
const int = z.number().int();
const ageBucket = z.enum(['d0_30', 'd31_90', 'd91_180', 'd181_365', 'over365']);
/** value: the units at the variant's cost (a cost figure). */
const bucketRows = z.array(z.object({ bucket: ageBucket, units: int, value: costFigure(int) }));

export const stockOutEpisodeSchema = z.object({
  variantId: int,
  productId: int,
  sku: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  days: int,
  /** All stock-out days of this variant in the period. */
  variantOutDays: int,
  /** Still out of stock on the period's last day. */
  ongoing: z.boolean(),
  /** In-stock days found for the baseline (28 unless the history is shorter). */
  baselineDays: int,
  /**
   * Forecast demand per day: the units sold on those in-stock days, weighted with the units per day over the 91 days
   * before it (out-of-stock days included) as 7 more days (lost-sales.ts), so a few busy days do not set the rate.
   */
  demandPerDay: z.number(),
  /** The estimate (demand/day × days out) and its upper bound: the 95th percentile of demand over those days. */
  lostUnits: z.number(),
  lostUnitsHigh: z.number(),
  /** Valued at the average net price paid over the 91 days before it. */
  lostNetSales: int,
  lostNetSalesHigh: int,
});

export const inventoryAnalyticsContract = {
  /**
   * Stock-out rate (SKU-days with nothing on hand ÷ SKU-days) and each stock-out with its estimated lost sales, biggest loss first.
   * Only days from the stock history's start count (rate null, no episodes, before it).
   */
  'analytics.stockOuts': {
    // (No .refine: the grid exporter derives its query schema with .omit(); the handler checks the order.)
    input: z.object({ from: localDate, to: localDate, offset: int.min(0).default(0), limit: int.min(1).max(1000).default(100) }),
    output: z.object({
      skuDays: int,
      outDays: int,
      rate: z.number().nullable(),
      variantsOut: int,
      /** Σ of the episodes' estimates; the high figures bound the summed demand at its 95th percentile. */
      lostUnits: z.number(),
      lostUnitsHigh: z.number(),
      lostNetSales: int,
      lostNetSalesHigh: int,
      /** What the variants with a stock-out actually sold in the period (units; net paid on their lines): the estimate's check. */
      soldUnits: int,
      soldNetSales: int,
      /** Their in-stock days in the period (so sold per in-stock day can be set against lost per day out: outDays). */
      soldInStockDays: int,
      episodes: z.array(stockOutEpisodeSchema),
      total: int,
      stockHistory: stockHistorySchema,
    }),
  },
  /** On-hand units and value by age (FIFO against inbound movements), for the shop and per top-level category. */
  'analytics.inventoryAging': {
    input: z.object({ asOf: localDate }),
    // Empty (coverage 'none') when the stock at the end of asOf is unknown; 'fromStart': stock on hand when the history starts is aged from then.
    output: z.object({ asOf: z.string(), shop: bucketRows, byCategory: z.array(z.object({ category: z.string(), buckets: bucketRows })), stockHistory: stockHistorySchema }),
  },
  /**
   * Sell-through since first receipt (sold ÷ (sold + on hand)) of the variants first received in the last `days` days; the lowest listed.
   * Stock on hand when the history starts is not a receipt: the window counts from the history's start ('fromStart'), nothing before it ('none').
   */
  'analytics.newProductSellThrough': {
    input: z.object({ asOf: localDate, days: int.min(7).max(365).default(90), limit: int.min(1).max(200).default(20) }),
    output: z.object({
      asOf: z.string(),
      days: int,
      variants: int,
      sold: int,
      onHand: int,
      sellThrough: z.number().nullable(),
      lowest: z.array(
        z.object({ variantId: int, productId: int, sku: z.string(), title: z.string(), firstReceived: z.string(), sold: int, onHand: int, sellThrough: z.number().nullable() }),
      ),
      stockHistory: stockHistorySchema,
    }),
  },
} as const;

// Sales analytics: KPIs for a period of whole local days, compared with the
// previous period and the same period last year, split by channel. Every
// figure is defined in metrics.md; `notes` keys name the "how this is
// computed" text the UI shows beside it. Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');

export const kpiNames = [
  'gmv',
  'netSales',
  'orders',
  'units',
  'aov',
  'cogs',
  'grossProfit',
  'grossMargin',
  'returnRate',
  'newCustomers',
  'returningCustomers',
  'repurchaseRate',
] as const;
export type KpiName = (typeof kpiNames)[number];

/** Money in minor units, counts as integers, rates as exact fractions (null when the denominator is 0). */
export const kpiValuesSchema = z.object({
  gmv: z.number().int(),
  discounts: z.number().int(),
  refunds: z.number().int(),
  netSales: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  aov: z.number().nullable(),
  cogs: costFigure(z.number().int()),
  grossProfit: costFigure(z.number().int()),
  grossMargin: costFigure(z.number().nullable()),
  unitsReturned: z.number().int(),
  returnRate: z.number().nullable(),
  customers: z.number().int(),
  newCustomers: z.number().int(),
  returningCustomers: z.number().int(),
  repurchaseRate: z.number().nullable(),
});
export type KpiValues = z.infer<typeof kpiValuesSchema>;

const periodSchema = z.object({ from: localDate, to: localDate });
export type AnalyticsPeriod = z.infer<typeof periodSchema>;

/** Today so far: the local day, when it was read, and the hours of their matching day the comparisons count (periods.ts PartialDay). */
export const partialDaySchema = z.object({ day: localDate, asOf: z.string(), hours: z.number().int().min(0).max(24) });
export type PartialDayInfo = z.infer<typeof partialDaySchema>;

/** Return rate maturity (return-maturity.ts): the shop's return lag and which periods are still collecting returns. */
export const returnsMaturingSchema = z.object({
  lagDays: z.number().int(),
  source: z.enum(['shop', 'default']),
  stillArrivingFrom: localDate,
  current: z.boolean(),
  previous: z.boolean(),
  lastYear: z.boolean(),
});
export type ReturnsMaturing = z.infer<typeof returnsMaturingSchema>;

export const seriesPointSchema = z.object({
  /** First local day of the bucket. */
  bucket: z.string(),
  gmv: z.number().int(),
  netSales: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  /** Distinct customers with an order placed in the bucket, and those whose first order ever it was. */
  customers: z.number().int(),
  newCustomers: z.number().int(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

const byGroupSchema = z.object({ quality: z.number().int(), transit: z.number().int(), fit: z.number().int(), preference: z.number().int(), other: z.number().int() });

export const returnsReportSchema = z.object({
  /** Whether the period's orders may still see returns (return-maturity.ts); null when read without a clock. */
  returnsMaturing: returnsMaturingSchema.pick({ lagDays: true, source: true, stillArrivingFrom: true, current: true }).nullable(),
  period: periodSchema,
  dimension: z.enum(['product', 'category', 'channel']),
  total: z.object({ unitsSold: z.number().int(), unitsReturned: z.number().int(), returnRate: z.number().nullable(), byGroup: byGroupSchema }),
  /** Returned units by reason code (and its group), most first. */
  reasons: z.array(z.object({ code: z.string(), reasonGroup: z.string(), unitsReturned: z.number().int() })),
  rows: z.array(
    z.object({
      key: z.number().int(),
      label: z.string(),
      unitsSold: z.number().int(),
      unitsReturned: z.number().int(),
      refunds: z.number().int(),
      returnRate: z.number().nullable(),
      byGroup: byGroupSchema,
    }),
  ),
});
export type ReturnsReport = z.infer<typeof returnsReportSchema>;

export const salesReportRowSchema = z.object({
  key: z.number().int(),
  label: z.string(),
  gmv: z.number().int(),
  netSales: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  grossProfit: costFigure(z.number().int()),
  grossMargin: costFigure(z.number().nullable()),
});
export type SalesReportRow = z.infer<typeof salesReportRowSchema>;

/** A category or product in the dashboard's sales mix (key 0: no category / a removed product). */
export const mixRowSchema = z.object({ key: z.number().int(), label: z.string(), netSales: z.number().int(), units: z.number().int(), grossProfit: costFigure(z.number().int()) });
export type MixRow = z.infer<typeof mixRowSchema>;

export const segmentCodeSchema = z.enum([
  'champions',
  'potentialLoyalists',
  'atRiskBigSpenders',
  'cantLoseThem',
  'loyalLowSpenders',
  'newPromising',
  'needsAttention',
  'hibernating',
]);

export const segmentSummarySchema = z.object({
  segment: segmentCodeSchema,
  customers: z.number().int(),
  share: z.number().nullable(),
  meanRecencyDays: z.number().nullable(),
  meanFrequency: z.number().nullable(),
  meanMonetary: z.number().nullable(),
});
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

export const segmentCustomerSchema = z.object({
  customerId: z.number().int(),
  email: z.string().nullable(),
  name: z.string(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number().int(),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment: segmentCodeSchema,
});
export type SegmentCustomer = z.infer<typeof segmentCustomerSchema>;

export const analyticsContract = {
  /** KPIs of [from, to] (inclusive local days), the previous period of the same length, and the same days a year earlier. */
  'analytics.kpis': {
    input: periodSchema.refine((p) => p.from <= p.to, { message: 'periodOrder', path: ['to'] }),
    output: z.object({
      period: periodSchema,
      previous: periodSchema,
      lastYear: periodSchema,
      current: kpiValuesSchema,
      previousValues: kpiValuesSchema,
      lastYearValues: kpiValuesSchema,
      byChannel: z.array(z.object({ channelId: z.number().int(), channel: z.string(), values: kpiValuesSchema })),
      currency: z.string(),
      /** The period reaches today: `current` holds today so far; previousValues and lastYearValues cover their matching day only to the same hour. */
      partial: partialDaySchema.nullable(),
      /** Returns of the period's orders may still be coming (return rate not final): per period compared. */
      returnsMaturing: returnsMaturingSchema.nullable(),
    }),
  },
  /** Sales per day / ISO week / month of the period (local calendar), with the same buckets a year earlier. */
  'analytics.salesSeries': {
    // (No .refine: the grid exporter derives its query schema with .omit(); the handler checks the order.)
    input: periodSchema.extend({ granularity: z.enum(['day', 'week', 'month']).default('day') }),
    output: z.object({
      points: z.array(seriesPointSchema),
      lastYear: z.array(seriesPointSchema),
      currency: z.string(),
      /** The bucket holding today so far (drawn as partial, never as a drop); its last-year bucket is cut at the same hour. */
      partial: partialDaySchema.extend({ bucket: z.string() }).nullable(),
    }),
  },
  /** Sales KPIs per channel, location, category or product for a period; sorted and paged for the grid. */
  'analytics.salesReport': {
    input: periodSchema
      .extend({
        /** Time buckets (day, ISO week, month), a dimension, or the customers' RFM segment as of the period's last day. */
        by: z.enum(['day', 'week', 'month', 'channel', 'location', 'category', 'product', 'segment']),
        /** Only lines of products in this category or below it (the dashboard's click-through). */
        categoryId: z.number().int().positive().optional(),
        sort: z
          .object({ column: z.enum(['label', 'gmv', 'netSales', 'orders', 'units', 'grossProfit', 'grossMargin']), direction: z.enum(['asc', 'desc']) })
          .default({ column: 'netSales', direction: 'desc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100_000).default(100),
      }),
    // (No .refine here: the grid exporter derives its query schema with .omit(); the handler checks the order.)
    output: z.object({
      rows: z.array(salesReportRowSchema),
      total: z.number().int(),
      /** By day, week or month: the label of the row holding today so far (partial), if the period reaches today. */
      partialBucket: z.string().nullable(),
    }),
  },
  /** The dashboard's sales mix in one pass: net sales per category (biggest first, the rest summed), the top and bottom products. */
  'analytics.salesMix': {
    input: periodSchema.extend({
      products: z.number().int().min(1).max(50).default(5),
      categories: z.number().int().min(1).max(50).default(12),
    }),
    output: z.object({ categories: z.array(mixRowSchema), otherCategories: mixRowSchema.nullable(), top: z.array(mixRowSchema), bottom: z.array(mixRowSchema) }),
  },
  /** RFM scores and the eight segments over the windowDays local days ending on asOf; one page of customers (optionally one segment), biggest spenders first. */
  'analytics.segments': {
    input: z.object({
      asOf: localDate,
      windowDays: z.number().int().min(7).max(3650).default(365),
      segment: segmentCodeSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100_000).default(100),
    }),
    output: z.object({
      asOf: z.string(),
      windowDays: z.number().int(),
      scoredCustomers: z.number().int(),
      summary: z.array(segmentSummarySchema),
      customers: z.array(segmentCustomerSchema),
      total: z.number().int(),
    }),
  },
  /** Daily units sold (two years) and the forecast of the next days, with its holdout error (WAPE). */
  'analytics.forecast': {
    input: z.object({
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('shop') }),
        z.object({ kind: z.literal('category'), id: z.number().int().positive() }),
        z.object({ kind: z.literal('product'), id: z.number().int().positive() }),
        z.object({ kind: z.literal('variant'), id: z.number().int().positive() }),
      ]),
      /** The shop's local today; the history ends with it. */
      today: localDate,
      horizonDays: z.number().int().min(1).max(90).default(28),
    }),
    output: z.object({
      history: z.array(z.object({ day: z.string(), units: z.number() })),
      forecast: z.array(z.object({ day: z.string(), units: z.number() })),
      wape: z.number().nullable(),
      yearly: z.boolean(),
      params: z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() }),
      /** `today` is the shop's current day: its history units are so far; the model is fitted without it and forecasts it whole. */
      partial: partialDaySchema.extend({ todayForecast: z.number() }).nullable(),
    }),
  },
  /** Return rates and reasons of the lines of orders placed in the period, per product, category or channel. */
  'analytics.returns': {
    // (No .refine: the grid exporter derives its query schema with .omit(); the handler checks the order.)
    input: periodSchema.extend({ by: z.enum(['product', 'category', 'channel']).default('product') }),
    output: returnsReportSchema,
  },
} as const;

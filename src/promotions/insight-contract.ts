// Promotions, numbers side (issue 15): the pre-launch simulation (baseline from the demand
// forecast, expected uplift, expected units / GMV / discount cost / gross profit, stock cover with
// one-click draft POs) and the evaluation (live while running, final after) exactly as
// ../shared/references/metrics.md "Promotions" and docs/metrics-notes.md define them.
// Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { keyedTextSchema } from '../alerts/contract.js';

const int = z.number().int();
const id = int.positive();
const num = z.number();
const promotionRef = z.object({ promotionId: id });

export const upliftSourceSchema = z.enum(['history', 'assumption', 'none']);

export const simulationRowSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  regularPrice: int,
  /** Effective unit price under this promotion (alone; the deepest per-unit discount for checkout types). */
  promoPrice: int,
  cost: costFigure(int.nullable()),
  baselineUnits: num,
  expectedUnits: num,
  expectedGmv: int,
  discountCost: int,
  expectedGrossProfit: costFigure(int.nullable()),
  baselineGrossProfit: costFigure(int.nullable()),
  available: int,
  incoming: int,
  /** Expected units − (available + incoming), when positive. */
  shortfall: int,
});
export type SimulationRow = z.infer<typeof simulationRowSchema>;

export const simulationSchema = z.object({
  promotionId: int,
  days: int,
  /** Holdout WAPE of the baseline forecast (null when too little history). */
  wape: num.nullable(),
  uplift: z.object({
    /** Expected extra units as a fraction of baseline (0.4 = +40 %). */
    fraction: num,
    source: upliftSourceSchema,
    /** The past promotions of the same type and similar depth it was learned from. */
    basedOn: z.array(z.object({ id: int, name: z.string(), lift: num })),
  }),
  totals: z.object({
    skus: int,
    baselineUnits: num,
    expectedUnits: num,
    baselineNetSales: int,
    expectedGmv: int,
    discountCost: int,
    giftCost: costFigure(int),
    expectedGrossProfit: costFigure(int),
    baselineGrossProfit: costFigure(int),
  }),
  /** Biggest expected units first; capped at 500 (totals cover all). */
  rows: z.array(simulationRowSchema),
  /** Every SKU short of stock (expected units > available + incoming), biggest shortfall first. */
  shortfalls: z.array(simulationRowSchema),
  shortfallCount: int,
  notes: z.array(keyedTextSchema),
});
export type Simulation = z.infer<typeof simulationSchema>;

const groupResultSchema = z.object({
  customers: int,
  converted: int,
  /** converted ÷ customers. */
  conversion: num,
  netSalesPerCustomer: num,
});

export const abResultSchema = z.object({
  treatment: groupResultSchema,
  control: groupResultSchema,
  /** treatment − control conversion, with its 95 % interval (Newcombe/Wilson). */
  conversionDiff: num,
  conversionLow: num,
  conversionHigh: num,
  /** treatment − control net sales per customer (minor units), Welch 95 % interval. */
  netSalesDiff: num,
  netSalesLow: num,
  netSalesHigh: num,
  significant: z.boolean(),
  /** The verdict in words (promotions.ab.<key>). */
  verdict: keyedTextSchema,
});
export type AbResult = z.infer<typeof abResultSchema>;

export const evaluationRowSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  units: int,
  baselineUnits: num,
  liftUnits: num,
  gmv: int,
  discounts: int,
  netSales: int,
  grossProfit: costFigure(int),
  baselineGrossProfit: costFigure(num),
});
export type EvaluationRow = z.infer<typeof evaluationRowSchema>;

export const evaluationSchema = z.object({
  promotionId: int,
  /** 'live' while running (up to now), 'final' after it ended. */
  state: z.enum(['notStarted', 'live', 'final']),
  from: z.string(),
  to: z.string(),
  days: num,
  wape: num.nullable(),
  orders: int,
  units: int,
  gmv: int,
  discounts: int,
  giftCost: costFigure(int),
  netSales: int,
  grossProfit: costFigure(int),
  baselineUnits: num,
  baselineNetSales: num,
  baselineGrossProfit: costFigure(num),
  liftUnits: num,
  /** liftUnits ÷ baselineUnits (null when the baseline is 0). */
  liftPercent: num.nullable(),
  liftNetSales: num,
  incrementalGrossProfit: costFigure(num),
  /** discounts + gift cost. */
  promotionCost: costFigure(int),
  /** incremental gross profit ÷ promotion cost (null when the cost is 0). */
  roi: costFigure(num.nullable()),
  pullForward: z.object({ days: int, units: int, baselineUnits: num, dipUnits: num, complete: z.boolean() }),
  cannibalisation: z.object({ skus: int, netSales: int, baselineNetSales: num, differenceNetSales: num }),
  customers: z.object({
    total: int,
    new: int,
    returning: int,
    /** Orders the new customers placed after their first (attributed) one, up to now. */
    newRepeatOrders: int,
    newRepeatCustomers: int,
    netSalesNew: int,
    netSalesReturning: int,
  }),
  /** Against its simulation: expected units for the elapsed days. */
  expectedUnits: num.nullable(),
  ab: abResultSchema.nullable(),
  /** Biggest net sales first; capped at 500. */
  rows: z.array(evaluationRowSchema),
  notes: z.array(keyedTextSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const evaluationSummarySchema = z.object({
  promotionId: int,
  name: z.string(),
  type: z.string(),
  status: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  units: int,
  netSales: int,
  liftPercent: num.nullable(),
  incrementalGrossProfit: costFigure(num),
  promotionCost: costFigure(int),
  roi: costFigure(num.nullable()),
});

export const promotionInsightContract = {
  /** Pre-launch: expected units, GMV, discount cost, gross profit vs baseline and stock cover. */
  'promotions.simulate': {
    input: promotionRef.extend({ upliftAssumptionBp: int.min(-10_000).max(100_000).optional() }),
    output: simulationSchema,
  },
  /** Draft POs (Purchasing's reorder rules and preferred suppliers) for the simulation's shortfalls. */
  'promotions.draftPurchaseOrders': {
    input: promotionRef.extend({ locationId: id.optional(), variantIds: z.array(id).max(5000).optional() }),
    output: z.object({
      purchaseOrders: z.array(z.object({ purchaseOrderId: int, number: z.string(), supplierName: z.string(), lines: int })),
      /** Short SKUs without a supplier item: no PO could be drafted for them. */
      noSupplier: z.array(z.object({ variantId: int, sku: z.string() })),
    }),
  },
  'promotions.evaluate': { input: promotionRef, output: evaluationSchema },
  /** Running and ended promotions with their headline results (the list page, the weekly report). */
  'promotions.results': {
    input: z.object({ from: z.string().optional(), to: z.string().optional(), limit: int.min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(evaluationSummarySchema) }),
  },
} as const;

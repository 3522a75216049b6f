// Purchasing: suppliers and what they supply, purchase orders from draft to
// closed with partial receipts, and the supplier scorecard. Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { currencySchema } from '../settings/contract.js';
import { unitMoneySchema } from '../shared/bounds.js';

const id = z.number().int().positive();
const int = z.number().int();
/** Unit costs in minor units: inputs are bounded (see shared/bounds.ts). */
const money = unitMoneySchema;
const text = (max: number) => z.string().trim().max(max);
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const supplierFieldsSchema = z.object({
  name: text(120).min(1),
  contactName: text(120).nullable().default(null),
  email: z.union([z.literal(''), z.email()]).nullable().default(null),
  phone: text(40).nullable().default(null),
  currency: currencySchema,
  paymentTerms: text(120).nullable().default(null),
  leadTimeDays: z.number().int().min(0).max(365).default(14),
  notes: text(2000).default(''),
});

/** The same fields for an update: only what is sent changes (no defaults fill the rest). */
const supplierChangesSchema = z.object({
  name: text(120).min(1).optional(),
  contactName: text(120).nullable().optional(),
  email: z.union([z.literal(''), z.email()]).nullable().optional(),
  phone: text(40).nullable().optional(),
  currency: currencySchema.optional(),
  paymentTerms: text(120).nullable().optional(),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  notes: text(2000).optional(),
});

export const supplierSchema = z.object({
  id: int,
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  currency: z.string(),
  paymentTerms: z.string().nullable(),
  leadTimeDays: int,
  notes: z.string(),
  items: int,
  /** Orders not yet finished: draft, sent or partially received. */
  openOrders: int,
});
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierItemSchema = z.object({
  id: int,
  supplierId: int,
  supplier: z.string(),
  variantId: int,
  sku: z.string(),
  title: z.string(),
  supplierSku: z.string().nullable(),
  cost: costFigure(int),
  packSize: int,
  moq: int,
  leadTimeDays: int.nullable(),
  preferred: z.boolean(),
});

export const poStatuses = ['draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type PoStatus = (typeof poStatuses)[number];

export const purchaseOrderSchema = z.object({
  id: int,
  number: z.string(),
  supplierId: int,
  supplier: z.string(),
  locationId: int,
  location: z.string(),
  status: z.enum(poStatuses),
  currency: z.string(),
  note: z.string(),
  expectedAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  orderedUnits: int,
  receivedUnits: int,
  /** Σ ordered × unit cost, the order's currency. */
  total: costFigure(int),
  /** Sent or partly received and past the promised date. */
  overdue: z.boolean(),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const poLineSchema = z.object({
  id: int,
  variantId: int,
  sku: z.string(),
  title: z.string(),
  options: z.string(),
  supplierSku: z.string().nullable(),
  quantityOrdered: int,
  quantityReceived: int,
  outstanding: int,
  unitCost: costFigure(int),
  lineTotal: costFigure(int),
});
export const receiptSchema = z.object({
  id: int,
  locationId: int,
  location: z.string(),
  receivedAt: z.string(),
  actor: z.string(),
  note: z.string(),
  units: int,
});
/** The exchange rate last used to receive this supplier's goods in a currency: proposed on the next receipt. */
export const rememberedRateSchema = z.object({ rate: z.number(), updatedAt: z.string() });
export const purchaseOrderDetailSchema = purchaseOrderSchema.extend({
  lines: z.array(poLineSchema),
  receipts: z.array(receiptSchema),
  /** For an order in another currency than the shop's: the remembered rate, or null when none is known yet. */
  rememberedRate: rememberedRateSchema.nullable(),
});
export type PurchaseOrderDetail = z.infer<typeof purchaseOrderDetailSchema>;

const poLineInput = z.object({
  variantId: id,
  quantity: z.number().int().min(1, 'quantityPositive').max(10_000_000),
  /** Defaults to the supplier item's cost. */
  unitCost: costFigure(money.optional()),
});

const receiptLineInput = z
  .object({
    /** The PO line (from purchaseOrders.get), or the variant on the order. */
    lineId: id.optional(),
    variantId: id.optional(),
    quantity: z.number().int().min(1, 'quantityPositive').max(10_000_000),
    /** Defaults to the line's agreed cost, in the PO currency. */
    unitCost: costFigure(money.optional()),
  })
  .refine((line) => (line.lineId === undefined) !== (line.variantId === undefined), { message: 'lineOrVariant', path: ['lineId'] });

/** What a receipt would do, computed without writing (purchaseOrders.previewReceipt). */
export const receiptPreviewLineSchema = z.object({
  lineId: int,
  variantId: int,
  sku: z.string(),
  title: z.string(),
  options: z.string(),
  quantity: int,
  outstanding: int,
  /** More than still ordered: receiving it needs confirmOver. */
  over: z.boolean(),
  /** In the order's currency (minor units). */
  unitCost: costFigure(int),
  /** The unit cost in the shop currency; null while a foreign-currency order has no rate. */
  landedUnitCost: costFigure(int.nullable()),
  /** quantity × landed unit cost, shop currency. */
  value: costFigure(int.nullable()),
  onHandBefore: int,
  /** The variant's cost now and after the receipt (moving average), shop currency. */
  costBefore: costFigure(int.nullable()),
  costAfter: costFigure(int.nullable()),
});
export const receiptPreviewSchema = z.object({
  purchaseOrderId: int,
  number: z.string(),
  currency: z.string(),
  shopCurrency: z.string(),
  /** The rate the figures use: the one sent, else the remembered one; null for a shop-currency order or no rate yet. */
  exchangeRate: z.number().nullable(),
  rateSource: z.enum(['sameCurrency', 'given', 'remembered', 'missing']),
  rememberedRate: rememberedRateSchema.nullable(),
  lines: z.array(receiptPreviewLineSchema),
  units: int,
  /** Σ quantity × unit cost in the order's currency. */
  orderValue: costFigure(int),
  /** Σ line values in the shop currency; null while the rate is missing. */
  value: costFigure(int.nullable()),
});
export type ReceiptPreview = z.infer<typeof receiptPreviewSchema>;

const priceChangeSchema = z.object({
  sku: z.string(),
  variantId: int,
  /** Unit costs on the previous and this order. */
  from: costFigure(int),
  to: costFigure(int),
  /** (to − from) ÷ from, e.g. 0.05 for +5 %. */
  change: z.number(),
  previousOrder: z.string(),
  order: z.string(),
  at: z.string(),
});

const scorecardSchema = z.object({
  supplierId: int,
  supplier: z.string(),
  currency: z.string(),
  ordersSent: int,
  /** Received in full, or closed short. */
  ordersCompleted: int,
  /** Still open and already past the promised date: they count as late. */
  ordersOverdue: int,
  /** On time ÷ (completed + overdue); completion = full receipt or close, compared by local date. */
  onTimeRate: z.number().nullable(),
  /** Σ min(received, ordered) ÷ Σ ordered over completed orders. */
  fillRate: z.number().nullable(),
  /** Mean of expected_at − sent_at in local days, over completed orders. */
  promisedLeadDays: z.number().nullable(),
  /** Mean of last receipt − sent_at in local days, over completed orders with a receipt. */
  actualLeadDays: z.number().nullable(),
  priceChanges: int,
  /** Mean of the relative changes (0.05 = +5 %). */
  averagePriceChange: z.number().nullable(),
  largestPriceChanges: z.array(priceChangeSchema),
  /** How each figure was computed, with this supplier's numbers (English). */
  explain: z.object({ ordersSent: z.string(), onTime: z.string(), fill: z.string(), lead: z.string(), price: z.string() }),
});

export const purchasingContract = {
  'suppliers.list': { input: z.object({ search: text(100).default('') }), output: z.object({ suppliers: z.array(supplierSchema) }) },
  'suppliers.get': { input: z.object({ supplierId: id }), output: supplierSchema },
  'suppliers.create': { input: supplierFieldsSchema, output: supplierSchema },
  'suppliers.update': { input: supplierChangesSchema.extend({ supplierId: id }), output: supplierSchema },
  'supplierItems.list': {
    input: z.object({ supplierId: id.optional(), variantId: id.optional(), ...page }),
    output: z.object({ rows: z.array(supplierItemSchema), total: int }),
  },
  'supplierItems.upsert': {
    input: z.object({
      supplierId: id,
      variantId: id,
      supplierSku: text(100).nullable().default(null),
      cost: costFigure(money),
      packSize: z.number().int().min(1).max(100_000).default(1),
      moq: z.number().int().min(1).max(10_000_000).default(1),
      leadTimeDays: z.number().int().min(0).max(365).nullable().default(null),
      preferred: z.boolean().default(false),
    }),
    output: supplierItemSchema,
  },
  'supplierItems.remove': { input: z.object({ supplierItemId: id }), output: z.object({ removed: z.boolean() }) },
  'purchaseOrders.list': {
    input: z.object({ ...page, status: z.enum(poStatuses).optional(), supplierId: id.optional(), open: z.boolean().default(false) }),
    output: z.object({ rows: z.array(purchaseOrderSchema), total: int }),
  },
  'purchaseOrders.get': { input: z.object({ purchaseOrderId: id }), output: purchaseOrderDetailSchema },
  'purchaseOrders.create': {
    input: z.object({ supplierId: id, locationId: id, lines: z.array(poLineInput).min(1).max(5000), note: text(2000).default('') }),
    output: purchaseOrderDetailSchema,
  },
  'purchaseOrders.update': {
    input: z.object({
      purchaseOrderId: id,
      locationId: id.optional(),
      note: text(2000).optional(),
      expectedAt: z.string().datetime().nullable().optional(),
      lines: z.array(poLineInput).min(1).max(5000).optional(),
    }),
    output: purchaseOrderDetailSchema,
  },
  'purchaseOrders.send': {
    input: z.object({ purchaseOrderId: id, expectedAt: z.string().datetime().optional() }),
    output: purchaseOrderDetailSchema,
  },
  'purchaseOrders.receive': {
    input: z.object({
      purchaseOrderId: id,
      locationId: id.optional(),
      lines: z.array(receiptLineInput).min(1).max(5000),
      /** Shop-currency units per one PO-currency unit; required when the currencies differ. */
      exchangeRate: z.number().positive().max(1_000_000).optional(),
      /** Receiving more than ordered must be confirmed. */
      confirmOver: z.boolean().default(false),
      note: text(500).default(''),
    }),
    output: purchaseOrderDetailSchema,
  },
  /** The receipt `purchaseOrders.receive` would post, with its cost changes; writes nothing. */
  'purchaseOrders.previewReceipt': {
    input: z.object({
      purchaseOrderId: id,
      lines: z.array(receiptLineInput).min(1).max(5000),
      exchangeRate: z.number().positive().max(1_000_000).optional(),
    }),
    output: receiptPreviewSchema,
  },
  'purchaseOrders.close': { input: z.object({ purchaseOrderId: id }), output: purchaseOrderDetailSchema },
  'purchaseOrders.cancel': { input: z.object({ purchaseOrderId: id }), output: purchaseOrderDetailSchema },
  'purchaseOrders.export': {
    input: z.object({ purchaseOrderId: id, format: z.enum(['pdf', 'xlsx']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
  'suppliers.scorecard': {
    /** Orders sent in [from, to); `to` defaults to now. */
    input: z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional(), supplierId: id.optional() }),
    output: z.object({ suppliers: z.array(scorecardSchema) }),
  },
} as const;

// zod shapes of the WooCommerce REST v3 answers the connector reads. Only the fields used are
// declared (zod strips the rest); anything a later WooCommerce might omit is optional.
import { z } from 'zod';

/** WooCommerce dates: "YYYY-MM-DDTHH:MM:SS", no zone; the `_gmt` twin is UTC. */
const wooDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

/** Decimal money string, "" when unset. */
const money = z.string().regex(/^(-?\d+(\.\d+)?)?$/);

const stockAndPrice = {
  id: z.number().int().positive(),
  sku: z.string().default(''),
  price: money.default(''),
  regular_price: money.default(''),
  sale_price: money.default(''),
  manage_stock: z.union([z.boolean(), z.literal('parent')]).default(false),
  stock_quantity: z.number().int().nullable().default(null),
  date_modified_gmt: wooDate,
};

export const productSchema = z.object({
  ...stockAndPrice,
  name: z.string(),
  type: z.string(),
  variations: z.array(z.number().int()).default([]),
});

export const variationSchema = z.object({
  ...stockAndPrice,
  parent_id: z.number().int().optional(),
  /** Variation titles come from their attributes ("Large, Blue"). */
  attributes: z.array(z.object({ name: z.string().optional(), option: z.string() })).default([]),
});

export type WooProductAnswer = z.infer<typeof productSchema>;
export type WooVariationAnswer = z.infer<typeof variationSchema>;

export const wordpressIndexSchema = z.object({ name: z.string(), url: z.string().optional() });

export const systemStatusSchema = z.object({
  environment: z.object({ version: z.string(), wp_version: z.string().optional(), home_url: z.string().optional() }),
  settings: z.object({ currency: z.string() }),
});

const lineItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  product_id: z.number().int(),
  variation_id: z.number().int().default(0),
  sku: z.string().nullable().default(''),
  quantity: z.number().int(),
  /** A float in WooCommerce's answer (unit price after discounts, before tax). */
  price: z.union([z.number(), z.string()]),
});

export const orderSchema = z.object({
  id: z.number().int(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  currency: z.string(),
  date_created_gmt: wooDate,
  date_modified_gmt: wooDate,
  billing: z.object({ email: z.string().nullable().optional() }).optional(),
  line_items: z.array(lineItemSchema),
  /** Coupons the buyer applied, in the order applied. */
  coupon_lines: z.array(z.object({ code: z.string() })).default([]),
  refunds: z.array(z.object({ id: z.number().int(), total: money })).default([]),
});

export type WooOrderAnswer = z.infer<typeof orderSchema>;

/** One entry of a batch answer's `update` list: the saved record, or `{id, error}`. */
export const batchErrorItemSchema = z.object({
  id: z.number().int(),
  error: z.object({ code: z.string(), message: z.string(), data: z.object({ status: z.number().int() }).optional() }),
});

export const batchAnswerSchema = z.object({ update: z.array(z.unknown()).default([]) });

// zod schemas for everything a client sends the emulator, so a connector bug shows up as the same
// 400 `rest_invalid_param` the real API gives instead of silently "working" here.
import { z } from 'zod';

const decimalString = z.string().regex(/^(\d+(\.\d+)?)?$/, 'must be a decimal string such as "19.99" or ""');

export const stockPricePatchSchema = z.strictObject({
  sku: z.string().optional(),
  regular_price: decimalString.optional(),
  sale_price: decimalString.optional(),
  manage_stock: z.boolean().optional(),
  stock_quantity: z.number().int().nullable().optional(),
  stock_status: z.enum(['instock', 'outofstock', 'onbackorder']).optional(),
});

export const productPatchSchema = stockPricePatchSchema.extend({
  name: z.string().min(1).optional(),
  status: z.enum(['publish', 'draft', 'private']).optional(),
});

export const productCreateSchema = productPatchSchema.extend({ type: z.enum(['simple', 'variable']).optional() });

const id = z.number().int().positive();

/** Batch bodies are checked in two steps: the envelope here, each item separately (per-item errors). */
export const batchEnvelopeSchema = z.strictObject({
  create: z.array(z.unknown()).optional(),
  update: z.array(z.unknown()).optional(),
  delete: z.array(id).optional(),
});
export type BatchEnvelope = z.infer<typeof batchEnvelopeSchema>;

export const withIdSchema = z.looseObject({ id });

const positiveInt = z.string().regex(/^\d+$/, 'must be a positive integer').transform(Number).pipe(z.number().int().min(1));
const boolParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`)), 'must be an ISO 8601 date');

/**
 * `include` as WordPress reads it from a query string (wp_parse_id_list): ids separated by commas
 * or spaces; each must be a whole number, else the same 400 WordPress gives ("include[1] is not of
 * type integer."). Unknown ids are not an error: they are simply absent from the list.
 */
const idListParam = z.string().transform((v, ctx) => {
  const parts = v.split(/[\s,]+/).filter((part) => part !== '');
  const bad = parts.findIndex((part) => !/^\d+$/.test(part));
  if (bad >= 0) {
    ctx.addIssue({ code: 'custom', message: `include[${bad}] is not of type integer.` });
    return z.NEVER;
  }
  return parts.map(Number);
});

export const orderStatuses = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed'] as const;

/** Query parameters of the list endpoints, each validated alone so errors can name the parameter. */
export const listParamSchemas = {
  page: positiveInt,
  per_page: positiveInt.pipe(z.number().max(100, 'per_page must be between 1 (inclusive) and 100 (inclusive)')),
  modified_after: isoDate,
  modified_before: isoDate,
  dates_are_gmt: boolParam,
  order: z.enum(['asc', 'desc']),
  orderby: z.enum(['id', 'date', 'modified', 'include', 'title', 'slug']),
  sku: z.string(),
  include: idListParam,
  status: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(z.enum(['any', ...orderStatuses, 'publish', 'draft', 'private']))),
} as const;

export type ListParamName = keyof typeof listParamSchemas;
export type ListParams = { [K in ListParamName]?: z.output<(typeof listParamSchemas)[K]> };

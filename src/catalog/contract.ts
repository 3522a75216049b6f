// Catalog: products and their variants. The Products grid reads one page of
// variant rows at a time, sorted and filtered in SQL. Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

export const productStatusSchema = z.enum(['active', 'draft', 'archived']);
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const variantTextColumns = ['sku', 'title', 'variantTitle', 'barcode', 'category', 'brand'] as const;
export const variantNumberColumns = ['price', 'compareAtPrice', 'cost', 'weightGrams', 'onHand'] as const;
export const variantDateColumns = ['updatedAt'] as const;
export const variantGridColumns = [
  ...variantTextColumns,
  ...variantNumberColumns,
  'status',
  ...variantDateColumns,
] as const;
export type VariantGridColumn = (typeof variantGridColumns)[number];
/**
 * Columns holding money in minor units of the shop currency. currentPrice is shown (and exported)
 * but not a sort or filter column: COALESCE over the sale prices has no index, and sorting 100k
 * variants by it would take the grid over a second.
 */
export const variantMoneyColumns = ['price', 'currentPrice', 'compareAtPrice', 'cost'] as const;

/** Filter operators, named as AG Grid names them so the grid's filter model maps one to one. */
export const textFilterOps = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;
export const numberFilterOps = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const;
const textOp = z.enum(textFilterOps);
const numberOp = z.enum(numberFilterOps);
const join = z.enum(['and', 'or']);

export const textFilterSchema = z.object({
  kind: z.literal('text'),
  join: join.default('and'),
  conditions: z.array(z.object({ op: textOp, value: z.string().max(200).optional() })).min(1).max(2),
});
export const numberFilterSchema = z.object({
  kind: z.literal('number'),
  join: join.default('and'),
  conditions: z
    .array(
      z.object({
        op: numberOp,
        // Money in minor units, weights in grams, quantities in units.
        value: z.number().int().optional(),
        valueTo: z.number().int().optional(),
      }),
    )
    .min(1)
    .max(2),
});
export const setFilterSchema = z.object({
  kind: z.literal('set'),
  values: z.array(productStatusSchema),
});
export const columnFilterSchema = z.discriminatedUnion('kind', [textFilterSchema, numberFilterSchema, setFilterSchema]);
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

export const variantListInputSchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z
    .array(z.object({ column: z.enum(variantGridColumns), direction: z.enum(['asc', 'desc']) }))
    .max(3)
    .default([]),
  filters: z.partialRecord(z.enum(variantGridColumns), columnFilterSchema).default({}),
  quickSearch: z.string().trim().max(200).default(''),
  /** Only variants of products whose listing is missing something (completeness < 100). */
  incompleteOnly: z.boolean().default(false),
});
export type VariantListInput = z.infer<typeof variantListInputSchema>;

export const variantRowSchema = z.object({
  variantId: z.number().int(),
  productId: z.number().int(),
  sku: z.string(),
  title: z.string(),
  variantTitle: z.string(),
  barcode: z.string().nullable(),
  /** The regular price (a running promotion never changes it). */
  price: z.number().int(),
  /** What the variant sells for now: a running promotion's sale price, else the regular price. */
  currentPrice: z.number().int(),
  /** The promotion that set currentPrice (null: the regular price applies). */
  promotionId: z.number().int().nullable(),
  compareAtPrice: z.number().int().nullable(),
  cost: costFigure(z.number().int().nullable()),
  weightGrams: z.number().int().nullable(),
  status: productStatusSchema,
  category: z.string().nullable(),
  brand: z.string().nullable(),
  onHand: z.number().int(),
  updatedAt: z.string(),
  /** The product's listing completeness, 0–100 (see products.get for what is missing). */
  completeness: z.number().int(),
});
export type VariantRow = z.infer<typeof variantRowSchema>;

export const catalogContract = {
  'products.list': {
    input: variantListInputSchema,
    output: z.object({ rows: z.array(variantRowSchema), total: z.number().int() }),
  },
} as const;

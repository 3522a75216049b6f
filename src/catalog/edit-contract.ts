// Catalog editing: product detail, create/update, variant edits (single, grid
// block, bulk action), categories, tags, bundles, plus the history methods.
// Pure (zod + types). Every write is one change set (see src/history).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { historyContract } from '../history/contract.js';
import { productStatusSchema, variantListInputSchema } from './contract.js';
import { unitMoneySchema } from '../shared/bounds.js';

const id = z.number().int().positive();
/** Prices and costs in minor units, bounded (see shared/bounds.ts). */
const money = unitMoneySchema;
const grams = z.number().int().min(0);
const text = (max: number) => z.string().trim().max(max);

export const optionSchema = z.object({ name: text(60).min(1), values: z.array(text(100).min(1)).min(1).max(100) });

/** Variant fields the grid and the detail page edit; names follow the grid's columns. */
export const variantEditFields = ['sku', 'barcode', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'status'] as const;
export type VariantEditField = (typeof variantEditFields)[number];

export const variantChangesSchema = z.object({
  sku: text(100).min(1).optional(),
  barcode: text(64).nullable().optional(),
  price: money.optional(),
  compareAtPrice: money.nullable().optional(),
  cost: costFigure(money.nullable().optional()),
  weightGrams: grams.nullable().optional(),
  status: productStatusSchema.optional(),
});
export type VariantChanges = z.infer<typeof variantChangesSchema>;

export const variantSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  barcode: z.string().nullable(),
  options: z.array(z.string()),
  price: z.number().int(),
  compareAtPrice: z.number().int().nullable(),
  cost: costFigure(z.number().int().nullable()),
  weightGrams: z.number().int().nullable(),
  status: productStatusSchema,
  position: z.number().int(),
  onHand: z.number().int(),
});
export type VariantDetail = z.infer<typeof variantSchema>;

export const completenessItems = ['title', 'description', 'mainImage', 'price', 'cost', 'barcode', 'weight', 'category'] as const;

export const productDetailSchema = z.object({
  id: z.number().int(),
  handle: z.string(),
  title: z.string(),
  description: z.string(),
  brand: z.string().nullable(),
  status: productStatusSchema,
  categoryId: z.number().int().nullable(),
  /** Category path from the root, e.g. ['Apparel', 'Hoodies']. */
  categoryPath: z.array(z.string()),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(variantSchema),
  tags: z.array(z.string()),
  images: z.array(z.object({ id: z.number().int(), path: z.string(), position: z.number().int(), isMain: z.boolean() })),
  completeness: z.object({
    /** 0–100; each of the eight items is an equal share. */
    score: z.number().int(),
    missing: z.array(z.enum(completenessItems)),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

const newVariantSchema = z.object({
  options: z.array(text(100).min(1)).max(3),
  sku: text(100).min(1).optional(),
  barcode: text(64).nullable().optional(),
  price: money.optional(),
  compareAtPrice: money.nullable().optional(),
  cost: costFigure(money.nullable().optional()),
  weightGrams: grams.nullable().optional(),
});

export const productCreateSchema = z.object({
  title: text(255).min(1),
  handle: text(255)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'handleFormat')
    .optional(),
  description: z.string().max(100_000).default(''),
  brand: text(120).nullable().optional(),
  categoryId: id.nullable().optional(),
  status: productStatusSchema.default('active'),
  tags: z.array(text(60).min(1)).max(100).default([]),
  images: z.array(text(1000).min(1)).max(50).default([]),
  options: z.array(optionSchema).default([]),
  /** Explicit variants; when absent every combination of the options is generated. */
  variants: z.array(newVariantSchema).min(1).max(2048).optional(),
  /** Defaults for generated variants (and for explicit ones that leave a field out). */
  skuPrefix: text(60).optional(),
  price: money.default(0),
  compareAtPrice: money.nullable().default(null),
  cost: costFigure(money.nullable().default(null)),
  weightGrams: grams.nullable().default(null),
});
export type ProductCreateInput = z.infer<typeof productCreateSchema>;

export const productUpdateSchema = z.object({
  productId: id,
  changes: z.object({
    title: text(255).min(1).optional(),
    handle: text(255)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'handleFormat')
      .optional(),
    description: z.string().max(100_000).optional(),
    brand: text(120).nullable().optional(),
    categoryId: id.nullable().optional(),
    status: productStatusSchema.optional(),
    /** Replaces the tag list. */
    tags: z.array(text(60).min(1)).max(100).optional(),
    /** Replaces the images; the first is the main image (not part of undo history yet). */
    images: z.array(text(1000).min(1)).max(50).optional(),
  }),
});
export type ProductUpdateInput = z.infer<typeof productUpdateSchema>;

export const bulkEditSchema = z.object({
  edits: z
    .array(
      z.object({
        variantId: id,
        field: z.enum(variantEditFields),
        // Checked per field in the service so errors can name `edits.N.value` and the SKU.
        value: z.union([z.string(), z.number(), z.null()]),
      }),
    )
    .min(1)
    .max(100_000),
});
export type BulkEditInput = z.infer<typeof bulkEditSchema>;

export const bulkFilterSchema = variantListInputSchema.pick({ filters: true, quickSearch: true, incompleteOnly: true });
export type BulkFilter = z.infer<typeof bulkFilterSchema>;

export const bulkTargetSchema = z.union([
  z.object({ variantIds: z.array(id).min(1).max(200_000) }),
  z.object({ filter: bulkFilterSchema }),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('priceChange'),
    mode: z.enum(['percent', 'amount']),
    value: z.number().min(-1_000_000_000).max(1_000_000_000),
    rounding: z.enum(['none', '.99', '.90', 'whole']).default('none'),
    /** To the nearest price with that ending, or up / down to one (price-rounding.ts). */
    direction: z.enum(['nearest', 'up', 'down']).default('nearest'),
    field: z.enum(['price', 'compareAtPrice']).default('price'),
  }),
  z.object({ kind: z.literal('setStatus'), status: productStatusSchema }),
  z.object({ kind: z.literal('addTag'), tag: text(60).min(1) }),
  z.object({ kind: z.literal('removeTag'), tag: text(60).min(1) }),
  z.object({ kind: z.literal('setCategory'), categoryId: id.nullable() }),
  /** Makes this supplier the preferred one (creating its supplier item at the variant's cost where missing). */
  z.object({ kind: z.literal('setSupplier'), supplierId: id }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

const changeSetResult = z.object({
  /** Null when nothing actually changed (no change set is recorded then). */
  changeSetId: z.number().int().nullable(),
  changed: z.number().int(),
});

export const categorySchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  path: z.string(),
  depth: z.number().int(),
  productCount: z.number().int(),
});

export const catalogEditContract = {
  'products.get': { input: z.object({ productId: id }), output: productDetailSchema },
  'products.create': { input: productCreateSchema, output: productDetailSchema },
  'products.update': { input: productUpdateSchema, output: productDetailSchema },
  'variants.update': {
    input: z.object({ variantId: id, changes: variantChangesSchema }),
    output: changeSetResult.extend({ variant: variantSchema }),
  },
  'variants.bulkUpdate': { input: bulkEditSchema, output: changeSetResult },
  'variants.bulkAction': {
    input: z.object({ target: bulkTargetSchema, action: bulkActionSchema }),
    output: changeSetResult.extend({ matched: z.number().int() }),
  },
  'categories.list': { input: z.object({}), output: z.object({ categories: z.array(categorySchema) }) },
  'categories.create': {
    input: z.object({ name: text(120).min(1).regex(/^[^>]*$/, 'categoryNameHasSeparator'), parentId: id.nullable().default(null) }),
    output: categorySchema,
  },
  'tags.list': {
    input: z.object({}),
    output: z.object({ tags: z.array(z.object({ id: z.number().int(), name: z.string(), productCount: z.number().int() })) }),
  },
  'bundles.set': {
    input: z.object({
      bundleVariantId: id,
      components: z.array(z.object({ variantId: id, quantity: z.number().int().min(1).max(100_000) })).max(100),
    }),
    output: z.object({ bundleVariantId: z.number().int(), components: z.number().int() }),
  },
  'bundles.availability': {
    input: z.object({ bundleVariantId: id, locationId: id.optional() }),
    output: z.object({
      bundleVariantId: z.number().int(),
      /** Whole bundles that can be built: min over components of floor(available ÷ quantity). */
      available: z.number().int(),
      components: z.array(
        z.object({
          variantId: z.number().int(),
          sku: z.string(),
          quantity: z.number().int(),
          available: z.number().int(),
          bundles: z.number().int(),
        }),
      ),
    }),
  },
  ...historyContract,
} as const;

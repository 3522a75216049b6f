// Stocktakes: count a location (all of it, a category, or a bin) in the grid,
// by scanner or from a spreadsheet; variances are measured against the level
// at the moment each line was counted; posting adjusts through the ledger. Pure.
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const id = z.number().int().positive();
const int = z.number().int();
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const stocktakeStatuses = ['counting', 'posted', 'cancelled'] as const;
export const stocktakeScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('category'), categoryId: id }),
  z.object({ kind: z.literal('bin'), bin: z.string().trim().min(1).max(40) }),
]);

export const stocktakeSchema = z.object({
  id: int,
  number: z.string(),
  locationId: int,
  location: z.string(),
  scope: z.enum(['all', 'category', 'bin']),
  scopeLabel: z.string().nullable(),
  status: z.enum(stocktakeStatuses),
  note: z.string(),
  actor: z.string(),
  openedAt: z.string(),
  postedAt: z.string().nullable(),
  lines: int,
  counted: int,
  withVariance: int,
  /** Σ (counted − level at count time) over counted lines. */
  netVarianceUnits: int,
  netVarianceValue: costFigure(int),
  /** Σ |variance × cost|: how much the count corrected in either direction. */
  absoluteVarianceValue: costFigure(int),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;

export const stocktakeLineSchema = z.object({
  variantId: int,
  sku: z.string(),
  barcode: z.string().nullable(),
  title: z.string(),
  options: z.string(),
  bin: z.string().nullable(),
  onHandAtOpen: int,
  onHandNow: int,
  counted: int.nullable(),
  onHandAtCount: int.nullable(),
  variance: int.nullable(),
  varianceValue: costFigure(int.nullable()),
  /** Stock that moved (sales, receipts) since the count was opened. */
  movedSinceOpen: int,
  unitCost: costFigure(int.nullable()),
});
export type StocktakeLine = z.infer<typeof stocktakeLineSchema>;

export const uncountedModeSchema = z.enum(['ignore', 'zero']);

/** What posting would do (stocktakes.previewPost), computed without writing. */
export const stocktakePostPreviewSchema = z.object({
  stocktake: stocktakeSchema,
  /** 'ignore': uncounted lines stay as they are; 'zero': they are counted as none on the shelf. */
  uncounted: uncountedModeSchema,
  lines: int,
  countedLines: int,
  uncountedLines: int,
  /** Lines whose stock changes: one ledger movement each. */
  movements: int,
  netUnits: int,
  /** At each line's unit cost (lines without a cost count as 0; see withoutCost). */
  netValue: costFigure(int),
  unitsAdded: int,
  unitsRemoved: int,
  valueAdded: costFigure(int),
  valueRemoved: costFigure(int),
  /** On hand now in the uncounted lines, and its value: what "counted as zero" removes. */
  uncountedOnHand: int,
  uncountedValue: costFigure(int),
  /** Changing lines with no unit cost: their value is unknown and left out. */
  withoutCost: int,
});
export type StocktakePostPreview = z.infer<typeof stocktakePostPreviewSchema>;

const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });

export const stocktakeContract = {
  'stocktakes.open': {
    input: z.object({ locationId: id, scope: stocktakeScopeSchema.default({ kind: 'all' }), note: z.string().trim().max(500).default('') }),
    output: stocktakeSchema,
  },
  'stocktakes.list': {
    input: z.object({ ...page, status: z.enum(stocktakeStatuses).optional() }),
    output: z.object({ rows: z.array(stocktakeSchema), total: int }),
  },
  'stocktakes.get': {
    input: z.object({
      stocktakeId: id,
      ...page,
      show: z.enum(['all', 'counted', 'uncounted', 'variance']).default('all'),
      search: z.string().trim().max(200).default(''),
    }),
    output: z.object({ stocktake: stocktakeSchema, lines: z.array(stocktakeLineSchema), total: int }),
  },
  'stocktakes.count': {
    input: z.object({
      stocktakeId: id,
      lines: z
        .array(z.object({ variantId: id, counted: z.number().int().min(0, 'negativeQuantity').max(10_000_000), mode: z.enum(['set', 'add']).default('set') }))
        .min(1)
        .max(50_000),
    }),
    output: z.object({ stocktake: stocktakeSchema, counted: int }),
  },
  'stocktakes.scan': {
    input: z.object({ stocktakeId: id, code: z.string().trim().min(1).max(100), quantity: z.number().int().min(1).max(100_000).default(1) }),
    output: z.object({ line: stocktakeLineSchema, stocktake: stocktakeSchema }),
  },
  'stocktakes.importCounts': {
    input: z.object({ stocktakeId: id, fileName: z.string().max(255), contentBase64: z.string().max(8_000_000) }),
    output: z.object({ stocktake: stocktakeSchema, counted: int, rows: int }),
  },
  'stocktakes.sheet': { input: z.object({ stocktakeId: id, format: z.enum(['xlsx', 'csv']) }), output: fileOutput },
  /** The adjustments `stocktakes.post` would make with the same choice for uncounted lines; writes nothing. */
  'stocktakes.previewPost': {
    input: z.object({ stocktakeId: id, uncounted: uncountedModeSchema.default('ignore') }),
    output: stocktakePostPreviewSchema,
  },
  'stocktakes.post': {
    input: z.object({ stocktakeId: id, uncounted: uncountedModeSchema.default('ignore') }),
    output: z.object({ stocktake: stocktakeSchema, movements: int, unitsAdjusted: int, valueAdjusted: costFigure(int) }),
  },
  'stocktakes.cancel': { input: z.object({ stocktakeId: id }), output: stocktakeSchema },
} as const;

// Spreadsheet import: open a file (any format / encoding), map its columns to
// a target's fields, preview every row's outcome, then apply as one job and
// one undoable change set. Pure (zod + types): the renderer imports it.
import { z } from 'zod';
import { textEncodings } from './read/encoding.js';

export { textEncodings };

export const importTargetIds = [
  'products',
  'stockLevels',
  'stocktakeCounts',
  'suppliers',
  'supplierItems',
  'purchaseOrderLines',
  'customers',
  'orders',
  'returns',
] as const;
export const importTargetSchema = z.enum(importTargetIds);
export type ImportTargetId = z.infer<typeof importTargetSchema>;

export const importOptionsSchema = z.object({
  /** A blank cell clears the stored value (otherwise blank = keep). */
  blankClears: z.boolean().default(false),
  /** Stock levels / products with quantities / stocktake: where the stock is. */
  locationId: z.number().int().positive().optional(),
  stocktakeId: z.number().int().positive().optional(),
  purchaseOrderId: z.number().int().positive().optional(),
  /**
   * Products / stock levels: the day the file's stock was counted (YYYY-MM-DD, shop time):
   * its movements are dated that day's 00:00. A date column in the file wins; none = now.
   */
  stockDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

const cellShown = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const rowIssueSchema = z.object({
  /** Field key, or null when the issue is about the whole row. */
  field: z.string().nullable(),
  /** 0-based column and its header as in the file, when the issue is about one cell. */
  column: z.number().int().nullable(),
  header: z.string().nullable(),
  /** i18n key under `importIssues.` */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** English text, for logs and the errors file when no translation is at hand. */
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

/**
 * Something the preview wants the person to know before applying that is not an
 * error: what will be created on the way (a location, a channel), how a value
 * the file left out is filled in (refunds dated at the order date, today's cost),
 * how a file's numbers are read (on hand vs available). Key under `importNotices.`.
 */
export const importNoticeSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** English text, for logs and tests. */
  message: z.string(),
});
export type ImportNotice = z.infer<typeof importNoticeSchema>;

/**
 * create / update: written on apply; unchanged: the shop already holds it; skip: the row is
 * deliberately not written (an image-only row, an unpaid order), its note says why; error: not written.
 */
export const rowOutcomes = ['create', 'update', 'unchanged', 'skip', 'error'] as const;
export const rowOutcomeSchema = z.enum(rowOutcomes);
export type RowOutcome = z.infer<typeof rowOutcomeSchema>;

export const rowPlanSchema = z.object({
  row: z.number().int(),
  outcome: rowOutcomeSchema,
  /** What the row is matched by (SKU, e-mail, supplier name …). */
  key: z.string(),
  label: z.string(),
  changes: z.array(z.object({ field: z.string(), before: cellShown, after: cellShown })),
  issues: z.array(rowIssueSchema),
  /** What the person should know about this row that is not an error (why it is skipped, oversold stock …). */
  notes: z.array(importNoticeSchema).optional(),
});
export type RowPlan = z.infer<typeof rowPlanSchema>;

export const fieldInfoSchema = z.object({
  key: z.string(),
  /** The field's name in each language (the template headers). */
  en: z.string(),
  zh: z.string(),
  type: z.enum(['text', 'integer', 'money', 'percent', 'boolean', 'date', 'status', 'list']),
  required: z.enum(['create', 'always']).nullable(),
});

export const importColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  /** A few values from the first data rows, to help the person map the column. */
  samples: z.array(z.string()),
  field: z.string().nullable(),
  /** The header cannot be mapped (hostile name such as __proto__). */
  refused: z.boolean(),
});

export const importCountsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skip: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importSessionSchema = z.object({
  sessionId: z.string(),
  target: importTargetSchema,
  fileName: z.string(),
  format: z.enum(['xlsx', 'xls', 'ods', 'csv']),
  encoding: z.enum(textEncodings).nullable(),
  detectedEncoding: z.enum(textEncodings).nullable(),
  delimiter: z.enum([',', ';', '\t']).nullable(),
  /** How the file writes decimals (12,50 or 12.50), decided from its content for every number in it. */
  decimalMark: z.enum(['comma', 'point']),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** 1-based row number of the header row. */
  headerRow: z.number().int(),
  dataRows: z.number().int(),
  columns: z.array(importColumnSchema),
  fields: z.array(fieldInfoSchema),
  mappingSource: z.enum(['auto', 'remembered', 'manual']),
  options: importOptionsSchema,
  counts: importCountsSchema,
  /** Issues about the file as a whole (a required field no column feeds, a refused header). */
  fileIssues: z.array(rowIssueSchema),
  /** What the apply will also do or assume (see importNoticeSchema). */
  notices: z.array(importNoticeSchema),
  /** Price and cost changes beyond ± the shop's confirmation threshold, old → new (the first 50; see largePriceChangeCount). */
  largePriceChanges: z.array(
    z.object({ row: z.number().int(), key: z.string(), label: z.string(), field: z.string(), before: z.number().int(), after: z.number().int() }),
  ),
  largePriceChangeCount: z.number().int(),
  applied: z
    .object({ changeSetId: z.number().int().nullable(), written: z.number().int(), skipped: z.number().int() })
    .nullable(),
});
export type ImportSession = z.infer<typeof importSessionSchema>;

const fileSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
const sessionRef = z.object({ sessionId: z.string().min(1) });

export const importsContract = {
  /** Reads the file, finds its header row, maps columns (remembered layout or synonyms) and previews. */
  'imports.open': {
    input: z.object({
      target: importTargetSchema,
      fileName: z.string().min(1).max(260),
      /** May be empty: an empty file is answered with a translated "the file is empty" (emptyFile). */
      contentBase64: z.string(),
      encoding: z.enum(textEncodings).optional(),
      sheet: z.string().optional(),
      options: importOptionsSchema.optional(),
    }),
    output: importSessionSchema,
  },
  /** Re-reads with another encoding / sheet, or re-maps columns / changes options, and previews again. */
  'imports.update': {
    input: sessionRef.extend({
      encoding: z.enum(textEncodings).optional(),
      sheet: z.string().optional(),
      /** Per column (by index), the field it feeds or null to ignore it. */
      assignments: z.array(z.string().nullable()).max(500).optional(),
      options: importOptionsSchema.optional(),
    }),
    output: importSessionSchema,
  },
  /** One page of the preview, optionally only rows of one outcome. */
  'imports.rows': {
    input: sessionRef.extend({
      outcome: rowOutcomeSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.object({ rows: z.array(rowPlanSchema), total: z.number().int() }),
  },
  /** The rows with errors as they were in the file, plus an Errors column, to fix and re-import. */
  'imports.errorsFile': {
    input: sessionRef.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    output: fileSchema,
  },
  /** Applies as a job: all rows or nothing, or only the valid rows when chosen. */
  'imports.apply': {
    input: sessionRef.extend({ mode: z.enum(['all', 'validOnly']).default('all') }),
    output: z.object({ jobId: z.string() }),
  },
  'imports.get': { input: sessionRef, output: importSessionSchema },
  'imports.close': { input: sessionRef, output: z.object({ closed: z.boolean() }) },
  /** An empty file with the target's headers (English or Chinese) and an example row. */
  'imports.template': {
    input: z.object({ target: importTargetSchema, format: z.enum(['xlsx', 'csv']), language: z.enum(['en', 'zh-CN']) }),
    output: fileSchema,
  },
} as const;

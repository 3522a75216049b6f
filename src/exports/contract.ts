// Exports: any list the UI shows in a table, written to XLSX or CSV exactly as
// the person sees it (their columns in their order, their filters and sort, the
// headers in their language). Pure (zod + types).
import { z } from 'zod';
import { localeSchema } from '../settings/contract.js';

/**
 * List methods that back a table in the UI. The exporter calls the method's own
 * handler page by page, so filters and sort mean exactly what they mean on screen.
 */
export const gridExportSources = [
  'products.list',
  'stock.levels',
  'stock.movements',
  'history.list',
  'purchaseOrders.list',
  'suppliers.list',
  'reorder.suggestions',
  'transfers.list',
  'stocktakes.list',
  'analytics.salesReport',
  'analytics.salesSeries',
  'analytics.returns',
  'analytics.slowMovers',
  'analytics.segments',
  'analytics.silentCustomers',
  'analytics.customerValue',
  'analytics.stockOuts',
  'sync.log',
  'review.list',
  'promotions.list',
  'promotions.results',
  'promotions.evaluate',
  'promotions.simulate',
  'coupons.list',
  'promotions.audience',
  'audit.list',
] as const;
export type GridExportSource = (typeof gridExportSources)[number];

/** How a cell is written: money is minor units in the row and major units in the file. */
export const exportColumnKinds = ['text', 'number', 'money', 'date'] as const;
export type ExportColumnKind = (typeof exportColumnKinds)[number];

export const exportColumnSchema = z.object({
  /** A key of the row object; dotted for nested values (`explanation.safetyStock.value`). */
  field: z.string().trim().min(1).max(100),
  /** What the UI shows as the column header, in the current language. */
  header: z.string().max(200),
  kind: z.enum(exportColumnKinds),
  /**
   * What the UI shows for coded values of this column (e.g. an RFM segment code → its name in the
   * UI language), so the file reads like the screen; values not listed are written as they are.
   */
  labels: z
    .record(z.string().max(200), z.string().max(500))
    .refine((labels) => Object.keys(labels).length <= 1000, { message: 'tooManyLabels' })
    .optional(),
  /**
   * A row field holding an object of parameters: a label with `{name}` placeholders is filled from
   * it, so a keyed text (the sync log's "Orders read: {orders}") reads as the sentence on screen.
   */
  paramsField: z.string().trim().min(1).max(100).optional(),
});
export type ExportColumn = z.infer<typeof exportColumnSchema>;

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Refused above this: a file that size no spreadsheet program opens comfortably. */
export const maxExportRows = 1_000_000;

export const exportsContract = {
  'exports.grid': {
    input: z.object({
      source: z.enum(gridExportSources),
      /** The same input the page sends to its list call; offset and limit are ignored (every row is written). */
      query: z.record(z.string(), z.unknown()).default({}),
      columns: z.array(exportColumnSchema).min(1).max(100),
      /**
       * The language of the headers: texts the core writes itself (History's descriptions and
       * who made them) are written in it too. None = the shop's language.
       */
      locale: localeSchema.optional(),
      format: z.enum(exportFormats),
      /** Without extension; the format's extension is added. */
      fileName: z.string().trim().min(1).max(120),
      /**
       * A grid that filters and sorts its rows itself (report grids) sends the keys of the rows it shows,
       * in its order: the file holds exactly those rows, in that order.
       */
      rowKeys: z.object({ field: z.string().min(1), values: z.array(z.union([z.string(), z.number()])).max(maxExportRows) }).optional(),
    }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      /** Data rows written (the header row not counted). */
      rows: z.number().int(),
    }),
  },
} as const;

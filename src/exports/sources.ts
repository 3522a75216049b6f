// For each exportable list: where its rows are in the method's answer, how many
// rows match in all, and the shape of one row (to check the requested fields).
import { z } from 'zod';
import { seriesPointSchema } from '../analytics/contract.js';
import { customerValueRowSchema } from '../analytics/retention-contract.js';
import { stockOutEpisodeSchema } from '../analytics/inventory-contract.js';
import { contract, type MethodOutput } from '../contract.js';
import { historyRenderer } from '../shared/history-texts.js';
import type { Locale } from '../settings/contract.js';
import { suggestionLineSchema } from '../purchasing/reorder-contract.js';
import type { GridExportSource } from './contract.js';
import { reviewItemSchema, syncLogRowSchema } from '../sync/contract-schemas.js';

export type ExportRow = Readonly<Record<string, unknown>>;

/** What rows the core words itself are written in: the export's language and the shop currency. */
export interface RowContext {
  locale: Locale;
  currency: string;
}

interface SourceAdapter<M extends GridExportSource> {
  rows(answer: MethodOutput<M>, context: RowContext): readonly ExportRow[];
  /** Rows matching the query over all pages. */
  total(answer: MethodOutput<M>): number;
  /** One row as the exporter sees it; columns must name its fields. */
  rowSchema: z.ZodObject;
}

/**
 * Reorder suggestions come grouped per supplier; the file has one line per
 * row with the supplier beside it (the page shows it as the group heading).
 */
const reorderRowSchema = suggestionLineSchema.extend({ supplierId: z.number().int(), supplierName: z.string(), currency: z.string() });

/** A keyed text's params as one cell ("items=3, applied=2"); the key has its own column (labels translate it). */
function paramsCell(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)}`)
    .join(', ');
}

// The sync log and the review queue: each keyed text as its key (the grid sends its translations
// as column labels) and its params; excerpts are already redacted when stored (redact.ts).
const paramValues = z.record(z.string(), z.unknown());
const syncLogExportRowSchema = syncLogRowSchema
  .omit({ summary: true })
  .extend({ summaryKey: z.string(), summaryParams: z.string(), summaryParamValues: paramValues });
const reviewExportRowSchema = reviewItemSchema
  .omit({ values: true, reason: true, actions: true })
  .extend({ reasonKey: z.string(), reasonParams: z.string(), reasonParamValues: paramValues, values: z.string() });

export const gridSources: { [M in GridExportSource]: SourceAdapter<M> } = {
  'products.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['products.list'].output.shape.rows.element },
  'stock.levels': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['stock.levels'].output.shape.rows.element },
  'stock.movements': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['stock.movements'].output.shape.rows.element },
  // What happened and who did it, in the export's language (the stored text only for rows without a key).
  'history.list': {
    rows: (a, context) => {
      const render = historyRenderer(context.locale, context.currency);
      return a.changeSets.map((set) => ({
        ...set,
        summary: render.summary(set.summaryKey === null ? null : { key: set.summaryKey, params: set.summaryParams ?? {} }, set.summary),
        actor: render.actor(set.actor),
      }));
    },
    total: (a) => a.total,
    rowSchema: contract['history.list'].output.shape.changeSets.element,
  },
  'purchaseOrders.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['purchaseOrders.list'].output.shape.rows.element },
  'suppliers.list': { rows: (a) => a.suppliers, total: (a) => a.suppliers.length, rowSchema: contract['suppliers.list'].output.shape.suppliers.element },
  'transfers.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['transfers.list'].output.shape.rows.element },
  'stocktakes.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['stocktakes.list'].output.shape.rows.element },
  'analytics.salesReport': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['analytics.salesReport'].output.shape.rows.element },
  // The trend chart's table: each bucket with last year's net sales beside it.
  'analytics.salesSeries': {
    rows: (a) => a.points.map((point, i) => ({ ...point, lastYearNetSales: a.lastYear[i]?.netSales ?? null })),
    total: (a) => a.points.length,
    rowSchema: seriesPointSchema.extend({ lastYearNetSales: z.number().int().nullable() }),
  },
  'analytics.returns': { rows: (a) => a.rows, total: (a) => a.rows.length, rowSchema: contract['analytics.returns'].output.shape.rows.element },
  'analytics.slowMovers': { rows: (a) => a.rows, total: (a) => a.totalRows, rowSchema: contract['analytics.slowMovers'].output.shape.rows.element },
  'analytics.segments': { rows: (a) => a.customers, total: (a) => a.total, rowSchema: contract['analytics.segments'].output.shape.customers.element },
  'analytics.silentCustomers': { rows: (a) => a.customers, total: (a) => a.total, rowSchema: customerValueRowSchema },
  'analytics.customerValue': { rows: (a) => a.customers, total: (a) => a.total, rowSchema: customerValueRowSchema },
  'analytics.stockOuts': { rows: (a) => a.episodes, total: (a) => a.total, rowSchema: stockOutEpisodeSchema },
  'sync.log': {
    rows: (a) => a.rows.map(({ summary, ...row }) => ({ ...row, summaryKey: summary.key, summaryParams: paramsCell(summary.params), summaryParamValues: summary.params })),
    total: (a) => a.total,
    rowSchema: syncLogExportRowSchema,
  },
  'review.list': {
    rows: (a) =>
      a.items.map(({ reason, values, actions: _actions, ...item }) => ({
        ...item,
        reasonKey: reason.key,
        reasonParams: paramsCell(reason.params),
        reasonParamValues: reason.params,
        values: paramsCell(values),
      })),
    total: (a) => a.total,
    rowSchema: reviewExportRowSchema,
  },
  // Promotions: the list page, the results table, a promotion's per-SKU evaluation and simulation
  // (one answer each, capped at 500 rows by their methods), its coupon codes and its audience.
  'promotions.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['promotions.list'].output.shape.rows.element },
  'promotions.results': { rows: (a) => a.rows, total: (a) => a.rows.length, rowSchema: contract['promotions.results'].output.shape.rows.element },
  'promotions.evaluate': { rows: (a) => a.rows, total: (a) => a.rows.length, rowSchema: contract['promotions.evaluate'].output.shape.rows.element },
  'promotions.simulate': { rows: (a) => a.rows, total: (a) => a.rows.length, rowSchema: contract['promotions.simulate'].output.shape.rows.element },
  'coupons.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['coupons.list'].output.shape.rows.element },
  // The send list (group 'treatment') or the whole audience with its group.
  'promotions.audience': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['promotions.audience'].output.shape.rows.element },
  // The audit log: who, when, from where, what (the grid sends the words for kinds, areas and origins as labels).
  'audit.list': { rows: (a) => a.rows, total: (a) => a.total, rowSchema: contract['audit.list'].output.shape.rows.element },
  'reorder.suggestions': {
    rows: (a) =>
      a.suppliers.flatMap((group) =>
        group.lines.map((line) => ({ ...line, supplierId: group.supplier.id, supplierName: group.supplier.name, currency: group.supplier.currency })),
      ),
    total: (a) => a.total,
    rowSchema: reorderRowSchema,
  },
};

/** Strips optional/nullable/default wrappers to reach the schema underneath. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** Whether a dotted path names a field of the row schema (objects only; arrays are not cells). */
export function rowHasField(schema: z.ZodObject, path: string): boolean {
  let current: z.ZodType = schema;
  for (const key of path.split('.')) {
    const inner = unwrapped(current);
    if (!(inner instanceof z.ZodObject) || !Object.prototype.hasOwnProperty.call(inner.shape, key)) return false;
    current = inner.shape[key] as z.ZodType;
  }
  return !(unwrapped(current) instanceof z.ZodObject) && !(unwrapped(current) instanceof z.ZodArray);
}

/**
 * The list method's own input schema without paging, and its largest page (null: not paged). A
 * list with a limit but no offset (a "top N" such as promotions.results) is read as one page of
 * its largest size: the exporter's offset 0 is the only page, and its row count is its total.
 */
export function queryShapeOf(source: GridExportSource): { schema: z.ZodObject; pageSize: number | null } {
  const input = contract[source].input as z.ZodObject;
  const limit = input.shape['limit'] as z.ZodType | undefined;
  if (limit === undefined) return { schema: input, pageSize: null };
  const max = unwrapped(limit);
  const pageSize = max instanceof z.ZodNumber ? max.maxValue : null;
  if (pageSize === null || !Number.isFinite(pageSize)) throw new Error(`${source}: limit has no maximum`);
  const paging = Object.hasOwn(input.shape, 'offset') ? { offset: true as const, limit: true as const } : { limit: true as const };
  return { schema: input.omit(paging), pageSize };
}

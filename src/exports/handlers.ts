// exports.grid: validates the query against the list method's own input, pages
// through every matching row by calling that method's handler (so filters and
// sort are the list's own, never re-written SQL), and writes the file.
import type { MethodName, ParsedInput } from '../contract.js';
import { zodIssuesToFieldIssues, type AreaHandlers, type Handlers } from '../router.js';
import { AppError, validationError } from '../shared/app-error.js';
import { callerCan, currentCaller } from '../team/call-context.js';
import { costPaths } from '../team/redact.js';
import { maxExportRows, type exportsContract, type ExportColumn, type GridExportSource } from './contract.js';
import { createExportWriter, rowToCells } from './grid-export.js';
import { gridSources, queryShapeOf, rowHasField, type ExportRow, type RowContext } from './sources.js';

type AnyHandler = (input: unknown) => unknown;

function tooManyRows(total: number): AppError {
  return new AppError(
    'VALIDATION',
    `The export would hold ${total} rows; at most ${maxExportRows} rows can be exported at once. Narrow the filter and export again; nothing was written.`,
    { key: 'exportTooManyRows', params: { total, max: maxExportRows } },
  );
}

/**
 * Products always get the variant id as the first column, shown or not: an
 * edited file is matched back to its variants by id on import, even when the
 * person edited the SKU cell.
 */
function withIdColumn(source: GridExportSource, columns: readonly ExportColumn[]): ExportColumn[] {
  if (source !== 'products.list') return [...columns];
  const id = columns.find((c) => c.field === 'variantId') ?? { field: 'variantId', header: 'Variant ID', kind: 'number' as const };
  return [id, ...columns.filter((c) => c.field !== 'variantId')];
}

/**
 * The columns this caller may have: the list handlers run here directly, not through the
 * router that blanks cost figures, so for a person without `costs.view` the columns whose
 * field is a cost figure of the source's rows (costFigure marks, src/team/cost-mark.ts) are
 * left out of the file altogether rather than written empty.
 */
function visibleColumns(source: GridExportSource, columns: readonly ExportColumn[]): ExportColumn[] {
  if (callerCan(currentCaller(), 'costs.view')) return [...columns];
  const hidden = costPaths(gridSources[source].rowSchema);
  const isCost = (field: string): boolean => hidden.some((path) => field === path || field.startsWith(`${path}.`));
  return columns.filter((column) => !isCost(column.field) && (column.paramsField === undefined || !isCost(column.paramsField)));
}

function checkColumns(source: GridExportSource, columns: readonly ExportColumn[]): void {
  const schema = gridSources[source].rowSchema;
  const issues = columns.flatMap((column, index) =>
    rowHasField(schema, column.field)
      ? []
      : [{ path: `columns.${index}.field`, key: 'exportUnknownField', message: `columns.${index}.field: ${source} rows have no field "${column.field}"` }],
  );
  if (issues.length > 0) throw validationError(`${issues.map((i) => i.message).join('; ')}. Nothing was exported.`, issues);
}

function parseQuery(source: GridExportSource, query: Record<string, unknown>): { query: Record<string, unknown>; pageSize: number | null } {
  const shape = queryShapeOf(source);
  const parsed = shape.schema.safeParse(query);
  if (!parsed.success) {
    const issues = zodIssuesToFieldIssues(parsed.error.issues, query).map((issue) => ({
      ...issue,
      path: issue.path === '' ? 'query' : `query.${issue.path}`,
      message: issue.path === '' ? `query: ${issue.message}` : `query.${issue.message}`,
    }));
    throw validationError(`${issues.map((i) => i.message).join('; ')}. Nothing was exported.`, issues);
  }
  return { query: parsed.data as Record<string, unknown>, pageSize: shape.pageSize };
}

/**
 * Calls the list handler page by page and hands each page to `take` as it comes. The list
 * handlers are synchronous, so the awaits below resolve as microtasks and no other call runs in
 * between: every page reads the same data. Pages follow each other, so products.list reads
 * each one by keyset after the previous one (src/catalog/store.ts), not by OFFSET.
 */
async function eachPage(
  handler: AnyHandler,
  source: GridExportSource,
  query: Record<string, unknown>,
  pageSize: number | null,
  context: RowContext,
  take: (rows: readonly ExportRow[]) => void,
): Promise<void> {
  const adapter = gridSources[source] as { rows(answer: unknown, context: RowContext): readonly ExportRow[]; total(answer: unknown): number };
  for (let offset = 0; ; ) {
    const answer = await handler(pageSize === null ? query : { ...query, offset, limit: pageSize });
    const total = adapter.total(answer);
    if (total > maxExportRows) throw tooManyRows(total);
    const rows = adapter.rows(answer, context);
    take(rows);
    offset += rows.length;
    if (pageSize === null || rows.length === 0 || offset >= total) return;
  }
}

/**
 * The rows a grid shows, in its order: those whose key field is among `keys`, ordered as the keys
 * are. Only the shown rows are kept while the pages are read.
 */
function shownRowsCollector(keys: { field: string; values: readonly (string | number)[] }): { take(rows: readonly ExportRow[]): void; rows(): ExportRow[] } {
  const wanted = new Set(keys.values.map(String));
  const byKey = new Map<string, ExportRow>();
  return {
    take(rows) {
      for (const row of rows) {
        const key = String(row[keys.field]);
        // A later row with the same key replaces an earlier one, as the grid's own lookup does.
        if (wanted.has(key)) byKey.set(key, row);
      }
    },
    rows: () =>
      keys.values.flatMap((key) => {
        const row = byKey.get(String(key));
        return row ? [row] : [];
      }),
  };
}

/** `handlers` is the full map, read when a call arrives (it is built after this area's handlers). */
export function createExportHandlers(handlers: () => Handlers): AreaHandlers<typeof exportsContract> {
  return {
    'exports.grid': async (input: ParsedInput<'exports.grid'>) => {
      checkColumns(input.source, input.columns);
      const columns = visibleColumns(input.source, withIdColumn(input.source, input.columns));
      const { query, pageSize } = parseQuery(input.source, input.query);
      const all = handlers();
      const settings = await all['settings.get']({});
      const toCells = rowToCells(columns, { shopCurrency: settings.currency, timeZone: settings.timeZone });
      const method: MethodName = input.source;
      const context = { locale: input.locale ?? settings.locale, currency: settings.currency };
      const writer = createExportWriter(input.format, input.fileName, columns.map((c) => c.header));
      const shown = input.rowKeys ? shownRowsCollector(input.rowKeys) : null;
      await eachPage(all[method] as AnyHandler, input.source, query, pageSize, context, (rows) => {
        if (shown) shown.take(rows);
        else writer.write(rows.map(toCells));
      });
      if (shown) writer.write(shown.rows().map(toCells));
      const file = writer.finish();
      return { ...file, rows: writer.rows };
    },
  };
}

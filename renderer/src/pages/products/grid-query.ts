// Turns AG Grid's sort and filter models into the `products.list` input.
// Pure, so unit tests cover it without a browser. AG Grid types filterModel
// as `any`; it is parsed here and anything unexpected is ignored.
import { z } from 'zod';
import {
  numberFilterOps,
  productStatusSchema,
  textFilterOps,
  variantGridColumns,
  variantMoneyColumns,
  variantNumberColumns,
  variantTextColumns,
  type ColumnFilter,
  type ProductStatus,
  type VariantGridColumn,
  type VariantListInput,
} from '../../../../src/catalog/contract.js';
import { majorToMinor } from '../../i18n/format.js';

type SortItem = VariantListInput['sort'][number];
type Filters = VariantListInput['filters'];
type TextCondition = Extract<ColumnFilter, { kind: 'text' }>['conditions'][number];
type NumberCondition = Extract<ColumnFilter, { kind: 'number' }>['conditions'][number];

const textOps = textFilterOps;
const numberOps = numberFilterOps;
const valuelessOps = new Set<string>(['blank', 'notBlank']);

const simpleSchema = z.object({
  filterType: z.string().optional(),
  type: z.string().nullish(),
  filter: z.union([z.string(), z.number()]).nullish(),
  filterTo: z.union([z.string(), z.number()]).nullish(),
});
type SimpleModel = z.infer<typeof simpleSchema>;
const combinedSchema = z.object({
  filterType: z.string().optional(),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(simpleSchema),
});
const sortModelSchema = z.array(z.object({ colId: z.string(), sort: z.enum(['asc', 'desc']) }));

function isColumn(id: string): id is VariantGridColumn {
  return (variantGridColumns as readonly string[]).includes(id);
}
function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function toSort(sortModel: unknown): SortItem[] {
  const parsed = sortModelSchema.safeParse(sortModel);
  if (!parsed.success) return [];
  return parsed.data
    .filter((item) => isColumn(item.colId))
    .slice(0, 3)
    .map((item) => ({ column: item.colId as VariantGridColumn, direction: item.sort }));
}

/** Either shape AG Grid uses (one condition, or up to two joined) → conditions + join. */
function conditionsOf(model: unknown): { join: 'and' | 'or'; conditions: SimpleModel[] } | null {
  const combined = combinedSchema.safeParse(model);
  if (combined.success) {
    return { join: combined.data.operator === 'OR' ? 'or' : 'and', conditions: combined.data.conditions.slice(0, 2) };
  }
  const simple = simpleSchema.safeParse(model);
  return simple.success ? { join: 'and', conditions: [simple.data] } : null;
}

function textCondition(model: SimpleModel): TextCondition | null {
  const op = model.type ?? '';
  if (!includes(textOps, op)) return null;
  if (valuelessOps.has(op)) return { op };
  const value = model.filter == null ? '' : String(model.filter);
  return value === '' ? null : { op, value: value.slice(0, 200) };
}

function toNumber(raw: string | number | null | undefined, scale: (n: number) => number): number | undefined {
  if (raw == null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(n) ? scale(n) : undefined;
}

function numberCondition(model: SimpleModel, scale: (n: number) => number): NumberCondition | null {
  const op = model.type ?? '';
  if (!includes(numberOps, op)) return null;
  if (valuelessOps.has(op)) return { op };
  const value = toNumber(model.filter, scale);
  if (value === undefined) return null;
  if (op !== 'inRange') return { op, value };
  const valueTo = toNumber(model.filterTo, scale);
  return valueTo === undefined ? null : { op, value, valueTo };
}

/**
 * Status is shown translated, so the person types "Active" or "在售". Each text
 * condition picks the statuses whose code or label matches; AND intersects, OR unites.
 */
function statusFilter(model: unknown, labelOf: (status: ProductStatus) => string): ColumnFilter | null {
  const parsed = conditionsOf(model);
  if (!parsed) return null;
  const all = productStatusSchema.options;
  const sets = parsed.conditions.map((condition) => {
    const needle = String(condition.filter ?? '').trim().toLowerCase();
    if (needle === '') return new Set(all);
    const hits = all.filter((status) =>
      [status, labelOf(status).toLowerCase()].some((text) =>
        condition.type === 'equals' ? text === needle : text.includes(needle),
      ),
    );
    return new Set(condition.type === 'notEqual' || condition.type === 'notContains' ? all.filter((s) => !hits.includes(s)) : hits);
  });
  const combined = all.filter((status) =>
    parsed.join === 'or' ? sets.some((set) => set.has(status)) : sets.every((set) => set.has(status)),
  );
  return { kind: 'set', values: combined };
}

export interface FilterContext {
  currency: string;
  statusLabel: (status: ProductStatus) => string;
}

export function toFilters(filterModel: unknown, context: FilterContext): Filters {
  const filters: Filters = {};
  if (typeof filterModel !== 'object' || filterModel === null) return filters;
  for (const [colId, model] of Object.entries(filterModel)) {
    if (!isColumn(colId)) continue;
    if (colId === 'status') {
      const filter = statusFilter(model, context.statusLabel);
      if (filter) filters.status = filter;
      continue;
    }
    const parsed = conditionsOf(model);
    if (!parsed) continue;
    if (includes(variantTextColumns, colId)) {
      const conditions = parsed.conditions.map(textCondition).filter((c): c is TextCondition => c !== null);
      if (conditions.length > 0) filters[colId] = { kind: 'text', join: parsed.join, conditions };
    } else if (includes(variantNumberColumns, colId)) {
      // Money is typed in major units (19.99) but stored in minor units (1999).
      const scale = includes(variantMoneyColumns, colId)
        ? (n: number) => majorToMinor(n, context.currency)
        : (n: number) => Math.round(n);
      const conditions = parsed.conditions
        .map((condition) => numberCondition(condition, scale))
        .filter((c): c is NumberCondition => c !== null);
      if (conditions.length > 0) filters[colId] = { kind: 'number', join: parsed.join, conditions };
    }
  }
  return filters;
}

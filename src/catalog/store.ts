// SQL for the catalog. The Products grid asks for one page of variants at a
// time; sorting, filtering and the quick search all happen here, in SQL, over
// a whitelist of columns, so 100k variants stay fast and nothing from the
// caller is ever spliced into the SQL text.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { ColumnFilter, VariantGridColumn, VariantListInput, VariantRow } from './contract.js';
import { createWriteStamp } from '../db/write-stamp.js';

interface ColumnSql {
  /** The SQL expression the column sorts and filters by. */
  expr: string;
  /** Needs the products/categories join (the count can skip it otherwise). */
  joined: boolean;
}

export const variantTitleSql =
  "TRIM(COALESCE(v.option1, '') || COALESCE(' / ' || v.option2, '') || COALESCE(' / ' || v.option3, ''))";

const columns: Record<VariantGridColumn, ColumnSql> = {
  sku: { expr: 'v.sku', joined: false },
  title: { expr: 'p.title', joined: true },
  variantTitle: { expr: variantTitleSql, joined: false },
  barcode: { expr: 'v.barcode', joined: false },
  category: { expr: 'c.path', joined: true },
  brand: { expr: 'p.brand', joined: true },
  price: { expr: 'v.price', joined: false },
  compareAtPrice: { expr: 'v.compare_at_price', joined: false },
  cost: { expr: 'v.cost', joined: false },
  weightGrams: { expr: 'v.weight_grams', joined: false },
  onHand: { expr: 'v.on_hand_total', joined: false },
  status: { expr: 'v.status', joined: false },
  updatedAt: { expr: 'v.updated_at', joined: false },
};

/**
 * The product's listing completeness, 0–100, as products.get computes it (product-service.ts):
 * eight items, each an equal share, variant items counted only when every variant has them.
 * The four variant items come from one pass over the product's variants (MIN over 0/1 per
 * variant = "every variant has it"; CASE keeps NULL prices counting as priced, as NOT EXISTS
 * did); COALESCE keeps a product without variants at 4 of 4, as four NOT EXISTS would.
 * Each term is parenthesised: in SQL, NOT binds more loosely than +.
 * Rounded half up like Math.round: (n × 100 + 4) ÷ 8 in integers.
 */
export const completenessSql = `(((trim(p.title) <> '') + (trim(p.description) <> '')
  + (EXISTS (SELECT 1 FROM product_images pi WHERE pi.product_id = p.id))
  + COALESCE((SELECT MIN(CASE WHEN x.price <= 0 THEN 0 ELSE 1 END) + MIN(CASE WHEN x.cost IS NULL THEN 0 ELSE 1 END)
      + MIN(CASE WHEN COALESCE(x.barcode, '') = '' THEN 0 ELSE 1 END) + MIN(CASE WHEN COALESCE(x.weight_grams, 0) <= 0 THEN 0 ELSE 1 END)
      FROM variants x WHERE x.product_id = p.id), 4)
  + (p.category_id IS NOT NULL)) * 100 + 4) / 8`;

const selectList = `v.id AS variantId, v.product_id AS productId, v.sku, p.title, ${variantTitleSql} AS variantTitle,
  v.barcode, v.price, COALESCE(pp.price, v.price) AS currentPrice, pp.promotion_id AS promotionId, v.compare_at_price AS compareAtPrice, v.cost, v.weight_grams AS weightGrams, v.status,
  c.path AS category, p.brand, v.on_hand_total AS onHand, v.updated_at AS updatedAt, ${completenessSql} AS completeness`;

// promotion_prices: the running promotions' sale prices, one row per variant (its PK), so the
// current price costs one index probe per row of the page.
const joinedFrom = `variants v JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id
  LEFT JOIN promotion_prices pp ON pp.variant_id = v.id`;

type Param = string | number;

/** A WHERE fragment plus its bound parameters. */
interface Condition {
  sql: string;
  params: Param[];
  joined: boolean;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function textCondition(expr: string, op: string, value: string): { sql: string; params: Param[] } {
  const like = (pattern: string) => ({ sql: `${expr} LIKE ? ESCAPE '\\'`, params: [pattern] });
  const escaped = likeEscape(value);
  switch (op) {
    case 'contains':
      return like(`%${escaped}%`);
    case 'notContains':
      return { sql: `COALESCE(${expr}, '') NOT LIKE ? ESCAPE '\\'`, params: [`%${escaped}%`] };
    case 'startsWith':
      return like(`${escaped}%`);
    case 'endsWith':
      return like(`%${escaped}`);
    case 'equals':
      return { sql: `LOWER(${expr}) = LOWER(?)`, params: [value] };
    case 'notEqual':
      return { sql: `LOWER(COALESCE(${expr}, '')) <> LOWER(?)`, params: [value] };
    case 'blank':
      return { sql: `(${expr} IS NULL OR ${expr} = '')`, params: [] };
    default:
      return { sql: `(${expr} IS NOT NULL AND ${expr} <> '')`, params: [] };
  }
}

function numberCondition(expr: string, op: string, value: number, valueTo: number): { sql: string; params: Param[] } {
  const compare = (sqlOp: string) => ({ sql: `${expr} ${sqlOp} ?`, params: [value] });
  switch (op) {
    case 'equals':
      return compare('=');
    case 'notEqual':
      return { sql: `(${expr} IS NULL OR ${expr} <> ?)`, params: [value] };
    case 'lessThan':
      return compare('<');
    case 'lessThanOrEqual':
      return compare('<=');
    case 'greaterThan':
      return compare('>');
    case 'greaterThanOrEqual':
      return compare('>=');
    case 'inRange':
      return { sql: `${expr} BETWEEN ? AND ?`, params: [Math.min(value, valueTo), Math.max(value, valueTo)] };
    case 'blank':
      return { sql: `${expr} IS NULL`, params: [] };
    default:
      return { sql: `${expr} IS NOT NULL`, params: [] };
  }
}

function filterCondition(column: VariantGridColumn, filter: ColumnFilter): Condition | null {
  const { expr, joined } = columns[column];
  if (filter.kind === 'set') {
    if (filter.values.length === 0) return { sql: '0', params: [], joined };
    return { sql: `${expr} IN (${filter.values.map(() => '?').join(', ')})`, params: [...filter.values], joined };
  }
  const parts =
    filter.kind === 'text'
      ? filter.conditions.map((c) => textCondition(expr, c.op, c.value ?? ''))
      : filter.conditions
          .filter((c) => c.op === 'blank' || c.op === 'notBlank' || c.value !== undefined)
          .map((c) => numberCondition(expr, c.op, c.value ?? 0, c.valueTo ?? c.value ?? 0));
  if (parts.length === 0) return null;
  const glue = filter.join === 'or' ? ' OR ' : ' AND ';
  return { sql: `(${parts.map((p) => p.sql).join(glue)})`, params: parts.flatMap((p) => p.params), joined };
}

function quickSearchCondition(text: string): Condition | null {
  if (!text) return null;
  const pattern = `%${likeEscape(text)}%`;
  return {
    sql: `(v.sku LIKE ? ESCAPE '\\' OR v.barcode LIKE ? ESCAPE '\\' OR p.title LIKE ? ESCAPE '\\')`,
    params: [pattern, pattern, pattern],
    joined: true,
  };
}

export interface VariantPageSql {
  rowsSql: string;
  rowsParams: Param[];
  countSql: string;
  countParams: Param[];
}

/**
 * The rows after `last` in the list's order: for keys k1..kn (the sort, then v.id), k1 after, or
 * k1 equal and k2 after, and so on. "After" follows ORDER BY exactly, NULLs included (SQLite puts
 * them first ascending, last descending), so the page equals the OFFSET page that would follow.
 */
function keysetCondition(input: VariantListInput, last: VariantRow): Condition {
  const lastDesc = input.sort.at(-1)?.direction === 'desc';
  const keys = input.sort
    .map(({ column, direction }) => ({ expr: columns[column].expr, desc: direction === 'desc', value: last[column] as Param | null, joined: columns[column].joined }))
    .concat({ expr: 'v.id', desc: lastDesc, value: last.variantId, joined: false });
  const after = (key: (typeof keys)[number]): { sql: string; params: Param[] } | null => {
    if (key.value === null) return key.desc ? null : { sql: `${key.expr} IS NOT NULL`, params: [] };
    return key.desc ? { sql: `(${key.expr} < ? OR ${key.expr} IS NULL)`, params: [key.value] } : { sql: `${key.expr} > ?`, params: [key.value] };
  };
  const equal = (key: (typeof keys)[number]): { sql: string; params: Param[] } =>
    key.value === null ? { sql: `${key.expr} IS NULL`, params: [] } : { sql: `${key.expr} = ?`, params: [key.value] };
  const branches: { sql: string; params: Param[] }[] = [];
  keys.forEach((key, index) => {
    const step = after(key);
    if (!step) return;
    const parts = [...keys.slice(0, index).map(equal), step];
    branches.push({ sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) });
  });
  if (branches.length === 0) return { sql: '0', params: [], joined: false };
  return { sql: `(${branches.map((b) => `(${b.sql})`).join(' OR ')})`, params: branches.flatMap((b) => b.params), joined: keys.some((k) => k.joined) };
}

/**
 * Builds the page and count queries; exported so the benchmark runs the very same SQL bare.
 * With `after` (the last row of the previous page), the page is read by keyset instead of OFFSET:
 * the same rows, without walking past every earlier row again (100 pages of 1,000 rows read the
 * whole catalog once instead of 50 times over).
 */
export function buildVariantPageSql(input: VariantListInput, after?: VariantRow): VariantPageSql {
  const conditions: Condition[] = [];
  for (const [column, filter] of Object.entries(input.filters) as [VariantGridColumn, ColumnFilter | undefined][]) {
    const condition = filter ? filterCondition(column, filter) : null;
    if (condition) conditions.push(condition);
  }
  const quick = quickSearchCondition(input.quickSearch);
  if (quick) conditions.push(quick);
  if (input.incompleteOnly) conditions.push({ sql: `${completenessSql} < 100`, params: [], joined: true });
  const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '';
  const params = conditions.flatMap((c) => c.params);
  // Plain `expr ASC|DESC` (blanks first when ascending, as in AG Grid's own sort) so
  // SQLite can walk the column's index; v.id breaks ties so pages never overlap or skip rows.
  const order = input.sort
    .map(({ column, direction }) => `${columns[column].expr} ${direction === 'desc' ? 'DESC' : 'ASC'}`)
    // The tie-break follows the last key's direction so an index walk needs no extra sort.
    .concat(`v.id ${input.sort.at(-1)?.direction === 'desc' ? 'DESC' : 'ASC'}`)
    .join(', ');
  const countFrom = conditions.some((c) => c.joined) ? joinedFrom : 'variants v';
  const keyset = after ? keysetCondition(input, after) : null;
  const pageWhere = keyset ? `WHERE ${[...conditions, keyset].map((c) => c.sql).join(' AND ')}` : where;
  return {
    rowsSql: `SELECT ${selectList} FROM ${joinedFrom} ${pageWhere} ORDER BY ${order} LIMIT ? OFFSET ?`,
    rowsParams: [...params, ...(keyset ? keyset.params : []), input.limit, keyset ? 0 : input.offset],
    countSql: `SELECT COUNT(*) AS total FROM ${countFrom} ${where}`,
    countParams: params,
  };
}

export function createCatalogStore(db: Db) {
  // Prepared once per distinct SQL text (the grid repeats the same few shapes).
  const statements = new Map<string, Statement<Param[]>>();
  const prepare = (sql: string): Statement<Param[]> => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<Param[]>(sql);
      if (statements.size > 200) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };
  // The count of a filtered view is the slow half of a page; it only changes when
  // the filter or the data does, so re-sorting and scrolling reuse it.
  let countCache: { key: string; stamp: string; total: number } | null = null;
  // The last row of the last page read: when the next call asks for the page right after it, on
  // the same view of unchanged data (an export, a grid scrolling down), it is read by keyset.
  let lastPage: { view: string; stamp: string; nextOffset: number; last: VariantRow } | null = null;
  const stamp = createWriteStamp(db);

  return {
    listVariants(input: VariantListInput): { rows: VariantRow[]; total: number } {
      const now = stamp();
      const view = JSON.stringify({ ...input, offset: 0 });
      const follows = lastPage !== null && input.offset > 0 && lastPage.view === view && lastPage.stamp === now && lastPage.nextOffset === input.offset;
      const sql = buildVariantPageSql(input, follows ? lastPage?.last : undefined);
      const rows = prepare(sql.rowsSql).all(...sql.rowsParams) as VariantRow[];
      const last = rows.at(-1);
      lastPage = last && rows.length === input.limit ? { view, stamp: now, nextOffset: input.offset + rows.length, last } : null;
      const key = `${sql.countSql}\u0000${JSON.stringify(sql.countParams)}`;
      if (!countCache || countCache.key !== key || countCache.stamp !== now) {
        const counted = prepare(sql.countSql).get(...sql.countParams) as { total: number };
        countCache = { key, stamp: now, total: counted.total };
      }
      return { rows, total: countCache.total };
    },
  };
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

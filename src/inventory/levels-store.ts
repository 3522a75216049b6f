// Reads of stock: levels per variant × location (one page, sorted and filtered
// in SQL), one variant's card across locations, the ledger history, and
// locations with their totals. Valuation lives in valuation-store.ts.
import { likeEscape, variantTitleSql } from '../catalog/store.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { exactValues } from './exact-values.js';
import { isLowStockOneSql, isLowStockSql } from './low-stock-store.js';
import type { z } from 'zod';
import type { StockLevel, StockLevelsInput, variantLocationStockSchema } from './contract.js';
import { createWriteStamp } from '../db/write-stamp.js';

type Param = string | number;

const available = '(sl.on_hand - sl.committed)';
const value = 'MAX(sl.on_hand, 0) * COALESCE(v.cost, 0)';

const sortExpr: Record<StockLevelsInput['sort']['column'], string> = {
  sku: 'v.sku',
  title: 'p.title',
  location: 'l.name',
  bin: 'sl.bin',
  onHand: 'sl.on_hand',
  committed: 'sl.committed',
  available,
  incoming: 'sl.incoming',
  safetyStock: 'sl.safety_stock',
  lowStockAt: 'r.low_stock_at',
  unitCost: 'v.cost',
  value,
};

/** Low: the row's variant is low by the shop's one low-stock rule (low-stock-store.ts); the filter reads the set once, a page's flags per row. */
const isLowSql = isLowStockSql('sl.variant_id');
const isLowRowSql = isLowStockOneSql('sl.variant_id');

const levelColumns = `v.id AS variantId, v.product_id AS productId, v.sku, v.barcode, p.title, ${variantTitleSql} AS options,
  sl.location_id AS locationId, l.name AS location, sl.bin, sl.on_hand AS onHand, sl.committed, ${available} AS available,
  sl.incoming, sl.safety_stock AS safetyStock, r.low_stock_at AS lowStockAt, v.cost AS unitCost,
  ${value} AS value, ${isLowRowSql} AS isLow`;

const otherJoins = `JOIN products p ON p.id = v.product_id JOIN locations l ON l.id = sl.location_id
  LEFT JOIN variant_stock_rules r ON r.variant_id = v.id`;
// CROSS JOIN pins variants as the outer loop: SQLite walks the unique SKU index and
// probes each variant's levels by primary key, already in (sku, location) order, so a
// page costs its LIMIT + OFFSET rows instead of sorting ~300k.
const bySkuJoins = 'FROM variants v CROSS JOIN stock_levels sl ON sl.variant_id = v.id';
const needsProducts = (sql: string) => /\bp\./.test(sql);

/** Only the tables an expression refers to, joined to stock_levels sl (counting and key sorts stay narrow). */
function joinsFor(sql: string): string {
  const needs = (alias: string) => new RegExp(`\\b${alias}\\.`).test(sql);
  return [
    needs('v') || needs('p') ? 'JOIN variants v ON v.id = sl.variant_id' : '',
    needs('p') ? 'JOIN products p ON p.id = v.product_id' : '',
    needs('l') ? 'JOIN locations l ON l.id = sl.location_id' : '',
    needs('r') ? 'LEFT JOIN variant_stock_rules r ON r.variant_id = sl.variant_id' : '',
  ].join(' ');
}

export function buildLevelsSql(input: StockLevelsInput): { rowsSql: string; countSql: string; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  if (input.locationId !== undefined) {
    where.push('sl.location_id = ?');
    params.push(input.locationId);
  } else {
    // Goods in transit belong to no shelf; they show on their transfer and in "incoming".
    // (A constant list, so the filter needs no join to locations.)
    where.push("sl.location_id NOT IN (SELECT id FROM locations WHERE kind = 'transit')");
  }
  if (input.categoryId !== undefined) {
    where.push(`p.category_id IN (SELECT c.id FROM categories c, categories root WHERE root.id = ?
      AND (c.id = root.id OR c.path LIKE replace(replace(replace(root.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || ' > %' ESCAPE '\\'))`);
    params.push(input.categoryId);
  }
  if (input.search) {
    const escaped = likeEscape(input.search);
    where.push(`(v.sku LIKE ? ESCAPE '\\' OR v.barcode LIKE ? ESCAPE '\\' OR p.title LIKE ? ESCAPE '\\')`);
    params.push(`${escaped}%`, `${escaped}%`, `%${escaped}%`);
  }
  if (input.lowOnly) where.push(isLowSql);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const countSql = `SELECT COUNT(*) AS n FROM stock_levels sl ${joinsFor(whereSql)} ${whereSql}`;
  // The page's keys are found first with only the tables the filter and sort need, so
  // rows skipped by OFFSET cost little; the full rows are then built for the page alone.
  // Low stock is rare: walking all SKUs to find it is slower than filtering the levels first.
  const bySku = input.sort.column === 'sku' && !input.lowOnly;
  const key = sortExpr[input.sort.column];
  const pageKeys = bySku
    ? `SELECT sl.variant_id AS pageVariant, sl.location_id AS pageLocation, v.sku AS pageKey
       ${bySkuJoins}${needsProducts(whereSql) ? ' JOIN products p ON p.id = v.product_id' : ''} ${whereSql}
       ORDER BY v.sku ${dir}, sl.location_id ${dir} LIMIT ? OFFSET ?`
    : // No index to walk: sort only the keys (small sorter rows). Variant and location ids break ties.
      `SELECT sl.variant_id AS pageVariant, sl.location_id AS pageLocation, ${key} AS pageKey
       FROM stock_levels sl ${joinsFor(`${key} ${whereSql}`)} ${whereSql}
       ORDER BY pageKey ${dir}, pageVariant ${dir}, pageLocation ${dir} LIMIT ? OFFSET ?`;
  return {
    rowsSql: `SELECT ${levelColumns}
      FROM (${pageKeys}) page
        CROSS JOIN stock_levels sl ON sl.variant_id = page.pageVariant AND sl.location_id = page.pageLocation
        CROSS JOIN variants v ON v.id = sl.variant_id ${otherJoins}
      ORDER BY page.pageKey ${dir}, page.pageVariant ${dir}, page.pageLocation ${dir}`,
    countSql,
    params,
  };
}

type LevelRow = Omit<StockLevel, 'isLow'> & { isLow: number };
type VariantLocationRow = Omit<z.infer<typeof variantLocationStockSchema>, 'active'> & { active: number };

export function createLevelsStore(db: Db) {
  const prepared = new Map<string, Statement<unknown[]>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare<unknown[]>(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  // Every active shelf location (zeros where the variant has no row yet), plus any
  // other location where it has a level — typically units in transit.
  const forVariant = db.prepare<[number], VariantLocationRow>(
    `SELECT l.id AS locationId, l.code, l.name AS location, l.kind, l.active, sl.bin,
       COALESCE(sl.on_hand, 0) AS onHand, COALESCE(sl.committed, 0) AS committed,
       COALESCE(sl.on_hand - sl.committed, 0) AS available, COALESCE(sl.incoming, 0) AS incoming,
       sl.safety_stock AS safetyStock, MAX(COALESCE(sl.on_hand, 0), 0) * COALESCE(v.cost, 0) AS value
     FROM variants v CROSS JOIN locations l
       LEFT JOIN stock_levels sl ON sl.variant_id = v.id AND sl.location_id = l.id
     WHERE v.id = ? AND ((l.active = 1 AND l.kind <> 'transit') OR sl.variant_id IS NOT NULL)
     ORDER BY l.kind = 'transit', l.id`,
  );
  const variantHeader = db.prepare<
    [number],
    { sku: string; unitCost: number | null; lowStockAt: number | null; safetyMode: 'manual' | 'computed'; serviceLevel: number | null }
  >(
    `SELECT v.sku, v.cost AS unitCost, r.low_stock_at AS lowStockAt, COALESCE(r.safety_mode, 'manual') AS safetyMode,
       r.service_level AS serviceLevel
     FROM variants v LEFT JOIN variant_stock_rules r ON r.variant_id = v.id WHERE v.id = ?`,
  );
  // Counting ~300k rows is the slow half of a page and only changes when the filter or
  // the data does, so re-sorting and scrolling reuse the count (as the Products grid does).
  let countCache: { key: string; stamp: string; total: number } | null = null;
  const stamp = createWriteStamp(db);
  const count = (sql: string, params: Param[]): number => {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const now = stamp();
    if (!countCache || countCache.key !== key || countCache.stamp !== now) {
      countCache = { key, stamp: now, total: (statement(sql).get(...params) as { n: number }).n };
    }
    return countCache.total;
  };
  const movementFilters = (input: MovementQuery) => {
    const where: string[] = [];
    const params: Param[] = [];
    const add = (condition: string, value: Param | undefined) => {
      if (value === undefined) return;
      where.push(condition);
      params.push(value);
    };
    add('m.variant_id = ?', input.variantId);
    add('m.location_id = ?', input.locationId);
    add('m.reason = ?', input.reason);
    add('m.occurred_at >= ?', input.from);
    add('m.occurred_at < ?', input.to);
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  };

  return {
    levels(input: StockLevelsInput): { rows: StockLevel[]; total: number } {
      const sql = buildLevelsSql(input);
      const rows = exactValues(
        () => statement(sql.rowsSql).all(...sql.params, input.limit, input.offset) as LevelRow[],
        (read) => read.map((row) => row.value),
      );
      const total = count(sql.countSql, sql.params);
      return { rows: rows.map((row) => ({ ...row, isLow: row.isLow === 1 })), total };
    },
    movements(input: MovementQuery & { offset: number; limit: number }) {
      const filter = movementFilters(input);
      const rows = statement(
        `SELECT m.id, m.variant_id AS variantId, v.sku, m.location_id AS locationId, l.name AS location, m.delta, m.reason,
           m.reason_code AS reasonCode, m.note, m.ref_type AS refType, m.ref_id AS refId, m.unit_cost AS unitCost, m.actor,
           m.occurred_at AS occurredAt
         FROM stock_movements m JOIN variants v ON v.id = m.variant_id JOIN locations l ON l.id = m.location_id
         ${filter.sql} ORDER BY m.occurred_at DESC, m.id DESC LIMIT ? OFFSET ?`,
      ).all(...filter.params, input.limit, input.offset) as MovementRow[];
      const total = (statement(`SELECT COUNT(*) AS n FROM stock_movements m ${filter.sql}`).get(...filter.params) as { n: number }).n;
      return { rows, total };
    },
    locations(includeInactive: boolean) {
      const read = () => statement(
        `SELECT l.id, l.code, l.name, l.kind, l.active,
           COALESCE(SUM(sl.on_hand), 0) AS onHand, COALESCE(SUM(MAX(sl.on_hand, 0) * COALESCE(v.cost, 0)), 0) AS value
         FROM locations l LEFT JOIN stock_levels sl ON sl.location_id = l.id LEFT JOIN variants v ON v.id = sl.variant_id
         WHERE l.active = 1 OR ? GROUP BY l.id ORDER BY l.kind = 'transit', l.id`,
      ).all(includeInactive ? 1 : 0) as (Omit<LocationRow, 'active'> & { active: number })[];
      const rows = exactValues(read, (found) => found.map((row) => row.value));
      return rows.map((row) => ({ ...row, active: row.active === 1 }));
    },
    /** One variant's stock at every location, with its rules and totals; undefined for an unknown variant. */
    forVariant(variantId: number) {
      const header = variantHeader.get(variantId);
      if (!header) return undefined;
      const rows = forVariant.all(variantId).map((row) => ({ ...row, active: row.active === 1 }));
      const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const totals = {
        onHand: sum((r) => r.onHand),
        committed: sum((r) => r.committed),
        available: sum((r) => r.available),
        incoming: sum((r) => r.incoming),
        value: sum((r) => r.value),
      };
      exactValues(() => totals, (t) => [t.value, ...rows.map((r) => r.value)]);
      return { ...header, variantId, rows, totals };
    },
  };
}

interface MovementQuery {
  variantId?: number | undefined;
  locationId?: number | undefined;
  reason?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
interface MovementRow {
  id: number;
  variantId: number;
  sku: string;
  locationId: number;
  location: string;
  delta: number;
  reason: string;
  reasonCode: string | null;
  note: string | null;
  refType: string | null;
  refId: string | null;
  unitCost: number | null;
  actor: string;
  occurredAt: string;
}
interface LocationRow {
  id: number;
  code: string;
  name: string;
  kind: 'warehouse' | 'store' | 'transit';
  active: boolean;
  onHand: number;
  value: number;
}

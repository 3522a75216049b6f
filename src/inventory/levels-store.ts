// Reads of stock: levels per variant × location (one page, sorted and filtered
// in SQL), the ledger history, locations with their totals, and valuation.
import { likeEscape, variantTitleSql } from '../catalog/store.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { StockLevel, StockLevelsInput } from './contract.js';

type Param = string | number;

const sortExpr: Record<StockLevelsInput['sort']['column'], string> = {
  sku: 'v.sku',
  title: 'p.title',
  location: 'l.name',
  bin: 'sl.bin',
  onHand: 'sl.on_hand',
  committed: 'sl.committed',
  available: '(sl.on_hand - sl.committed)',
  incoming: 'sl.incoming',
  value: 'value',
};

const available = '(sl.on_hand - sl.committed)';
/** Low: available at or under the variant's low-stock mark or the location's safety stock. */
const isLowSql = `((r.low_stock_at IS NOT NULL AND ${available} <= r.low_stock_at)
  OR (sl.safety_stock IS NOT NULL AND ${available} <= sl.safety_stock))`;

const levelColumns = `v.id AS variantId, v.product_id AS productId, v.sku, v.barcode, p.title, ${variantTitleSql} AS options,
  sl.location_id AS locationId, l.name AS location, sl.bin, sl.on_hand AS onHand, sl.committed, ${available} AS available,
  sl.incoming, sl.safety_stock AS safetyStock, r.low_stock_at AS lowStockAt, v.cost AS unitCost,
  MAX(sl.on_hand, 0) * COALESCE(v.cost, 0) AS value, ${isLowSql} AS isLow`;

const levelJoins = `FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id JOIN products p ON p.id = v.product_id
  JOIN locations l ON l.id = sl.location_id LEFT JOIN variant_stock_rules r ON r.variant_id = v.id`;

export function buildLevelsSql(input: StockLevelsInput): { rowsSql: string; countSql: string; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  if (input.locationId !== undefined) {
    where.push('sl.location_id = ?');
    params.push(input.locationId);
  } else {
    // Goods in transit belong to no shelf; they show on their transfer and in "incoming".
    where.push("l.kind <> 'transit'");
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
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
  return {
    rowsSql: `SELECT ${levelColumns} ${levelJoins} ${whereSql}
      ORDER BY ${sortExpr[input.sort.column]} ${direction}, v.sku ${direction}, sl.location_id LIMIT ? OFFSET ?`,
    countSql: `SELECT COUNT(*) AS n ${levelJoins} ${whereSql}`,
    params,
  };
}

type LevelRow = Omit<StockLevel, 'isLow'> & { isLow: number };

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
      const rows = statement(sql.rowsSql).all(...sql.params, input.limit, input.offset) as LevelRow[];
      const total = (statement(sql.countSql).get(...sql.params) as { n: number }).n;
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
      const rows = statement(
        `SELECT l.id, l.code, l.name, l.kind, l.active,
           COALESCE(SUM(sl.on_hand), 0) AS onHand, COALESCE(SUM(MAX(sl.on_hand, 0) * COALESCE(v.cost, 0)), 0) AS value
         FROM locations l LEFT JOIN stock_levels sl ON sl.location_id = l.id LEFT JOIN variants v ON v.id = sl.variant_id
         WHERE l.active = 1 OR ? GROUP BY l.id ORDER BY l.kind = 'transit', l.id`,
      ).all(includeInactive ? 1 : 0) as (Omit<LocationRow, 'active'> & { active: number })[];
      return rows.map((row) => ({ ...row, active: row.active === 1 }));
    },
    valuation() {
      const group = (keySql: string, labelSql: string, joins: string) =>
        statement(
          `SELECT ${keySql} AS key, ${labelSql} AS label, SUM(MAX(sl.on_hand, 0)) AS units,
             SUM(MAX(sl.on_hand, 0) * COALESCE(v.cost, 0)) AS value, COUNT(DISTINCT v.id) AS variants
           FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id ${joins}
           WHERE sl.on_hand > 0 GROUP BY 1 ORDER BY value DESC, label`,
        ).all() as ValuationRow[];
      const byLocation = group("CAST(l.id AS TEXT)", 'l.name', 'JOIN locations l ON l.id = sl.location_id');
      // The top-level category: everything before the first ' > ' of the path.
      const byCategory = group(
        "COALESCE(CAST(p.category_id AS TEXT), '')",
        "COALESCE(c.path, '')",
        'JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id',
      );
      // The preferred supplier item, else any one (lowest id), else none.
      const bySupplier = group(
        "COALESCE(CAST(s.id AS TEXT), '')",
        "COALESCE(s.name, '')",
        `LEFT JOIN supplier_items si ON si.id = (SELECT x.id FROM supplier_items x WHERE x.variant_id = v.id
           ORDER BY x.is_preferred DESC, x.id LIMIT 1) LEFT JOIN suppliers s ON s.id = si.supplier_id`,
      );
      const totals = statement(
        `SELECT COALESCE(SUM(MAX(sl.on_hand, 0) * COALESCE(v.cost, 0)), 0) AS value, COALESCE(SUM(MAX(sl.on_hand, 0)), 0) AS units,
           COUNT(DISTINCT CASE WHEN v.cost IS NULL THEN v.id END) AS withoutCost
         FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id WHERE sl.on_hand > 0`,
      ).get() as { value: number; units: number; withoutCost: number };
      return { totalValue: totals.value, totalUnits: totals.units, variantsWithoutCost: totals.withoutCost, byLocation, byCategory, bySupplier };
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
interface ValuationRow {
  key: string;
  label: string;
  units: number;
  value: number;
  variants: number;
}

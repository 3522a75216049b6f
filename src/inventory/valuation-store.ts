// Capital tied up in stock: Σ max(on hand, 0) × variant cost, grouped by
// location, by category (top-level ancestor or full path) and by preferred
// supplier. Oversold (negative) levels count as zero, never as negative money;
// a variant without a cost counts as 0 and is reported so the gap is visible.
import type { Db } from '../db/open.js';
import { exactValues } from './exact-values.js';

export interface ValuationGroup {
  /** Location id, category path, or supplier id as text; '' for "no category" / "no supplier". */
  key: string;
  label: string;
  units: number;
  value: number;
  variants: number;
}

export interface Valuation {
  totalValue: number;
  totalUnits: number;
  variantsWithoutCost: number;
  byLocation: ValuationGroup[];
  byCategory: ValuationGroup[];
  bySupplier: ValuationGroup[];
}

const units = 'MAX(sl.on_hand, 0)';
const value = `${units} * COALESCE(v.cost, 0)`;

/** The top-level category of a path: everything before the first ' > '. */
const topPath = "CASE WHEN instr(c.path, ' > ') > 0 THEN substr(c.path, 1, instr(c.path, ' > ') - 1) ELSE c.path END";

export function createValuationStore(db: Db) {
  const group = (keySql: string, labelSql: string, joins: string) =>
    db.prepare<[], ValuationGroup>(
      `SELECT ${keySql} AS key, ${labelSql} AS label, SUM(${units}) AS units, SUM(${value}) AS value,
         COUNT(DISTINCT v.id) AS variants
       FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id ${joins}
       WHERE sl.on_hand > 0 GROUP BY 1 ORDER BY value DESC, label`,
    );
  const categoryJoin = 'JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id';
  const statements = {
    byLocation: group('CAST(l.id AS TEXT)', 'l.name', 'JOIN locations l ON l.id = sl.location_id'),
    byTopCategory: group(`COALESCE(${topPath}, '')`, `COALESCE(${topPath}, 'No category')`, categoryJoin),
    byFullCategory: group("COALESCE(c.path, '')", "COALESCE(c.path, 'No category')", categoryJoin),
    // Only the preferred supplier item counts; without one the stock is "No supplier",
    // so the shop sees which capital has no agreed source.
    bySupplier: group(
      "COALESCE(CAST(s.id AS TEXT), '')",
      "COALESCE(s.name, 'No supplier')",
      `LEFT JOIN supplier_items si ON si.id = (SELECT x.id FROM supplier_items x WHERE x.variant_id = v.id AND x.is_preferred = 1
         ORDER BY x.id LIMIT 1) LEFT JOIN suppliers s ON s.id = si.supplier_id`,
    ),
    totals: db.prepare<[], { value: number; units: number }>(
      `SELECT COALESCE(SUM(${value}), 0) AS value, COALESCE(SUM(${units}), 0) AS units
       FROM stock_levels sl JOIN variants v ON v.id = sl.variant_id WHERE sl.on_hand > 0`,
    ),
    // Variants holding stock whose value is unknown.
    withoutCost: db.prepare<[], { n: number }>(
      `SELECT COUNT(*) AS n FROM variants v
       WHERE v.cost IS NULL AND EXISTS (SELECT 1 FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.on_hand > 0)`,
    ),
  };

  return {
    valuation(categoryLevel: 'top' | 'full'): Valuation {
      const groupNumbers = (groups: ValuationGroup[]) => groups.flatMap((g) => [g.units, g.value]);
      return exactValues(
        () => {
          const totals = statements.totals.get() ?? { value: 0, units: 0 };
          return {
            totalValue: totals.value,
            totalUnits: totals.units,
            variantsWithoutCost: statements.withoutCost.get()?.n ?? 0,
            byLocation: statements.byLocation.all(),
            byCategory: (categoryLevel === 'top' ? statements.byTopCategory : statements.byFullCategory).all(),
            bySupplier: statements.bySupplier.all(),
          };
        },
        (v) => [v.totalValue, v.totalUnits, ...groupNumbers(v.byLocation), ...groupNumbers(v.byCategory), ...groupNumbers(v.bySupplier)],
      );
    },
  };
}

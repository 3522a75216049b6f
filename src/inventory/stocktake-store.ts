// SQL of stocktakes: headers with their running totals, and the lines with
// the live level beside the levels at open and at count time.
import { variantTitleSql } from '../catalog/store.js';
import { likeEscape } from '../catalog/store.js';
import type { Db } from '../db/open.js';
import type { Stocktake, StocktakeLine, StocktakePostPreview } from './stocktake-contract.js';

const variance = 'CASE WHEN sl2.counted IS NULL THEN NULL ELSE sl2.counted - sl2.on_hand_at_count END';

const headerSql = `SELECT s.id, s.number, s.location_id AS locationId, l.name AS location, s.scope,
    CASE s.scope WHEN 'category' THEN (SELECT path FROM categories WHERE id = s.scope_category_id) WHEN 'bin' THEN s.scope_bin END AS scopeLabel,
    s.status, s.note, s.actor, s.opened_at AS openedAt, s.posted_at AS postedAt,
    COUNT(sl2.variant_id) AS lines, COUNT(sl2.counted) AS counted,
    COALESCE(SUM(${variance} <> 0), 0) AS withVariance,
    COALESCE(SUM(${variance}), 0) AS netVarianceUnits,
    COALESCE(SUM(${variance} * COALESCE(sl2.unit_cost, 0)), 0) AS netVarianceValue,
    COALESCE(SUM(ABS(${variance} * COALESCE(sl2.unit_cost, 0))), 0) AS absoluteVarianceValue
  FROM stocktakes s JOIN locations l ON l.id = s.location_id LEFT JOIN stocktake_lines sl2 ON sl2.stocktake_id = s.id`;

const lineColumns = `v.id AS variantId, v.sku, v.barcode, p.title, ${variantTitleSql} AS options, lvl.bin,
  sl2.on_hand_at_open AS onHandAtOpen, COALESCE(lvl.on_hand, 0) AS onHandNow, sl2.counted, sl2.on_hand_at_count AS onHandAtCount,
  ${variance} AS variance, ${variance} * sl2.unit_cost AS varianceValue,
  COALESCE(lvl.on_hand, 0) - sl2.on_hand_at_open AS movedSinceOpen, sl2.unit_cost AS unitCost`;
const lineFrom = `FROM stocktake_lines sl2 JOIN stocktakes s ON s.id = sl2.stocktake_id JOIN variants v ON v.id = sl2.variant_id
  JOIN products p ON p.id = v.product_id
  LEFT JOIN stock_levels lvl ON lvl.variant_id = sl2.variant_id AND lvl.location_id = s.location_id`;

const showFilter = {
  all: '',
  counted: 'AND sl2.counted IS NOT NULL',
  uncounted: 'AND sl2.counted IS NULL',
  variance: `AND ${variance} <> 0`,
} as const;

/**
 * Each line's change on posting: counted − level at count time; an uncounted line counted as
 * zero removes what is on hand now (as posting measures it), otherwise it does not change.
 */
const postDelta = `CASE WHEN sl2.counted IS NOT NULL THEN sl2.counted - sl2.on_hand_at_count
  WHEN @zero = 1 THEN -COALESCE(lvl.on_hand, 0) ELSE 0 END`;
const postPreviewSql = `SELECT COUNT(*) AS lines, COALESCE(SUM(counted IS NOT NULL), 0) AS countedLines,
    COALESCE(SUM(counted IS NULL), 0) AS uncountedLines,
    COALESCE(SUM(delta <> 0), 0) AS movements,
    COALESCE(SUM(delta), 0) AS netUnits,
    COALESCE(SUM(delta * COALESCE(cost, 0)), 0) AS netValue,
    COALESCE(SUM(MAX(delta, 0)), 0) AS unitsAdded,
    COALESCE(SUM(MAX(-delta, 0)), 0) AS unitsRemoved,
    COALESCE(SUM(MAX(delta, 0) * COALESCE(cost, 0)), 0) AS valueAdded,
    COALESCE(SUM(MAX(-delta, 0) * COALESCE(cost, 0)), 0) AS valueRemoved,
    COALESCE(SUM(CASE WHEN counted IS NULL THEN onHand END), 0) AS uncountedOnHand,
    COALESCE(SUM(CASE WHEN counted IS NULL THEN onHand * COALESCE(cost, 0) END), 0) AS uncountedValue,
    COALESCE(SUM(delta <> 0 AND cost IS NULL), 0) AS withoutCost
  FROM (SELECT sl2.counted, sl2.unit_cost AS cost, COALESCE(lvl.on_hand, 0) AS onHand, ${postDelta} AS delta
    FROM stocktake_lines sl2 JOIN stocktakes s ON s.id = sl2.stocktake_id
    LEFT JOIN stock_levels lvl ON lvl.variant_id = sl2.variant_id AND lvl.location_id = s.location_id
    WHERE sl2.stocktake_id = @id)`;

export type PostPreviewTotals = Omit<StocktakePostPreview, 'stocktake' | 'uncounted'>;

export function createStocktakeStore(db: Db) {
  const header = db.prepare<[number], Stocktake>(`${headerSql} WHERE s.id = ? GROUP BY s.id`);
  const postPreview = db.prepare<{ id: number; zero: number }, PostPreviewTotals>(postPreviewSql);
  return {
    /** The totals posting would produce, with uncounted lines kept or counted as zero. */
    postPreview: (stocktakeId: number, zero: boolean): PostPreviewTotals | undefined => postPreview.get({ id: stocktakeId, zero: zero ? 1 : 0 }),
    header: (id: number) => header.get(id),
    list(status: string | undefined, limit: number, offset: number) {
      const where = status ? 'WHERE s.status = ?' : '';
      const params = status ? [status] : [];
      const rows = db.prepare<unknown[], Stocktake>(`${headerSql} ${where} GROUP BY s.id ORDER BY s.id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
      const total = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM stocktakes s ${where}`).get(...params)?.n ?? 0;
      return { rows, total };
    },
    lines(stocktakeId: number, show: keyof typeof showFilter, search: string, limit: number, offset: number) {
      const searchSql = search ? `AND (v.sku LIKE ? ESCAPE '\\' OR v.barcode LIKE ? ESCAPE '\\' OR p.title LIKE ? ESCAPE '\\')` : '';
      const escaped = likeEscape(search);
      const params = [stocktakeId, ...(search ? [`${escaped}%`, `${escaped}%`, `%${escaped}%`] : [])];
      const where = `WHERE sl2.stocktake_id = ? ${showFilter[show]} ${searchSql}`;
      const lines = db
        .prepare<unknown[], StocktakeLine>(`SELECT ${lineColumns} ${lineFrom} ${where} ORDER BY lvl.bin IS NULL, lvl.bin, v.sku LIMIT ? OFFSET ?`)
        .all(...params, limit, offset);
      const total = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n ${lineFrom} ${where}`).get(...params)?.n ?? 0;
      return { lines, total };
    },
    line(stocktakeId: number, variantId: number): StocktakeLine | undefined {
      return db
        .prepare<[number, number], StocktakeLine>(`SELECT ${lineColumns} ${lineFrom} WHERE sl2.stocktake_id = ? AND sl2.variant_id = ?`)
        .get(stocktakeId, variantId);
    },
    /** Every line for the count sheet, in walking order: bin, then SKU. */
    sheetLines(stocktakeId: number) {
      return db
        .prepare<[number], StocktakeLine>(`SELECT ${lineColumns} ${lineFrom} WHERE sl2.stocktake_id = ? ORDER BY lvl.bin IS NULL, lvl.bin, v.sku`)
        .all(stocktakeId);
    },
  };
}

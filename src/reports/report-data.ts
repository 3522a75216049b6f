// Gathers the numbers of the weekly operations health report from the
// existing analytics services, so every figure follows metrics.md exactly as
// the app's own screens do. Only the report-specific pieces (segment
// conversion, stock-outs, open alerts) are computed here.
import { lowStockVariantsSql } from '../inventory/low-stock-store.js';
import type { Db } from '../db/open.js';
import type { KpiValues } from '../analytics/contract.js';
import { createKpiService } from '../analytics/kpi-service.js';
import { utcRange, type Period } from '../analytics/periods.js';
import { createProductsService } from '../analytics/products-service.js';
import type { ProductHealth } from '../analytics/products-contract.js';
import { createReportService } from '../analytics/report-service.js';
import { createSegmentsService } from '../analytics/segments-service.js';
import type { SegmentCode } from '../analytics/segments.js';
import type { StockHistory } from '../analytics/stock-history-contract.js';
import { createSeriesService } from '../analytics/series-service.js';
import { supplierScorecards } from '../purchasing/scorecard.js';
import type { Clock } from '../shared/clock.js';
import { addDays, localDateOf, weekStartOf } from '../shared/local-time.js';
import { openAlerts, type OpenAlert } from './report-alerts.js';
import { weekPromotions, type PromotionResultRow } from './report-promotions.js';
import type { Locale } from '../settings/contract.js';

/** Report thresholds: metrics.md defaults (slow 60 / dead 180 days), RFM window 365 days. */
export const reportSettings = { topProducts: 10, slowDays: 60, deadDays: 180, rfmWindowDays: 365, stockOutSalesDays: 28, supplierWeeks: 13, listedRows: 20 } as const;

export interface ProductSales {
  productId: number;
  title: string;
  netSales: number;
  units: number;
  orders: number;
}

export interface SegmentConversion {
  segment: SegmentCode;
  /** Customers in the segment as of the day before the week. */
  customers: number;
  /** Of them, customers with ≥ 1 non-cancelled order placed in the week. */
  ordered: number;
  /** ordered ÷ customers; null for an empty segment. */
  conversion: number | null;
}

export interface StockOut {
  variantId: number;
  sku: string;
  title: string;
  /** Σ (on hand − committed) over locations, now. */
  available: number;
  /** Units sold in the stockOutSalesDays days ending with the week. */
  unitsSold: number;
}

export interface DeadStockRow {
  sku: string;
  title: string;
  lastSaleDate: string | null;
  daysSinceLastSale: number | null;
  onHand: number;
  stockValue: number;
}


export interface SupplierRates {
  supplier: string;
  ordersSent: number;
  ordersCompleted: number;
  onTimeRate: number | null;
  fillRate: number | null;
  actualLeadDays: number | null;
}

export interface WeeklyReportData {
  shop: { name: string; currency: string; timeZone: string };
  week: Period;
  previousWeek: Period;
  lastYearWeek: Period;
  generatedAt: string;
  sales: { current: KpiValues; previous: KpiValues; lastYear: KpiValues };
  /** Net sales per local day, Monday first: this week and last week. */
  daily: { date: string; netSales: number; previousDate: string; previousNetSales: number }[];
  topProducts: ProductSales[];
  /** The products with the lowest net sales among those that sold in the week. */
  bottomProducts: ProductSales[];
  segments: { asOf: string; scoredCustomers: number; rows: SegmentConversion[] };
  health: ProductHealth;
  /** Where the stock history starts and how the week relates to it (health and dead stock); stock-outs read today's stock. */
  stockHistory: StockHistory;
  stockOuts: StockOut[];
  deadStock: { total: number; rows: DeadStockRow[] };
  /** null when this shop has no alerts table yet. */
  alerts: OpenAlert[] | null;
  suppliers: { from: string; to: string; rows: SupplierRates[] };
  /** Promotions running or ended during the week, with their results up to generatedAt. */
  promotions: PromotionResultRow[];
}

interface ShopRow {
  name: string;
  currency: string;
  timeZone: string;
}

export function shopOf(db: Db): ShopRow {
  return db.prepare<[], ShopRow>('SELECT name, currency, time_zone AS timeZone FROM shop_settings WHERE id = 1').get() ?? { name: '', currency: 'USD', timeZone: 'UTC' };
}

/** The Monday of the last ISO week that has fully ended in the shop's time zone. */
export function lastCompleteWeek(timeZone: string, clock: Clock): Period {
  const from = addDays(weekStartOf(localDateOf(clock.now(), timeZone)), -7);
  return { from, to: addDays(from, 6) };
}

export function gatherWeeklyReport(db: Db, clock: Clock, monday: string, language: Locale): WeeklyReportData {
  const shop = shopOf(db);
  const week: Period = { from: monday, to: addDays(monday, 6) };
  const [weekStart, weekEnd] = utcRange(week, shop.timeZone);

  const kpis = createKpiService(db).kpis(week);
  const series = createSeriesService(db);
  const thisWeek = series.salesSeries(week, 'day').points;
  const lastWeek = series.salesSeries(kpis.previous, 'day').points;

  const health = createProductsService(db).productHealth({ ...week, slowDays: reportSettings.slowDays, deadDays: reportSettings.deadDays });
  const products = createReportService(db).salesReport(week, 'product', { column: 'netSales', direction: 'desc' }, 0, Number.MAX_SAFE_INTEGER).rows.map(
    (row): ProductSales => ({ productId: row.key, title: row.label, netSales: row.netSales, units: row.units, orders: row.orders }),
  );

  return {
    shop,
    week,
    previousWeek: kpis.previous,
    lastYearWeek: kpis.lastYear,
    generatedAt: clock.now().toISOString(),
    sales: { current: kpis.current, previous: kpis.previousValues, lastYear: kpis.lastYearValues },
    daily: thisWeek.map((point, i) => ({ date: point.bucket, netSales: point.netSales, previousDate: lastWeek[i]?.bucket ?? '', previousNetSales: lastWeek[i]?.netSales ?? 0 })),
    topProducts: products.slice(0, reportSettings.topProducts),
    bottomProducts: products.slice(reportSettings.topProducts).slice(-reportSettings.topProducts).reverse(),
    segments: segmentConversion(db, monday, weekStart, weekEnd),
    health: health.shop,
    stockHistory: health.stockHistory,
    // With no stock on record every variant would read 0 available: no stock-outs to list.
    stockOuts: health.stockHistory.recorded ? stockOuts(db, weekEnd, shop.timeZone, week.to) : [],
    deadStock: deadStock(db, week.to),
    alerts: openAlerts(db, language, reportSettings.listedRows * 5, shop.currency),
    suppliers: supplierRates(db, clock, week, shop.timeZone),
    promotions: weekPromotions(db, weekStart, weekEnd, shop.timeZone, clock.now()),
  };
}

/**
 * Customers are put in their RFM segment as of the day before the week (so the
 * week's own orders do not decide the segment); a segment's conversion is the
 * share of its customers who then ordered during the week.
 */
function segmentConversion(db: Db, monday: string, weekStart: string, weekEnd: string): WeeklyReportData['segments'] {
  const asOf = addDays(monday, -1);
  const scored = createSegmentsService(db).segments(asOf, reportSettings.rfmWindowDays, undefined, 0, Number.MAX_SAFE_INTEGER);
  const buyers = new Set(
    db
      .prepare<[string, string], { id: number }>(
        "SELECT DISTINCT customer_id AS id FROM orders WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND customer_id IS NOT NULL",
      )
      .all(weekStart, weekEnd)
      .map((row) => row.id),
  );
  const rows = scored.summary.map((s): SegmentConversion => {
    const ordered = scored.customers.filter((c) => c.segment === s.segment && buyers.has(c.customerId)).length;
    return { segment: s.segment, customers: s.customers, ordered, conversion: s.customers === 0 ? null : ordered / s.customers };
  });
  return { asOf, scoredCustomers: scored.scoredCustomers, rows };
}

/** Variants with nothing available now that sold in the stockOutSalesDays local days ending with the week: the stock-out alert's rule (inventory/low-stock-store.ts). */
function stockOuts(db: Db, weekEnd: string, timeZone: string, sunday: string): StockOut[] {
  const [from] = utcRange({ from: addDays(sunday, 1 - reportSettings.stockOutSalesDays), to: sunday }, timeZone);
  return db
    .prepare<[string, string], StockOut>(
      `WITH sold AS (
         SELECT l.variant_id AS variantId, SUM(l.quantity) AS unitsSold
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' AND l.variant_id IS NOT NULL
         GROUP BY l.variant_id
       )
       SELECT v.id AS variantId, v.sku, p.title || COALESCE(' · ' || v.option1, '') || COALESCE(' · ' || v.option2, '') AS title,
              low.available, sold.unitsSold
       FROM sold JOIN (${lowStockVariantsSql}) low ON low.variantId = sold.variantId
         JOIN variants v ON v.id = sold.variantId JOIN products p ON p.id = v.product_id
       WHERE low.available <= 0
       ORDER BY sold.unitsSold DESC, v.sku`,
    )
    .all(from, weekEnd);
}

function deadStock(db: Db, sunday: string): WeeklyReportData['deadStock'] {
  const slow = createProductsService(db).slowMovers({ asOf: sunday, minDays: reportSettings.deadDays, offset: 0, limit: reportSettings.listedRows });
  return {
    total: slow.totalRows,
    rows: slow.rows.map((row) => ({ sku: row.sku, title: row.title, lastSaleDate: row.lastSaleDate, daysSinceLastSale: row.daysSinceLastSale, onHand: row.onHand, stockValue: row.stockValue })),
  };
}

/** On-time and fill rates of purchase orders sent in the supplierWeeks weeks ending with the report week. */
function supplierRates(db: Db, clock: Clock, week: Period, timeZone: string): WeeklyReportData['suppliers'] {
  const from = addDays(week.from, -7 * (reportSettings.supplierWeeks - 1));
  const [fromUtc, toUtc] = utcRange({ from, to: week.to }, timeZone);
  const rows = supplierScorecards(db, clock, { from: fromUtc, to: toUtc }).map((s) => ({
    supplier: s.supplier,
    ordersSent: s.ordersSent,
    ordersCompleted: s.ordersCompleted,
    onTimeRate: s.onTimeRate,
    fillRate: s.fillRate,
    actualLeadDays: s.actualLeadDays,
  }));
  return { from, to: week.to, rows };
}

// Stock-out: nothing available (Σ on hand − committed over shelf locations ≤ 0)
// on a variant that sold in the last 28 days — customers are being turned away.
// Which variants count is the one low-stock rule (inventory/low-stock-store.ts):
// out of stock is always low, archived items never are.
// Not raised while no stock is on record (the stock history has not started):
// every variant would read 0 available.
import { createStockStart } from '../../analytics/stock-start.js';
import { createLowStockStore, type LowStockRow } from '../../inventory/low-stock-store.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { soldUnits } from '../rule-store.js';

export const stockOutSoldWithinDays = 28;
/** A stock-out is critical when the SKU sold at least this many units in those days (one a week); slower sellers warn. */
export const criticalUnitsSold = 4;

interface Row {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  available: number;
  incoming: number;
  unitsSold: number;
}

/** Every low variant (inventory/low-stock-store.ts), read once per evaluation. */
export function lowVariants(ctx: RuleContext): LowStockRow[] {
  return ctx.shared('lowStock', () => createLowStockStore(ctx.db).variants());
}

/** Whether stock is on record now (the stock history has started), read once per evaluation. */
export function stockRecorded(ctx: RuleContext): boolean {
  return ctx.shared('stockRecorded', () => {
    const history = createStockStart(ctx.db).read();
    return history.recorded && !(history.at !== null && history.at > ctx.now);
  });
}

/**
 * Low variants with nothing available that sold in the last 28 days (none while no stock is on
 * record); `only` narrows it to those variants (the incremental check).
 */
export function stockOutRows(ctx: RuleContext, only?: ReadonlySet<number>): Row[] {
  if (!only) return ctx.shared('stockOut', () => readStockOutRows(ctx));
  return readStockOutRows(ctx, only);
}

function readStockOutRows(ctx: RuleContext, only?: ReadonlySet<number>): Row[] {
  if (!stockRecorded(ctx)) return [];
  const from = ctx.startOf(ctx.addDays(ctx.today, -stockOutSoldWithinDays));
  const out = lowVariants(ctx).filter((row) => row.available <= 0 && (!only || only.has(row.variantId)));
  const sold = soldUnits(
    ctx.db,
    out.map((row) => row.variantId),
    from,
    ctx.now,
    ctx.direct,
  );
  if (sold.size === 0) return [];
  const available = new Map(out.map((row) => [row.variantId, row.available]));
  const subjects = ctx.db
    .prepare<[string], Omit<Row, 'available' | 'unitsSold'>>(
      `SELECT v.id AS variantId, v.product_id AS productId, v.sku, p.title,
              COALESCE((SELECT SUM(sl.incoming) FROM stock_levels sl WHERE sl.variant_id = v.id), 0) AS incoming
       FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.id`,
    )
    .all(JSON.stringify([...sold.keys()]));
  return subjects.map((subject) => ({ ...subject, available: available.get(subject.variantId) ?? 0, unitsSold: sold.get(subject.variantId) ?? 0 }));
}

/** The variants the stock-out alert covers now (the low-stock alert leaves them to it). */
export function stockOutVariantIds(ctx: RuleContext, only?: ReadonlySet<number>): Set<number> {
  return new Set(stockOutRows(ctx, only).map((row) => row.variantId));
}

export function stockOutRule(ctx: RuleContext, only?: ReadonlySet<number>): Finding[] {
  const rows = stockOutRows(ctx, only);
  return rows
    .filter((row) => row.available <= 0)
    .map((row): Finding => ({
      rule: 'stockOut',
      subjectType: 'variant',
      subjectId: String(row.variantId),
      fingerprint: `stockOut:variant:${row.variantId}`,
      severity: row.unitsSold >= criticalUnitsSold ? 'critical' : 'warning',
      explanation: {
        title: { key: 'alerts.title.stockOut', params: { sku: row.sku, product: row.title } },
        metric: { key: 'alerts.metric.available', params: { sku: row.sku } },
        unit: 'units',
        value: row.available,
        baseline: null,
        baselineText: { key: 'alerts.baseline.soldRecently', params: { units: row.unitsSold, days: stockOutSoldWithinDays } },
        change: null,
        changeRatio: null,
        band: null,
        causes: [
          row.incoming > 0
            ? { key: 'alerts.cause.onOrder', params: { units: row.incoming } }
            : { key: 'alerts.cause.nothingOnOrder', params: {} },
        ],
        action: { kind: 'openProduct', productId: row.productId },
        window: { from: ctx.addDays(ctx.today, -stockOutSoldWithinDays), to: ctx.today },
      },
    }));
}

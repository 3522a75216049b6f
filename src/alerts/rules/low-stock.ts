// Low stock: every variant the one low-stock rule calls low (inventory/
// low-stock-store.ts) that the stock-out alert does not already cover — at or
// below its low-stock mark or safety stock, or out of stock without recent
// sales. So the items alerted on are exactly the items Stock → Levels lists
// under *Low stock only*. Not raised while no stock is on record.
import type { KeyedText } from '../contract.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { lowVariants, stockOutVariantIds, stockRecorded } from './stock-out.js';

interface Subject {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  incoming: number;
}

export function lowStockRule(ctx: RuleContext, only?: ReadonlySet<number>): Finding[] {
  if (!stockRecorded(ctx)) return [];
  const covered = stockOutVariantIds(ctx, only);
  const low = lowVariants(ctx).filter((row) => !covered.has(row.variantId) && (!only || only.has(row.variantId)));
  if (low.length === 0) return [];
  const subjects = new Map(
    ctx.db
      .prepare<[string], Subject>(
        `SELECT v.id AS variantId, v.product_id AS productId, v.sku, p.title,
                COALESCE((SELECT SUM(sl.incoming) FROM stock_levels sl WHERE sl.variant_id = v.id), 0) AS incoming
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(low.map((row) => row.variantId)))
      .map((row) => [row.variantId, row]),
  );
  return low.flatMap((row): Finding[] => {
    const subject = subjects.get(row.variantId);
    if (!subject) return [];
    const causes: KeyedText[] = [
      subject.incoming > 0 ? { key: 'alerts.cause.onOrder', params: { units: subject.incoming } } : { key: 'alerts.cause.nothingOnOrder', params: {} },
    ];
    return [
      {
        rule: 'lowStock',
        subjectType: 'variant',
        subjectId: String(row.variantId),
        fingerprint: `lowStock:variant:${row.variantId}`,
        // Out of stock with no recent sales turns no customer away today: for information.
        severity: row.available > 0 ? 'warning' : 'info',
        explanation: {
          title: { key: 'alerts.title.lowStock', params: { sku: subject.sku, product: subject.title } },
          metric: { key: 'alerts.metric.available', params: { sku: subject.sku } },
          unit: 'units',
          value: row.available,
          baseline: row.lowPoint,
          baselineText: { key: `alerts.baseline.lowStock.${row.pointSource}`, params: { point: row.lowPoint } },
          change: row.available - row.lowPoint,
          changeRatio: row.lowPoint > 0 ? (row.available - row.lowPoint) / row.lowPoint : null,
          band: null,
          causes,
          action: { kind: 'openProduct', productId: subject.productId },
          window: null,
        },
      },
    ];
  });
}

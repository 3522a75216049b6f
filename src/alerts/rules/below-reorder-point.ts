// Stock below the reorder point: exactly the Reorder page's suggestions
// (metrics.md "Replenishment": available + on order ≤ reorder point), so the
// alert's "create PO" button makes the same draft PO as that page: every line
// with a supplier, and the page's first `noSupplierListed` lines without one
// (highest demand first). Per variant, so the incremental evaluation can
// re-check only the variants a change touched (`only`) and keep the rest.
import { createReorderService, noSupplierListed } from '../../purchasing/reorder-service.js';
import type { Clock } from '../../shared/clock.js';
import type { KeyedText } from '../contract.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { round2 } from '../rule-context.js';

/** One variant's finding, with what decides whether a line without a supplier is listed. */
export interface ReorderFinding {
  variantId: number;
  finding: Finding;
  noSupplier: boolean;
  dailyDemand: number;
  sku: string;
}

/** The finding of every variant that needs ordering now (of `only` when given), before the page's cap. */
export function reorderFindings(ctx: RuleContext, only?: ReadonlySet<number>): ReorderFinding[] {
  const clock: Clock = { now: () => new Date(ctx.now) };
  const service = createReorderService(ctx.db, clock, { directDemand: ctx.direct });
  const lines = service.lines(only ? [...only] : undefined);
  if (lines.length === 0) return [];
  const locationId = service.defaultLocationId();
  const productOf = new Map(
    ctx.db
      .prepare<[string], { variantId: number; productId: number }>(
        'SELECT id AS variantId, product_id AS productId FROM variants WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(lines.map((line) => line.variantId)))
      .map((row) => [row.variantId, row.productId]),
  );
  return lines.map((line): ReorderFinding => {
    const supplierId = line.supplier?.id ?? null;
    const position = line.available + line.onOrder;
    const reorderPoint = round2(line.reorderPoint);
    const productId = productOf.get(line.variantId);
    const causes: KeyedText[] = [{ key: 'alerts.cause.demand', params: { perDay: round2(line.dailyDemand), days: line.windowDays } }];
    if (line.onOrder > 0) causes.push({ key: 'alerts.cause.onOrderCounted', params: { units: line.onOrder } });
    if (supplierId === null) causes.push({ key: 'alerts.cause.noSupplier', params: {} });
    return {
      variantId: line.variantId,
      noSupplier: supplierId === null,
      dailyDemand: line.dailyDemand,
      sku: line.sku,
      finding: {
        rule: 'belowReorderPoint',
        subjectType: 'variant',
        subjectId: String(line.variantId),
        fingerprint: `belowReorderPoint:variant:${line.variantId}`,
        severity: 'warning',
        explanation: {
          title: { key: 'alerts.title.belowReorderPoint', params: { sku: line.sku, product: line.title } },
          metric: { key: 'alerts.metric.stockPosition', params: { sku: line.sku } },
          unit: 'units',
          value: position,
          baseline: reorderPoint,
          // The page lists no quantity for a line without a supplier.
          baselineText: { key: 'alerts.baseline.reorderPoint', params: { suggested: supplierId === null ? null : line.quantity } },
          change: round2(position - reorderPoint),
          changeRatio: reorderPoint > 0 ? (position - reorderPoint) / reorderPoint : null,
          band: null,
          causes,
          action:
            supplierId !== null
              ? { kind: 'createPo', supplierId, locationId, variantIds: [line.variantId] }
              : productId !== undefined
                ? { kind: 'openProduct', productId }
                : null,
          window: null,
        },
      },
    };
  });
}

/** The findings the page's lists give: every line with a supplier, the first lines without one. */
export function listedReorderFindings(entries: Iterable<ReorderFinding>): Finding[] {
  const withSupplier: ReorderFinding[] = [];
  const without: ReorderFinding[] = [];
  for (const entry of entries) (entry.noSupplier ? without : withSupplier).push(entry);
  without.sort((a, b) => b.dailyDemand - a.dailyDemand || a.sku.localeCompare(b.sku));
  return [...withSupplier, ...without.slice(0, noSupplierListed)].map((entry) => entry.finding);
}

export function belowReorderPointRule(ctx: RuleContext): Finding[] {
  return listedReorderFindings(reorderFindings(ctx));
}

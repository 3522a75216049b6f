// Stock below the reorder point: exactly the Reorder page's suggestions
// (metrics.md "Replenishment": available + on order ≤ reorder point), so the
// alert's "create PO" button makes the same draft PO as that page.
import { createReorderService } from '../../purchasing/reorder-service.js';
import type { Clock } from '../../shared/clock.js';
import type { KeyedText } from '../contract.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { round2 } from '../rule-context.js';

export function belowReorderPointRule(ctx: RuleContext): Finding[] {
  const clock: Clock = { now: () => new Date(ctx.now) };
  const suggestions = createReorderService(ctx.db, clock).suggestions({ search: '', offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const productOf = ctx.db.prepare<[number], { productId: number }>('SELECT product_id AS productId FROM variants WHERE id = ?');
  const findings: Finding[] = [];
  const lines = [
    ...suggestions.suppliers.flatMap((group) => group.lines.map((line) => ({ ...line, supplierId: group.supplier.id as number | null }))),
    ...suggestions.noSupplier.map((line) => ({ ...line, supplierId: null as number | null, leadTimeDays: null as number | null, quantity: null as number | null })),
  ];
  for (const line of lines) {
    const position = line.available + line.onOrder;
    const reorderPoint = round2(line.reorderPoint);
    const productId = productOf.get(line.variantId)?.productId;
    const causes: KeyedText[] = [{ key: 'alerts.cause.demand', params: { perDay: round2(line.dailyDemand), days: line.windowDays } }];
    if (line.onOrder > 0) causes.push({ key: 'alerts.cause.onOrderCounted', params: { units: line.onOrder } });
    if (line.supplierId === null) causes.push({ key: 'alerts.cause.noSupplier', params: {} });
    findings.push({
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
        baselineText: { key: 'alerts.baseline.reorderPoint', params: { suggested: line.quantity } },
        change: round2(position - reorderPoint),
        changeRatio: reorderPoint > 0 ? (position - reorderPoint) / reorderPoint : null,
        band: null,
        causes,
        action:
          line.supplierId !== null
            ? { kind: 'createPo', supplierId: line.supplierId, locationId: suggestions.locationId, variantIds: [line.variantId] }
            : productId !== undefined
              ? { kind: 'openProduct', productId }
              : null,
        window: null,
      },
    });
  }
  return findings;
}

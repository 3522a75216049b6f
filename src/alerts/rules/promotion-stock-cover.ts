// A running promotion about to run out of a SKU (issue 15): for each SKU it sold (or gave away as
// a gift) since it started, days of cover = available on the shelves ÷ the SKU's daily units
// under the promotion; when that is shorter than the days the promotion still runs, the SKU will
// sell out before the end. One alert per promotion listing its worst SKUs (fewest days of cover).
// The daily rate divides by at least one day, so a burst in the first hours does not read as a
// full day's pace. Resolves itself when stock arrives, the pace slows or the promotion ends.
import { evaluationStoreOf } from '../../promotions/evaluation-store.js';
import { unitsByVariant } from '../../promotions/evaluation-service.js';
import { createPromotionReader } from '../../promotions/promotion-reader.js';
import type { KeyedText } from '../contract.js';
import { ratioOf, round2, type Finding, type RuleContext } from '../rule-context.js';

/** SKUs named in the alert's causes. */
export const stockCoverListed = 5;
const dayMs = 86_400_000;

export function promotionStockCoverRule(ctx: RuleContext): Finding[] {
  const store = evaluationStoreOf(ctx.db);
  const reader = createPromotionReader(ctx.db);
  const nowMs = Date.parse(ctx.now);
  return store.running().flatMap((header): Finding[] => {
    const promotion = reader.get(header.id);
    const startMs = Date.parse(header.startsAt);
    const endMs = Date.parse(header.endsAt);
    if (!promotion || nowMs <= startMs || nowMs >= endMs) return [];
    const daysLeft = (endMs - nowMs) / dayMs;
    const elapsed = Math.max(1, (nowMs - startMs) / dayMs);
    const sold = unitsByVariant(ctx.db, promotion, header.startsAt, ctx.now);
    const ids = [...sold.keys()];
    const available = store.available(ids);
    const info = new Map(store.variants(ids).map((v) => [v.variantId, v]));
    const short = ids
      .map((variantId) => {
        const perDay = (sold.get(variantId) ?? 0) / elapsed;
        const stock = available.get(variantId) ?? 0;
        return { variantId, perDay, stock, cover: Math.max(0, stock) / perDay };
      })
      .filter((s) => s.perDay > 0 && s.cover < daysLeft)
      .sort((a, b) => a.cover - b.cover || b.perDay - a.perDay || a.variantId - b.variantId);
    const worst = short[0];
    if (!worst) return [];
    const causes: KeyedText[] = short.slice(0, stockCoverListed).map((s) => ({
      key: 'alerts.cause.promotionSkuCover',
      params: { sku: info.get(s.variantId)?.sku ?? String(s.variantId), available: s.stock, perDay: round2(s.perDay), days: round2(s.cover) },
    }));
    const value = round2(worst.cover);
    const baseline = round2(daysLeft);
    return [
      {
        rule: 'promotionStockCover',
        subjectType: 'promotion',
        subjectId: String(header.id),
        fingerprint: `promotionStockCover:promotion:${header.id}`,
        severity: worst.stock <= 0 ? 'critical' : 'warning',
        explanation: {
          title: { key: 'alerts.title.promotionStockCover', params: { promotion: header.name, skus: short.length } },
          metric: { key: 'alerts.metric.promotionDaysOfCover', params: { sku: info.get(worst.variantId)?.sku ?? String(worst.variantId) } },
          unit: 'count',
          value,
          baseline,
          baselineText: { key: 'alerts.baseline.promotionDaysLeft', params: { days: baseline } },
          change: round2(value - baseline),
          changeRatio: ratioOf(value, baseline),
          band: null,
          causes,
          action: { kind: 'openPromotion', promotionId: header.id },
          window: { from: ctx.localDate(header.startsAt), to: ctx.today },
        },
      },
    ];
  });
}

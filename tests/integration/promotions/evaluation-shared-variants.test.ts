// Two shortcuts of the evaluation must give exactly what the long way gives:
//  - the baseline of the promotion the attribution has just loaded copies its variants from the
//    attribution's temp table (attribution-store.ts holdsVariantsOf) instead of resolving the targets
//    again — only while nothing was written since; the copy and the targets give the same baseline;
//  - a promotion on categories only has no "other products of the same categories" to look up for
//    cannibalisation (evaluation-service.ts wholeCategories): the lookup itself answers none.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { attributionStoreOf } from '../../../src/promotions/attribution-store.js';
import { promotionBaseline } from '../../../src/promotions/baseline.js';
import { evaluatePromotion } from '../../../src/promotions/evaluation-service.js';
import { evaluationShop, order, promotion } from './evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

const rule = { type: 'percent_off', percentOffBp: 1000 };
const now = new Date('2026-06-30T00:00:00.000Z');
const window = { startsAt: '2026-06-10T00:00:00.000Z', endsAt: '2026-06-15T00:00:00.000Z' };

/** Tea (category 1) gains a subcategory Green tea (3) with product 4 / variant 5; a sale every day from February to 9 June. */
function shop(): Db {
  db = evaluationShop();
  const at = '2026-01-01T00:00:00.000Z';
  db.exec(`INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (3, 1, 'Green tea', 'Tea > Green tea', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (4, 'green', 'Green', 3, '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES (5, 4, 'G-1', 800, 300, '${at}', '${at}');`);
  const variants = [1, 2, 5, 3];
  for (let day = 0; day < 129; day += 1) {
    const placedAt = new Date(Date.parse('2026-02-01T10:00:00.000Z') + day * 86_400_000).toISOString();
    order(db, { placedAt, lines: [{ variantId: variants[day % 4] ?? 1, quantity: 1 + (day % 3), unitPrice: 1000 }] });
  }
  order(db, { placedAt: '2026-06-11T10:00:00.000Z', lines: [{ variantId: 5, quantity: 2, unitPrice: 800, discount: 160 }] });
  return db;
}

describe('an evaluation reads its promotion variants once', () => {
  it('gives the same baseline from the attribution copy as from the targets, and re-reads the targets after a write', () => {
    shop();
    promotion(db, { id: 1, type: 'percent_off', rule, ...window, targets: [['category', 1]] });
    promotion(db, { id: 2, type: 'percent_off', rule, ...window, targets: [['product', 3]] });
    // The targets resolved afresh: the attribution holds another promotion's variants.
    evaluatePromotion(db, 2, now, { headline: true, simulate: null });
    expect(attributionStoreOf(db).holdsVariantsOf(1)).toBe(false);
    const fromTargets = promotionBaseline(db, 1, '2026-06-10', 19);
    expect(fromTargets.total).toBeGreaterThan(0);
    // Right after promotion 1's attribution is loaded (as the evaluation does): copied from it, the
    // same baseline to the last figure.
    const attribution = attributionStoreOf(db);
    const load = () => attribution.load({ promotionId: 1, shopWide: false, from: window.startsAt, to: window.endsAt, mode: 'sku', allChannels: true, giftVariantId: null });
    load();
    expect(attribution.holdsVariantsOf(1)).toBe(true);
    expect(promotionBaseline(db, 1, '2026-06-10', 19)).toEqual(fromTargets);
    // The evaluation itself (attribution, then this baseline) answers as with the targets read twice.
    const headline = evaluatePromotion(db, 1, now, { headline: true, simulate: null });
    expect(headline.baselineUnits).toBeGreaterThan(0);
    load();
    // A target added since the load: the copy is stale, so the targets are read again.
    db.prepare("INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (1, 'product', 3)").run();
    expect(attribution.holdsVariantsOf(1)).toBe(false);
    const widened = promotionBaseline(db, 1, '2026-06-10', 19);
    evaluatePromotion(db, 2, now, { headline: true, simulate: null });
    expect(widened).toEqual(promotionBaseline(db, 1, '2026-06-10', 19));
    expect(widened.byVariant.has(3)).toBe(true);
    expect(fromTargets.byVariant.has(3)).toBe(false);
  });

  it('finds no other products in the categories of a promotion on categories (with their subcategories)', () => {
    shop();
    promotion(db, { id: 1, type: 'percent_off', rule, ...window, targets: [['category', 1]] });
    const evaluation = evaluatePromotion(db, 1, now, { simulate: null });
    // What the skipped lookup would have answered, asked of the attribution still loaded for promotion 1.
    expect(attributionStoreOf(db).sameCategoryOthers()).toEqual([]);
    expect(evaluation.cannibalisation).toEqual({ skus: 0, netSales: 0, baselineNetSales: 0, differenceNetSales: 0 });
    expect([evaluation.units, evaluation.netSales]).toEqual([2, 1440]);
    // A promotion on one product of Tea still has the category's other products (Tea B, Green is another category).
    promotion(db, { id: 3, type: 'percent_off', rule, ...window, targets: [['product', 1]] });
    expect(evaluatePromotion(db, 3, now, { simulate: null }).cannibalisation.skus).toBe(1);
  });
});

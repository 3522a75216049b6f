// The conflict finder and margin guard: before a promotion is scheduled, every SKU on which another
// scheduled or running promotion overlaps it (time, channels, variants) with the price a customer
// pays in each combination, and every SKU whose effective price is below its margin floor — alone
// or in any combination. Checkout-only types are checked at their deepest price per unit
// (pricing/unit-price.ts): the worst case a customer can reach.
//
// Speed (100,000 variants): the checked promotion alone is priced set-based in SQL over all its
// variants (counts and the worst breaches, guard-store.ts). The SKUs it shares with others are
// counted in SQL too, and only those that may breach (their price under every promotion sharing
// them, a lower bound of every combination, is below the floor) plus the listed ones come back to
// JS, where every combination is priced with the pure engine (pricing/combos.ts). Merged:
// breachCount = SQL breaches − shared SKUs breaching alone + shared SKUs breaching in a
// combination with it (a SKU that breaches alone is always among those that come back).
// Unsaved fields (the editor, as you type) are written inside a savepoint, checked the same way and
// rolled back, so nothing stays behind.
import type { Db } from '../db/open.js';
import { notFound } from '../shared/app-error.js';
import { normalChannels, normalTargets } from './change-sets.js';
import type { CheckResult, PromotionFields } from './contract.js';
import { createSkuChecker, type GuardPromotion, type MarginBreach } from './pricing/combos.js';
import { createGuardStore } from './guard-store.js';
import { byStackingOrder } from './pricing/stacking.js';
import { unitFormula, type DeepestContext } from './pricing/unit-price.js';
import { assertPromotionFields } from './promotion-checks.js';
import { createPromotionReader } from './promotion-reader.js';
import { createPromotionStore } from './promotion-store.js';
import { priceSettingTypes, type PromotionRule } from './rules.js';

export type CheckInput = { promotionId: number } | { fields: PromotionFields; promotionId?: number | undefined };

export const defaultListLimit = 200;
/** Overlapping promotions considered per check (the nearest in priority): one bit each in SQL. */
export const maxOverlapping = 50;

export function createGuardService(db: Db) {
  const store = createGuardStore(db);
  const reader = createPromotionReader(db);
  const promotions = createPromotionStore(db);

  /** What a checkout type's deepest price needs from the catalog (gift cost, bundle value). */
  function contextOf(rule: PromotionRule): DeepestContext {
    if (rule.type === 'gift_with_purchase') return { giftUnitCost: store.variantCost(rule.giftVariantId) };
    if (rule.type === 'bundle_price') {
      const sum = store.bundleComponents(rule).reduce((n, c) => n + store.regularPrice(c.variantId) * c.quantity, 0);
      return { bundleRegularSum: sum };
    }
    return {};
  }

  function checkSaved(promotionId: number, listLimit: number): CheckResult {
    const stored = reader.get(promotionId);
    if (!stored) throw notFound('promotion', promotionId);
    const checked: GuardPromotion = { ...stored, formula: unitFormula(stored.rule, contextOf(stored.rule)) };
    const formula = checked.formula;
    const feeBp = store.feeBp(promotionId);
    const shopFloor = store.shopFloorBp();

    // Every overlapping promotion gets a bit (at most maxOverlapping, the nearest in priority).
    const others = store
      .overlapping(promotionId)
      .map((p): GuardPromotion => ({ ...p, formula: unitFormula(p.rule, contextOf(p.rule)) }))
      .sort((a, b) => Math.abs(a.priority - checked.priority) - Math.abs(b.priority - checked.priority) || a.id - b.id)
      .slice(0, maxOverlapping)
      .map((p, i) => ({ promotion: p, bit: 2 ** i }));
    const chain = [{ promotion: checked, bit: null }, ...others]
      .sort((a, b) => byStackingOrder(a.promotion, b.promotion))
      .map((step) => ({ formula: step.promotion.formula, bit: step.bit }));
    const shared = store.sharedSkus(
      promotionId,
      others.map((o) => ({ id: o.promotion.id, bit: o.bit })),
      chain,
      feeBp,
      shopFloor,
      listLimit,
    );
    const sharing = (mask: number): GuardPromotion[] => others.filter((o) => Math.floor(mask / o.bit) % 2 === 1).map((o) => o.promotion);

    const conflicts: CheckResult['conflicts'] = [];
    const comboBreaches: MarginBreach[] = [];
    const judged = new Set<number>();
    let sharedAloneBreaches = 0;
    const isCheckoutType = (p: GuardPromotion) => !priceSettingTypes.includes(p.rule.type);
    const checkoutTypeMet = isCheckoutType(checked) || (shared.total > 0 && others.some((o) => isCheckoutType(o.promotion)));
    const checkSku = createSkuChecker(checked, feeBp);
    const rows = [...shared.rows].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    for (const { mask, ...facts } of rows) {
      const listed = conflicts.length < listLimit;
      const result = checkSku(sharing(mask), { ...facts, title: '' }, listed);
      judged.add(facts.variantId);
      if (result.aloneBreach) sharedAloneBreaches += 1;
      if (result.worst) comboBreaches.push(result.worst);
      if (listed) {
        conflicts.push({
          variantId: facts.variantId,
          sku: facts.sku,
          title: '',
          regularPrice: facts.regularPrice,
          cost: facts.cost,
          otherPromotions: result.others.map((p) => ({ id: p.id, name: p.name, stacking: p.stacking, priority: p.priority })),
          combos: result.combos ?? [],
        });
      }
    }

    const counts = store.aggregate(promotionId, formula, feeBp, shopFloor);
    const breachCount = counts.breachCount - sharedAloneBreaches + comboBreaches.length;
    // Shared SKUs that may breach were judged by their combinations (the others cannot breach, even
    // alone); fetch enough single-price rows to replace the judged ones.
    const alone = counts.breachCount > 0 ? store.breaches(promotionId, formula, feeBp, shopFloor, listLimit + sharedAloneBreaches) : [];
    const breaches = [
      ...alone.filter((row) => !judged.has(row.variantId)).map((row): MarginBreach => ({ ...row, promotionIds: [promotionId] })),
      ...comboBreaches,
    ]
      .sort((a, b) => a.marginBp - b.marginBp || a.variantId - b.variantId)
      .slice(0, listLimit);
    // Shared SKUs come back without their product title (40,000 strings for nothing): fill the listed.
    const untitled = [...conflicts, ...breaches.filter((b) => b.title === '')];
    const titles = store.titles(untitled.map((row) => row.variantId));
    for (const row of untitled) row.title = titles.get(row.variantId) ?? '';

    return {
      variantCount: counts.variantCount,
      conflictCount: shared.total,
      conflicts,
      breachCount,
      breaches,
      noCostCount: counts.noCostCount,
      truncated: shared.total > conflicts.length || breachCount > breaches.length,
      note: checkoutTypeMet ? { key: 'promotions.check.deepestPerUnit', params: {} } : null,
    };
  }

  /** Writes the fields as promotion `promotionId` (or a new one) for the check; the caller rolls back. */
  function writeUnsaved(input: PromotionFields, promotionId: number | undefined): number {
    const fields = { ...input, targets: normalTargets(input.targets), channels: normalChannels(input.channels) };
    assertPromotionFields(fields, promotions);
    const startsAt = new Date(fields.startsAt).toISOString();
    const endsAt = new Date(fields.endsAt).toISOString();
    const columns = {
      name: fields.name,
      type: fields.rule.type,
      starts_at: startsAt,
      ends_at: endsAt,
      stacking: fields.stacking,
      priority: fields.priority,
      scope: fields.targets.scope,
      all_channels: fields.channels === 'all' ? 1 : 0,
      rule: JSON.stringify(fields.rule),
      segment_code: fields.segmentCode,
    };
    let id = promotionId;
    if (id !== undefined) {
      if (!reader.get(id)) throw notFound('promotion', id);
      // Rolled back with the savepoint, so the stamp is never seen.
      promotions.setColumns(id, columns, startsAt);
    } else {
      id = promotions.insert({
        name: fields.name,
        type: fields.rule.type,
        status: 'draft',
        startsAt,
        endsAt,
        stacking: fields.stacking,
        priority: fields.priority,
        scope: fields.targets.scope,
        allChannels: columns.all_channels,
        rule: columns.rule,
        segmentCode: fields.segmentCode,
        controlShareBp: fields.controlShareBp,
        upliftAssumptionBp: fields.upliftAssumptionBp,
        overrideReason: null,
        overrideBy: null,
        overrideAt: null,
        note: fields.note,
        createdAt: startsAt,
        updatedAt: startsAt,
        startedAt: null,
        finishedAt: null,
      });
    }
    promotions.replaceTargets(id, fields.targets.scope === 'targets' ? fields.targets.items : []);
    promotions.replaceChannels(id, fields.channels === 'all' ? [] : fields.channels);
    return id;
  }

  return {
    /** Conflicts and margin breaches of a saved promotion, or of unsaved fields (as if saved). */
    check(input: CheckInput, options: { listLimit?: number } = {}): CheckResult {
      const listLimit = options.listLimit ?? defaultListLimit;
      if (!('fields' in input)) return checkSaved(input.promotionId, listLimit);
      const { fields, promotionId } = input;
      return store.rolledBack(() => checkSaved(writeUnsaved(fields, promotionId), listLimit));
    },
  };
}
export type GuardService = ReturnType<typeof createGuardService>;

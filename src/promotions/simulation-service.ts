// The pre-launch simulation (issue 15 "Planning"; docs/metrics-notes.md "Baseline and
// simulation"): for the promotion's local days, each SKU's baseline (baseline.ts), the expected
// uplift (uplift-history.ts, else the owner's assumption), and from them expected units, GMV,
// discount cost, gross profit against the baseline's, and stock cover (available + incoming
// against the expected units). The promo unit price is the pricing engine's (pricing/) deepest
// unit price of this promotion alone.
import type { Db } from '../db/open.js';
import type { KeyedText } from '../alerts/contract.js';
import { notFound } from '../shared/app-error.js';
import { promotionLocalDays } from './evaluation-window.js';
import { baselineOfLoadedSet } from './baseline.js';
import { baselineStoreOf } from './baseline-store.js';
import type { Simulation, SimulationRow } from './insight-contract.js';
import { deepestUnitPrice, type DeepestContext } from './pricing/unit-price.js';
import { createPromotionReader, type StoredPromotion } from './promotion-reader.js';
import { simulationStoreOf, type SimulationStore } from './simulation-store.js';
import { evaluationLiftSource, learnUplift, type LiftSource } from './uplift-history.js';

/** Rows listed (biggest expected units first); totals and shortfalls cover every SKU. */
export const simulationRowLimit = 500;
/** Above this holdout WAPE the baseline is flagged as rough. */
export const highWape = 0.5;

export interface SimulationOptions {
  /** The owner's uplift for this simulation (overrides the promotion's stored one); used when no history applies. */
  upliftAssumptionBp?: number | undefined;
  /** Where past promotions' lifts come from (default: their evaluation). */
  liftSource?: LiftSource | undefined;
}

/** Money half-up to the minor unit (towards +∞ at exactly .5). */
const money = (value: number): number => Math.floor(value + 0.5);
/** ⌈units⌉, ignoring float noise below a millionth of a unit (6 × 1.5 must stay 9). */
const ceilUnits = (units: number): number => Math.ceil(units - 1e-6);

function resolveUplift(db: Db, store: SimulationStore, promotion: StoredPromotion, options: SimulationOptions, now: Date): Simulation['uplift'] {
  const candidates = store.pastPromotions(promotion.type, promotion.id, now.toISOString());
  const learned = candidates.length > 0 ? learnUplift(promotion.rule, candidates, options.liftSource ?? evaluationLiftSource(db, now)) : null;
  if (learned) return { fraction: learned.fraction, source: 'history', basedOn: learned.basedOn };
  const assumedBp = options.upliftAssumptionBp ?? promotion.upliftAssumptionBp;
  if (assumedBp !== null && assumedBp !== undefined) return { fraction: assumedBp / 10_000, source: 'assumption', basedOn: [] };
  return { fraction: 0, source: 'none', basedOn: [] };
}

/** What the pricing engine needs beyond the rule; a gift's cost is counted as gift cost, not in the unit price. */
function pricingContext(store: SimulationStore, promotion: StoredPromotion): DeepestContext {
  const rule = promotion.rule;
  if (rule.type === 'bundle_price') return { bundleRegularSum: store.bundleRegularSum(rule.bundleVariantId, rule.components) };
  return {};
}

export function simulatePromotion(db: Db, promotionId: number, options: SimulationOptions, now: Date): Simulation {
  const promotion = createPromotionReader(db).get(promotionId);
  if (!promotion) throw notFound('promotion', promotionId);
  const baselines = baselineStoreOf(db);
  const store = simulationStoreOf(db);
  const window = promotionLocalDays(promotion, baselines.timeZone());
  // Learned first: a past promotion's evaluation loads its own variant set.
  const uplift = resolveUplift(db, store, promotion, options, now);
  const { baseline, facts } = baselines.withVariantSet({ promotionId }, () => ({
    baseline: baselineOfLoadedSet(baselines, window.from, window.days),
    facts: store.variantFacts(),
  }));

  const context = pricingContext(store, promotion);
  const factor = Math.max(0, 1 + uplift.fraction);
  const totals: Simulation['totals'] = {
    skus: facts.length,
    baselineUnits: 0,
    expectedUnits: 0,
    baselineNetSales: 0,
    expectedGmv: 0,
    discountCost: 0,
    giftCost: 0,
    expectedGrossProfit: 0,
    baselineGrossProfit: 0,
  };
  const all: SimulationRow[] = facts.map((f) => {
    const baselineUnits = baseline.byVariant.get(f.variantId) ?? 0;
    const expectedUnits = baselineUnits * factor;
    const promoPrice = deepestUnitPrice(f.price, promotion.rule, context);
    // Only the promotion's own demand raises a shortfall: an SKU nobody is expected to buy is not flagged.
    const shortfall = expectedUnits > 0 ? Math.max(0, ceilUnits(expectedUnits) - (f.available + f.incoming)) : 0;
    const row: SimulationRow = {
      variantId: f.variantId,
      sku: f.sku,
      title: f.title,
      regularPrice: f.price,
      promoPrice,
      cost: f.cost,
      baselineUnits,
      expectedUnits,
      expectedGmv: money(expectedUnits * f.price),
      discountCost: money(expectedUnits * (f.price - promoPrice)),
      expectedGrossProfit: f.cost === null ? null : money(expectedUnits * (promoPrice - f.cost)),
      baselineGrossProfit: f.cost === null ? null : money(baselineUnits * (f.price - f.cost)),
      available: f.available,
      incoming: f.incoming,
      shortfall,
    };
    totals.baselineUnits += baselineUnits;
    totals.expectedUnits += expectedUnits;
    totals.baselineNetSales += money(baselineUnits * f.price);
    totals.expectedGmv += row.expectedGmv;
    totals.discountCost += row.discountCost;
    totals.expectedGrossProfit += row.expectedGrossProfit ?? 0;
    totals.baselineGrossProfit += row.baselineGrossProfit ?? 0;
    return row;
  });

  const notes: KeyedText[] = [];
  if (promotion.rule.type === 'gift_with_purchase') {
    // The whole reserve is counted as given away (docs/metrics-notes.md); it is reported beside
    // the gross profit (incremental = expected − baseline gross profit − gift cost), not inside it.
    const giftUnitCost = store.variantCost(promotion.rule.giftVariantId);
    totals.giftCost = promotion.rule.reserveQuantity * (giftUnitCost ?? 0);
    if (giftUnitCost === null) notes.push({ key: 'promotions.simulation.note.giftCostUnknown', params: { variantId: promotion.rule.giftVariantId } });
  }
  if (facts.length === 0) notes.push({ key: 'promotions.simulation.note.noVariants', params: {} });
  else if (baseline.historyDays === 0) notes.push({ key: 'promotions.simulation.note.noHistory', params: {} });
  if (uplift.source === 'assumption') notes.push({ key: 'promotions.simulation.note.upliftAssumed', params: { percent: uplift.fraction * 100 } });
  if (uplift.source === 'none') notes.push({ key: 'promotions.simulation.note.upliftNone', params: {} });
  if (baseline.wape !== null && baseline.wape > highWape) notes.push({ key: 'promotions.simulation.note.wapeHigh', params: { wape: baseline.wape } });

  const byExpected = [...all].sort((a, b) => b.expectedUnits - a.expectedUnits || a.sku.localeCompare(b.sku));
  const shortfalls = all.filter((row) => row.shortfall > 0).sort((a, b) => b.shortfall - a.shortfall || a.sku.localeCompare(b.sku));
  return {
    promotionId,
    days: window.days,
    wape: baseline.wape,
    uplift,
    totals,
    rows: byExpected.slice(0, simulationRowLimit),
    shortfalls,
    shortfallCount: shortfalls.length,
    notes,
  };
}

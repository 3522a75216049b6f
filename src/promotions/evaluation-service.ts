// What a promotion really earned (metrics.md "Promotions", docs/metrics-notes.md "Evaluation"):
// its attributed lines (attribution-store.ts) against the forecast baseline of its variants for
// the same (parts of) local days — lift, promotion cost, incremental gross profit, ROI — plus the
// pull-forward dip of the 14 days after, cannibalisation of the same categories' other products,
// new vs returning customers, and the A/B result of a campaign with a control group. Live while
// running (measured up to now), final after. The baseline is injectable so tests pass known ones.
import { shopTimeZone } from '../analytics/periods.js';
import type { Db } from '../db/open.js';
import { notFound } from '../shared/app-error.js';
import type { KeyedText } from '../alerts/contract.js';
import { compareGroups } from './ab-test.js';
import { attributionStoreOf, type AttributionMode, type AttributionStore, type VariantSales } from './attribution-store.js';
import { baselineForVariants, promotionBaseline, type Baseline } from './baseline.js';
import { evaluationStoreOf, type EvaluationStore } from './evaluation-store.js';
import { baselineDates, dayWeights, promotionWindow, pullForwardDays, weighted, type PromotionWindow } from './evaluation-window.js';
import type { Evaluation, EvaluationRow, Simulation } from './insight-contract.js';
import { createPromotionReader, type StoredPromotion } from './promotion-reader.js';
import { simulatePromotion } from './simulation-service.js';

export type BaselineFigures = Pick<Baseline, 'daily' | 'byVariant' | 'wape'>;

/** Where baselines come from: the forecast (baseline.ts) unless a test passes known ones. */
export interface BaselineSource {
  promoted(db: Db, promotionId: number, fromLocalDate: string, days: number): BaselineFigures;
  variants(db: Db, variantIds: readonly number[], fromLocalDate: string, days: number): BaselineFigures;
}

export const forecastBaselines: BaselineSource = { promoted: promotionBaseline, variants: baselineForVariants };

export interface EvaluationOptions {
  baselines?: BaselineSource;
  /** The simulation a live promotion is compared with (expected units so far); null: none. */
  simulate?: ((db: Db, promotionId: number, now: Date) => Simulation) | null;
  /** Only the headline figures (and the simulation's expected units unless simulate is null): no pull-forward, cannibalisation, customers, A/B or rows. */
  headline?: boolean;
}

const defaultSimulate = (db: Db, promotionId: number, now: Date): Simulation => simulatePromotion(db, promotionId, {}, now);
const rowsCap = 500;
const dayMs = 86_400_000;

function attributionMode(promotion: StoredPromotion): AttributionMode {
  if (promotion.type === 'coupon') return 'code';
  if (promotion.type === 'member_price') return 'audience';
  return 'sku';
}

function loadAttribution(db: Db, promotion: StoredPromotion, from: string, to: string): AttributionStore {
  const rule = promotion.rule;
  const store = attributionStoreOf(db);
  store.load({
    promotionId: promotion.id,
    shopWide: promotion.targets.scope === 'shop',
    from,
    to,
    mode: attributionMode(promotion),
    allChannels: promotion.channels === 'all',
    giftVariantId: rule.type === 'gift_with_purchase' ? rule.giftVariantId : null,
  });
  return store;
}

function emptyEvaluation(promotionId: number, window: PromotionWindow): Evaluation {
  return {
    promotionId,
    state: 'notStarted',
    from: window.start,
    to: window.start,
    days: 0,
    wape: null,
    orders: 0,
    units: 0,
    gmv: 0,
    discounts: 0,
    giftCost: 0,
    netSales: 0,
    grossProfit: 0,
    baselineUnits: 0,
    baselineNetSales: 0,
    baselineGrossProfit: 0,
    liftUnits: 0,
    liftPercent: null,
    liftNetSales: 0,
    incrementalGrossProfit: 0,
    promotionCost: 0,
    roi: null,
    pullForward: { days: pullForwardDays, units: 0, baselineUnits: 0, dipUnits: 0, complete: false },
    cannibalisation: { skus: 0, netSales: 0, baselineNetSales: 0, differenceNetSales: 0 },
    customers: { total: 0, new: 0, returning: 0, newRepeatOrders: 0, newRepeatCustomers: 0, netSalesNew: 0, netSalesReturning: 0 },
    expectedUnits: null,
    ab: null,
    rows: [],
    notes: [],
  };
}

/**
 * Targets that are only categories take every product of them and of their subcategories, so the
 * promoted variants' categories hold no other product: nothing to look up for cannibalisation.
 */
function wholeCategories(promotion: StoredPromotion): boolean {
  return promotion.targets.scope === 'targets' && promotion.targets.items.every((item) => item.kind === 'category');
}

/** The share of a whole-window baseline that falls on the weighted days. */
function shareOf(baseline: BaselineFigures, weights: readonly number[]): { units: number; scale: number } {
  const total = baseline.daily.reduce((a, b) => a + b, 0);
  const units = weighted(baseline.daily, weights);
  return { units, scale: total > 0 ? units / total : 0 };
}

function cannibalisation(db: Db, store: EvaluationStore, others: readonly number[], baselines: BaselineSource, window: PromotionWindow, first: string, days: number, weights: number[]): Evaluation['cannibalisation'] {
  if (others.length === 0) return { skus: 0, netSales: 0, baselineNetSales: 0, differenceNetSales: 0 };
  const baseline = baselines.variants(db, others, first, days);
  const { scale } = shareOf(baseline, weights);
  const baselineNetSales = Math.round(store.baselineValue(baseline.byVariant, scale).netSales);
  const netSales = Math.round(store.netSalesOf(others, window.start, window.measuredTo));
  return { skus: others.length, netSales, baselineNetSales, differenceNetSales: netSales - baselineNetSales };
}

function customersOf(attribution: AttributionStore, now: Date): Evaluation['customers'] {
  const rows = attribution.customers(now.toISOString());
  const fresh = rows.filter((r) => r.isNew === 1);
  const sum = (list: typeof rows) => Math.round(list.reduce((a, r) => a + r.netSales, 0));
  return {
    total: rows.length,
    new: fresh.length,
    returning: rows.length - fresh.length,
    newRepeatOrders: fresh.reduce((a, r) => a + r.laterOrders, 0),
    newRepeatCustomers: fresh.filter((r) => r.laterOrders > 0).length,
    netSalesNew: sum(fresh),
    netSalesReturning: sum(rows.filter((r) => r.isNew === 0)),
  };
}

/** The biggest net sales first, then the variants the baseline expected most of that did not sell. */
function evaluationRows(store: EvaluationStore, attribution: AttributionStore, baseline: BaselineFigures, scale: number): EvaluationRow[] {
  const top: VariantSales[] = attribution.topByNetSales(rowsCap);
  // Room left: the variants the baseline expected most of that sold nothing under the promotion.
  const soldIds = top.length < rowsCap ? new Set(top.map((v) => v.variantId)) : null;
  const unsold = soldIds === null ? [] : [...baseline.byVariant]
    .filter(([variantId]) => !soldIds.has(variantId))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, rowsCap - top.length)
    .map(([variantId]): VariantSales => ({ variantId, units: 0, gmv: 0, discount: 0, cogs: 0 }));
  const listed = [...top, ...unsold];
  const info = new Map(store.variants(listed.map((v) => v.variantId)).map((v) => [v.variantId, v]));
  return listed.map((v) => {
    const about = info.get(v.variantId);
    const base = (baseline.byVariant.get(v.variantId) ?? 0) * scale;
    const discounts = Math.round(v.discount);
    return {
      variantId: v.variantId,
      sku: about?.sku ?? '',
      title: about?.title ?? '',
      units: v.units,
      baselineUnits: base,
      liftUnits: v.units - base,
      gmv: v.gmv,
      discounts,
      netSales: v.gmv - discounts,
      grossProfit: v.gmv - discounts - v.cogs,
      baselineGrossProfit: Math.round(base * ((about?.price ?? 0) - (about?.cost ?? 0))),
    };
  });
}

export function evaluatePromotion(db: Db, promotionId: number, now: Date, options: EvaluationOptions = {}): Evaluation {
  const promotion = createPromotionReader(db).get(promotionId);
  if (!promotion) throw notFound('promotion', promotionId);
  const timeZone = shopTimeZone(db)();
  const window = promotionWindow(promotion, now, timeZone);
  if (window.state === 'notStarted') return emptyEvaluation(promotionId, window);
  const baselines = options.baselines ?? forecastBaselines;
  const store = evaluationStoreOf(db);
  const notes: KeyedText[] = [];

  const { first, days } = baselineDates(window, timeZone);
  const during = dayWeights(first, days, window.start, window.measuredTo, timeZone);
  const elapsedDays = during.reduce((a, b) => a + b, 0);

  // Live only: after the end the evaluation stands on its own (and a simulation learning from past
  // promotions' lift never has to evaluate a running one). Asked first, before the attribution's
  // temp tables are loaded, in case the simulation evaluates other promotions itself.
  const simulate = options.simulate === undefined ? defaultSimulate : options.simulate;
  let expectedUnits: number | null = null;
  if (window.state === 'live' && simulate !== null) {
    const simulation = simulate(db, promotionId, now);
    const promotionDays = (Date.parse(window.end) - Date.parse(window.start)) / dayMs;
    // The simulation spreads its expected units evenly over the promotion's days.
    const simDays = simulation.days > 0 ? simulation.days : promotionDays;
    expectedUnits = simDays > 0 ? (simulation.totals.expectedUnits * elapsedDays) / simDays : null;
  }

  const attribution = loadAttribution(db, promotion, window.start, window.measuredTo);
  const totals = attribution.totals();

  // One baseline over the promotion's days and the 14 after, fitted on the history before it starts.
  const baseline = baselines.promoted(db, promotionId, first, days);
  const { units: forecastUnits, scale } = shareOf(baseline, during);
  const forecastValue = store.baselineValue(baseline.byVariant, scale);
  // A campaign to an audience (coupon codes, member price) reaches only its customers: with a control
  // group, what they would have bought anyway is the control group's purchases of the promoted
  // SKUs in the same window, scaled to the treatment group's size; the whole SKUs' forecast would
  // set a campaign to a few hundred customers against every customer's demand.
  const groups = attributionMode(promotion) === 'sku' ? null : store.groupSizes(promotionId);
  const control = groups !== null && groups.control > 0 && groups.treatment > 0 ? attribution.controlPurchases(window.start, window.measuredTo) : null;
  const factor = control !== null && groups !== null ? groups.treatment / groups.control : 0;
  const baselineUnits = control !== null ? control.units * factor : forecastUnits;
  const value = control !== null ? { netSales: control.netSales * factor, grossProfit: control.grossProfit * factor } : forecastValue;

  const units = totals.units;
  const gmv = totals.gmv;
  const discounts = Math.round(totals.discount);
  const netSales = gmv - discounts;
  const grossProfit = netSales - totals.cogs;
  const giftCost = totals.giftCost;
  const roundedBaselineNetSales = Math.round(value.netSales);
  const roundedBaselineGp = Math.round(value.grossProfit);
  const incrementalGrossProfit = grossProfit - roundedBaselineGp - giftCost;
  const promotionCost = discounts + giftCost;

  if (control === null && baseline.wape === null) notes.push({ key: 'promotions.evaluation.note.noHistory', params: {} });
  if (control !== null && groups !== null) notes.push({ key: 'promotions.evaluation.note.controlBaseline', params: { treatment: groups.treatment, control: groups.control } });
  else if (attributionMode(promotion) !== 'sku') notes.push({ key: 'promotions.evaluation.note.audienceLift', params: {} });
  if (promotion.channels !== 'all') notes.push({ key: 'promotions.evaluation.note.channelScope', params: {} });
  if (window.state === 'live') notes.push({ key: 'promotions.evaluation.note.live', params: { days: Math.round(elapsedDays * 10) / 10 } });

  const result: Evaluation = {
    ...emptyEvaluation(promotionId, window),
    state: window.state,
    to: window.measuredTo,
    days: elapsedDays,
    wape: control !== null ? null : baseline.wape,
    orders: totals.orders,
    units,
    gmv,
    discounts,
    giftCost,
    netSales,
    grossProfit,
    baselineUnits,
    baselineNetSales: roundedBaselineNetSales,
    baselineGrossProfit: roundedBaselineGp,
    liftUnits: units - baselineUnits,
    liftPercent: baselineUnits > 0 ? (units - baselineUnits) / baselineUnits : null,
    liftNetSales: netSales - roundedBaselineNetSales,
    incrementalGrossProfit,
    promotionCost,
    roi: promotionCost > 0 ? incrementalGrossProfit / promotionCost : null,
    expectedUnits,
    notes,
  };
  if (options.headline) return result;

  const post = dayWeights(first, days, window.end, window.postMeasuredTo, timeZone);
  const postBaseline = weighted(baseline.daily, post);
  const postUnits = window.state === 'final' ? attribution.scopedUnits(window.end, window.postMeasuredTo) : 0;
  const complete = now.getTime() >= Date.parse(window.postEnd);
  if (window.state === 'final' && !complete) notes.push({ key: 'promotions.evaluation.note.pullForwardOpen', params: { until: window.postEnd } });

  return {
    ...result,
    pullForward: { days: pullForwardDays, units: postUnits, baselineUnits: postBaseline, dipUnits: postUnits - postBaseline, complete },
    cannibalisation: cannibalisation(db, store, wholeCategories(promotion) ? [] : attribution.sameCategoryOthers(), baselines, window, first, days, during),
    customers: customersOf(attribution, now),
    ab: store.hasControlGroup(promotionId) ? compareGroups(store.audience(promotionId, window.start, window.measuredTo).map((m) => ({ inControl: m.inControl === 1, orders: m.orders, netSales: m.netSales }))) : null,
    rows: evaluationRows(store, attribution, baseline, control !== null ? 0 : scale),
  };
}

/**
 * Units each SKU of a promotion sold under it in [from, to) — its attributed lines and the gifts
 * given (a gift's stock runs out too) — for the stock-cover alert.
 */
export function unitsByVariant(db: Db, promotion: StoredPromotion, from: string, to: string): Map<number, number> {
  const attribution = loadAttribution(db, promotion, from, to);
  const units = new Map(attribution.byVariant().map((v) => [v.variantId, v.units]));
  for (const gift of attribution.giftUnits()) units.set(gift.variantId, (units.get(gift.variantId) ?? 0) + gift.units);
  return units;
}

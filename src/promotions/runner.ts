// Running promotions: starting and ending them on schedule, and the local sale prices of the
// running price-setting ones (rules.ts priceSettingTypes) in promotion_prices. variants.price
// stays the regular price throughout; ending or cancelling deletes the rows, so the regular price
// comes back exactly. The outbox triggers on promotion_prices (0013) queue a 'price' push for every
// linked variant whose sale price came, changed or went.
//
// Stacking on one variant: the shared rule (pricing/stacking.ts, as checkout and the conflict
// finder apply it) over the running price promotions that target it, sorted by priority, then id:
// if the first is exclusive, it alone applies; otherwise every stackable one, each on the price the
// one before left. Unit prices follow pricing/unit-price.ts (half-up to the minor unit; a fixed
// price never raises a price). promotion_prices.promotion_id = the promotion that applied last.
//
// Flash sales: perSkuCap is checked here (units of non-cancelled orders placed since the start);
// a variant at its cap loses the flash price. perCustomerCap is the channels' checkout's to
// enforce (a customer is only known there) and is counted in evaluation: no local enforcement.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { AppError } from '../shared/app-error.js';
import type { PromotionDetail } from './contract.js';
import { priceSettingTypes, promotionRuleSchema, type PromotionRule, type PromotionType } from './rules.js';
import { byStackingOrder, unitFormula } from './pricing/index.js';
import { createRunnerStore, type PriceStep, type RunnerStore, type RunningPromotionRow } from './runner-store.js';

// One store per connection: its TEMP scratch tables live on that connection.
const storeFor = perDatabase((db: Db): RunnerStore => createRunnerStore(db, priceSettingTypes));

const isPriceSetting = (type: PromotionType | undefined): boolean => type !== undefined && priceSettingTypes.includes(type);

/** The unit-price step of a price-setting rule (the shared engine's formula); null for the others. */
export function priceStepOf(rule: PromotionRule): PriceStep | null {
  if (!priceSettingTypes.includes(rule.type)) return null;
  const formula = unitFormula(rule);
  switch (formula.kind) {
    case 'percent':
      return { kind: 'percent', bp: formula.percentOffBp };
    case 'amount':
      return { kind: 'amount', amount: formula.amountOff };
    case 'fixed':
      return { kind: 'fixed', price: formula.price };
    default:
      return null;
  }
}

interface Running {
  row: RunningPromotionRow;
  rule: PromotionRule;
  step: PriceStep;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseRunning(rows: readonly RunningPromotionRow[]): Running[] {
  return rows.flatMap((row) => {
    // Every write validates the rule; one that no longer parses is a bug, not a refusal.
    const parsed = promotionRuleSchema.safeParse(readJson(row.rule));
    if (!parsed.success) throw new AppError('INTERNAL', `Promotion ${row.id} has an unreadable rule.`, { key: 'internal' });
    const step = priceStepOf(parsed.data);
    return step ? [{ row, rule: parsed.data, step }] : [];
  });
}

/** (flash sale, variant) pairs whose per-SKU cap is reached. */
function cappedPairs(store: RunnerStore, running: readonly Running[]): { promotionId: number; variantId: number }[] {
  return running.flatMap(({ row, rule }) => {
    if (rule.type !== 'flash_sale' || rule.perSkuCap === null || row.startedAt === null) return [];
    return store.cappedVariants(row.id, row.startedAt, rule.perSkuCap).map((variantId) => ({ promotionId: row.id, variantId }));
  });
}

/**
 * Recomputes promotion_prices for the variants of `changed` (their targets and the rows they
 * priced) and those of a flash sale at its cap, from the running price promotions but `exceptId`.
 */
function recompute(store: RunnerStore, changed: readonly number[], exceptId: number, at: string): void {
  const running = parseRunning(store.runningPriced(exceptId));
  const capped = cappedPairs(store, running);
  store.beginRecalc();
  store.addVariantsOf(changed);
  for (const pair of capped) store.addVariant(pair.variantId);
  store.loadTargets(exceptId);
  for (const pair of capped) store.exclude(pair.promotionId, pair.variantId);
  const withExclusions = new Set(capped.map((pair) => pair.promotionId));
  // runningPriced() is in stacking order already; sorting again keeps this independent of the SQL.
  const ordered = [...running].sort((a, b) => byStackingOrder(a.row, b.row));
  for (const { row, step } of ordered) {
    store.applyStep({ id: row.id, exclusive: row.stacking === 'exclusive', shopWide: row.scope === 'shop', hasExclusions: withExclusions.has(row.id) }, step);
  }
  store.commitRecalc(at);
}

/**
 * Starts every scheduled promotion whose start has come (starts_at ≤ now < ends_at: status
 * running, its sale prices written to promotion_prices) and ends every scheduled or running one
 * whose end has passed (ends_at ≤ now: status ended, its prices removed, the variants it shared
 * recomputed from the others); drops a flash sale's price on a SKU whose cap is reached. One
 * transaction; idempotent (a second call finds nothing to start or end and rewrites no price).
 */
export function advancePromotions(db: Db, now: Date): { started: number[]; ended: number[] } {
  const store = storeFor(db);
  const at = now.toISOString();
  const time = now.getTime();
  return db.transaction(() => {
    const started: number[] = [];
    const ended: number[] = [];
    for (const promotion of store.pending()) {
      const endsAt = Date.parse(promotion.endsAt);
      if (endsAt <= time) {
        if (store.markEnded(promotion.id, at)) ended.push(promotion.id);
      } else if (promotion.status === 'scheduled' && Date.parse(promotion.startsAt) <= time) {
        if (store.markStarted(promotion.id, at)) started.push(promotion.id);
      }
    }
    const changed = [...new Set([...started, ...ended, ...store.staleIds()])].filter((id) => isPriceSetting(store.typeOf(id)));
    // Caps are re-checked on every pass: an order placed since the last one may have reached one.
    // Without any change or cap, nothing is recomputed (the common 30-second tick).
    const hasCaps = parseRunning(store.runningPriced()).some(({ rule }) => rule.type === 'flash_sale' && rule.perSkuCap !== null);
    if (changed.length > 0 || hasCaps) recompute(store, changed, 0, at);
    return { started, ended };
  })();
}

/**
 * Removes a promotion's sale prices (cancel) and recomputes its variants from the other running
 * promotions; channels get the new (or regular) price back through the outbox. Returns how many
 * sale prices the promotion had set.
 */
export function clearPromotionPrices(db: Db, promotionId: number, at: string): number {
  const store = storeFor(db);
  return db.transaction(() => {
    const removed = store.priceRowsOf(promotionId);
    recompute(store, [promotionId], promotionId, at);
    return removed;
  })();
}

/**
 * Per connected channel in the promotion's scope: pushed as a sale price (the price-setting
 * types), or "not pushed to <channel>" with why — a type the channels' price fields cannot carry
 * (tiers, BOGO, bundles, gifts, coupons, member prices: set them up on the channel too), or a
 * channel where none of its variants is linked. A flash sale's per-customer cap is never pushed (checkout only).
 */
export function pushPlan(db: Db, promotionId: number): PromotionDetail['push'] {
  const store = storeFor(db);
  const type = store.typeOf(promotionId);
  if (type === undefined) return [];
  return store.pushChannels(promotionId).map((channel): PromotionDetail['push'][number] => {
    const base = { channelId: channel.id, channelName: channel.name };
    if (!isPriceSetting(type)) return { ...base, pushed: false, reason: { key: 'notPushedType', params: { type, channel: channel.name } } };
    if (!channel.linked) return { ...base, pushed: false, reason: { key: 'notPushedNoLinks', params: { channel: channel.name } } };
    return { ...base, pushed: true, reason: null };
  });
}

// The demo shop's promotions, decided before any order is simulated: each 618 and Double 11 in
// the history with 满减 / 满件折 tiers on a few categories, a flash sale on slow movers, a
// win-back coupon campaign (coupon-campaign.ts) and the next key date planned ahead. Orders in
// their windows take their discounts from these definitions (promotions-apply.ts), so the
// evaluation attributes every discount to the promotion that gave it.
import type { PromotionRule } from '../promotions/rules.js';
import { DAY_MS, zoneOffset, type Calendar } from './calendar.js';
import type { Catalog } from './catalog.js';
import { LEAVES } from './catalog-spec.js';
import type { OrderPlan } from './orders-plan.js';
import type { Rng } from './prng.js';
import type { Words } from './words.js';

export type DemoPromotionStatus = 'ended' | 'scheduled' | 'draft';

export interface DemoTarget {
  kind: 'category' | 'variant' | 'tag';
  id: number;
}

export interface DemoPromotion {
  /** Set once all promotions are known: chronological. */
  id: number;
  name: string;
  status: DemoPromotionStatus;
  /** UTC instants of local midnights; end exclusive. */
  startMs: number;
  endMs: number;
  /** Calendar day indices, end exclusive (beyond the history for planned promotions). */
  startDay: number;
  endDay: number;
  scope: 'shop' | 'targets';
  targets: DemoTarget[];
  rule: PromotionRule;
  segmentCode: string | null;
  controlShareBp: number;
  /** LEAVES index → applies (category targets); flash sales list their variants instead. */
  leaves: boolean[];
  /** Variant indices (0-based) of a flash sale. */
  variants: number[];
  /** Demand multiplier of the targeted products during the window, and in the 14 days after (pull-forward). */
  lift: number;
  dip: number;
  /** Extra flash-sale line per order in the window with this probability. */
  flashRate: number;
}

export const DIP_DAYS = 14;
export const COUPON_DAYS = 14;
const FLASH_DAYS = 2;
const FLASH_SKUS = 6;

/** Tiers per shop currency, in minor units: scaled to the price levels (CNY prices are about 7× the USD ones). */
const MID_YEAR_TIERS = {
  CNY: [{ minSpend: 20_000, amountOff: 2_000 }, { minSpend: 30_000, amountOff: 4_000 }, { minSpend: 50_000, amountOff: 8_000 }],
  USD: [{ minSpend: 3_000, amountOff: 300 }, { minSpend: 5_000, amountOff: 600 }, { minSpend: 8_000, amountOff: 1_200 }],
};
const DOUBLE11_TIERS = [{ minQuantity: 2, percentOffBp: 1_000 }, { minQuantity: 3, percentOffBp: 1_500 }];

/** Local midnight of a calendar date (YYYY-MM-DD) in the shop's zone, as a UTC instant. */
export function localMidnight(iso: string, timeZone: string): number {
  const date = Date.parse(iso);
  // The offset at noon first, then at the found instant: right on days the clocks change (1 Nov 2026 in New York).
  const guess = date - zoneOffset(timeZone, date + DAY_MS / 2);
  return date - zoneOffset(timeZone, guess);
}

function isoOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

interface Window {
  startMs: number;
  endMs: number;
  startDay: number;
  endDay: number;
}

function windowOf(cal: Calendar, timeZone: string, startIso: string, days: number): Window {
  const first = cal.days[0]?.date ?? 0;
  const startDay = Math.round((Date.parse(startIso) - first) / DAY_MS);
  const endIso = new Date(Date.parse(startIso) + days * DAY_MS).toISOString().slice(0, 10);
  return { startMs: localMidnight(startIso, timeZone), endMs: localMidnight(endIso, timeZone), startDay, endDay: startDay + days };
}

function leavesOf(parents: readonly string[]): boolean[] {
  return LEAVES.map((leaf) => parents.includes(leaf.parent));
}

function categoryTargets(catalog: Catalog, parents: readonly string[]): DemoTarget[] {
  return parents.map((key) => ({ kind: 'category' as const, id: catalog.parentCategory.get(key) ?? 0 }));
}

export interface PromotionPlanContext {
  rng: Rng;
  cal: Calendar;
  catalog: Catalog;
  plan: OrderPlan;
  words: Words;
}

export interface PromotionPlan {
  promotions: DemoPromotion[];
  /** The win-back campaign (also in promotions), or null when the history has no quiet fortnight for it. */
  coupon: DemoPromotion | null;
}

/** Every promotion of the demo shop, with ids in chronological order. */
export function planPromotions(ctx: PromotionPlanContext): PromotionPlan {
  const { cal, catalog, words } = ctx;
  const tz = words.timeZone;
  const money = words.currency === 'CNY' ? 'CNY' : 'USD';
  const names = words.promotionNames;
  const out: DemoPromotion[] = [];
  const base = { id: 0, segmentCode: null, controlShareBp: 0, variants: [], flashRate: 0, scope: 'targets' as const };
  const midYear = (year: number, status: DemoPromotionStatus, w: Window): DemoPromotion => ({
    ...base, ...w, name: names.midYear(year), status, targets: categoryTargets(catalog, MID_YEAR_PARENTS),
    rule: { type: 'spend_tiers', tiers: MID_YEAR_TIERS[money] }, leaves: leavesOf(MID_YEAR_PARENTS), lift: 1.8, dip: 0.7,
  });
  const double11 = (year: number, status: DemoPromotionStatus, w: Window): DemoPromotion => ({
    ...base, ...w, name: names.double11(year), status, targets: categoryTargets(catalog, DOUBLE11_PARENTS),
    rule: { type: 'quantity_tiers', tiers: DOUBLE11_TIERS }, leaves: leavesOf(DOUBLE11_PARENTS), lift: 1.6, dip: 0.7,
  });
  const firstYear = new Date(cal.days[0]?.date ?? 0).getUTCFullYear();
  const nowYear = new Date(cal.days[cal.days.length - 1]?.date ?? 0).getUTCFullYear();
  for (let year = firstYear; year <= nowYear; year++) {
    // Only windows wholly inside the history: a festival cut by "now" keeps the calendar's generic discounts.
    const mid = windowOf(cal, tz, isoOf(year, 6, 1), 18);
    if (mid.startDay >= 0 && mid.endMs <= cal.nowMs) out.push(midYear(year, 'ended', mid));
    const d11 = windowOf(cal, tz, isoOf(year, 11, 1), 11);
    if (d11.startDay >= 0 && d11.endMs <= cal.nowMs) out.push(double11(year, 'ended', d11));
  }

  // Campaigns go into quiet weeks: no festival, no tier promotion or its pull-forward dip around them.
  const busy = new Uint8Array(cal.days.length + 1);
  for (const p of out) for (let d = Math.max(0, p.startDay); d < Math.min(busy.length, p.endDay + DIP_DAYS); d++) busy[d] = 1;
  const lastDay = cal.days.length - 1;
  const couponStart = quietStart(cal, busy, COUPON_DAYS + DIP_DAYS, lastDay - COUPON_DAYS - 30, 200);
  let coupon: DemoPromotion | null = null;
  if (couponStart >= 0) {
    const w = windowOf(cal, tz, cal.days[couponStart]?.iso ?? '', COUPON_DAYS);
    coupon = {
      ...base, ...w, name: names.winBack, status: 'ended', scope: 'shop', targets: [],
      rule: { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1_500 }, minSpend: money === 'CNY' ? 9_900 : 1_500, usageLimit: null, perCustomerLimit: 1 },
      segmentCode: 'atRiskBigSpenders', controlShareBp: 2_000, leaves: LEAVES.map(() => false), lift: 1, dip: 1,
    };
    out.push(coupon);
    for (let d = w.startDay - 10; d < w.endDay + DIP_DAYS; d++) if (d >= 0) busy[d] = 1;
  }
  const flash = planFlashSale(ctx, busy, couponStart >= 0 ? couponStart - 20 : lastDay - 40);
  if (flash) out.push({ ...flash, name: names.flashSale });

  const upcoming = nextKeyDate(cal, tz, catalog, words, midYear, double11);
  if (upcoming) out.push(upcoming);
  out.push(newArrivalsDraft(cal, tz, words));

  out.sort((a, b) => a.startMs - b.startMs);
  out.forEach((p, i) => (p.id = i + 1));
  return { promotions: out, coupon };
}

const MID_YEAR_PARENTS = ['electronics', 'footwear'];
const DOUBLE11_PARENTS = ['apparel', 'beauty'];

/** Latest start day ≤ before (and ≥ earliest) whose span (+ a week before) has no festival and nothing else planned. */
function quietStart(cal: Calendar, busy: Uint8Array, span: number, before: number, earliest: number): number {
  for (let s = before; s >= earliest; s--) {
    let ok = true;
    for (let d = s - 7; d < s + span && ok; d++) ok = d >= 0 && d < cal.days.length && !cal.days[d]?.event && busy[d] !== 1;
    if (ok) return s;
  }
  return -1;
}

/** 限时秒杀 on a handful of slow movers: 60 % off for two days, a cap per SKU scaled to the shop's traffic. */
function planFlashSale(ctx: PromotionPlanContext, busy: Uint8Array, before: number): Omit<DemoPromotion, 'name'> | null {
  const { cal, catalog, plan, rng } = ctx;
  const start = quietStart(cal, busy, FLASH_DAYS + DIP_DAYS, before, 120);
  if (start < 0) return null;
  const candidates = catalog.products.filter((p) => p.life === 'slow' && p.launchDay < start - 90 && p.endDay > start + 60);
  rng.shuffle(candidates);
  const variants = candidates.slice(0, FLASH_SKUS).map((p) => {
    let best = p.firstVariant;
    for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) if ((catalog.weight[v] ?? 0) > (catalog.weight[best] ?? 0)) best = v;
    return best;
  }).sort((a, b) => a - b);
  if (variants.length === 0) return null;
  let orders = 0;
  for (let i = 0; i < plan.count; i++) {
    const d = plan.day[i] ?? 0;
    if (d >= start && d < start + FLASH_DAYS && plan.cancelled[i] !== 1) orders++;
  }
  const perSkuCap = Math.max(5, Math.round(orders * 0.05));
  const w = windowOf(cal, ctx.words.timeZone, cal.days[start]?.iso ?? '', FLASH_DAYS);
  return {
    id: 0, ...w, status: 'ended', scope: 'targets', targets: variants.map((v) => ({ kind: 'variant' as const, id: v + 1 })),
    rule: { type: 'flash_sale', salePrice: { kind: 'percent', percentOffBp: 6_000 }, perSkuCap, perCustomerCap: 2 },
    segmentCode: null, controlShareBp: 0, leaves: LEAVES.map(() => false), variants, lift: 1, dip: 1,
    // Demand a little above the caps, so the popular ones sell out and the rest do not.
    flashRate: Math.min(0.45, orders > 0 ? (0.9 * variants.length * perSkuCap) / orders : 0),
  };
}

/** The next 618, Double 11 or Double 12 after now, scheduled with the same rules as the past ones. */
function nextKeyDate(cal: Calendar, tz: string, catalog: Catalog, words: Words,
  midYear: (year: number, status: DemoPromotionStatus, w: Window) => DemoPromotion,
  double11: (year: number, status: DemoPromotionStatus, w: Window) => DemoPromotion): DemoPromotion | null {
  const nowYear = new Date(cal.nowMs).getUTCFullYear();
  for (const year of [nowYear, nowYear + 1]) {
    const mid = windowOf(cal, tz, isoOf(year, 6, 1), 18);
    if (mid.startMs > cal.nowMs) return midYear(year, 'scheduled', mid);
    const d11 = windowOf(cal, tz, isoOf(year, 11, 1), 11);
    if (d11.startMs > cal.nowMs) return double11(year, 'scheduled', d11);
    const d12 = windowOf(cal, tz, isoOf(year, 12, 10), 3);
    if (d12.startMs > cal.nowMs) {
      return {
        id: 0, ...d12, name: words.promotionNames.double12(year), status: 'scheduled', scope: 'targets',
        targets: categoryTargets(catalog, ['home']), rule: { type: 'percent_off', percentOffBp: 1_200 }, segmentCode: null,
        controlShareBp: 0, leaves: leavesOf(['home']), variants: [], lift: 1, dip: 1, flashRate: 0,
      };
    }
  }
  return null;
}

/** A draft the owner has not scheduled yet: new arrivals (tag 1) 10 % off for a week, a month from now. */
function newArrivalsDraft(cal: Calendar, tz: string, words: Words): DemoPromotion {
  const today = cal.days[cal.days.length - 1]?.date ?? 0;
  const w = windowOf(cal, tz, new Date(today + 30 * DAY_MS).toISOString().slice(0, 10), 7);
  return {
    id: 0, ...w, name: words.promotionNames.newArrivals, status: 'draft', scope: 'targets', targets: [{ kind: 'tag', id: 1 }],
    rule: { type: 'percent_off', percentOffBp: 1_000 }, segmentCode: null, controlShareBp: 0, leaves: LEAVES.map(() => false),
    variants: [], lift: 1, dip: 1, flashRate: 0,
  };
}

// The demo's win-back coupon campaign with a control group. Its audience is taken from the
// planned orders the way an owner would pick "at-risk big spenders" (two or more orders, none in
// the last 90 days); a fifth is held out. A coupon brings some treatment customers back: each of
// them takes over an order another (repeat) customer had planned in the campaign's fortnight, so
// the shop's volume is unchanged while the treatment group converts more than the control group
// — which keeps only its natural return rate.
import type { OrderPlan } from './orders-plan.js';
import type { DemoPromotion } from './promotions-plan.js';
import type { Rng } from './prng.js';
import { inControlGroup } from '../promotions/coupon-codes.js';
import { couponAlphabet } from '../promotions/coupon-contract.js';

export interface CouponCampaign {
  promotion: DemoPromotion;
  /** Customer indices (0-based), ascending, with in_control. */
  audience: { customer: number; control: boolean }[];
  /** Treatment customers (0-based) and their personal codes, index-aligned. */
  treatment: number[];
  codes: string[];
  /** Per planned order: index into treatment/codes of the customer whose code it may carry, or -1. */
  orderCode: Int32Array;
}

const LAPSED_MS = 90 * 86_400_000;
/** Share of the treatment group the coupon brings back on top of the natural return rate. */
const COUPON_PULL = 0.09;

export function planCouponCampaign(rng: Rng, plan: OrderPlan, customers: number, promotion: DemoPromotion): CouponCampaign {
  const { startMs, endMs } = promotion;
  const before = new Int32Array(customers);
  const total = new Int32Array(customers);
  const last = new Float64Array(customers);
  for (let i = 0; i < plan.count; i++) {
    const c = plan.customer[i] ?? -1;
    if (c < 0 || plan.cancelled[i] === 1) continue;
    total[c] = (total[c] ?? 0) + 1;
    const at = plan.placedMs[i] ?? 0;
    if (at >= startMs) continue;
    before[c] = (before[c] ?? 0) + 1;
    last[c] = Math.max(last[c] ?? 0, at);
  }
  const group = new Int8Array(customers).fill(-1); // -1 outside, 0 treatment, 1 control
  const audience: CouponCampaign['audience'] = [];
  const treatment: number[] = [];
  const treatmentIndex = new Int32Array(customers).fill(-1);
  for (let c = 0; c < customers; c++) {
    if ((before[c] ?? 0) < 2 || (last[c] ?? 0) > startMs - LAPSED_MS) continue;
    // The same split the app's audience makes (audience.ts), so the stored groups are the ones it would take.
    const control = inControlGroup(promotion.id, c + 1, promotion.controlShareBp);
    group[c] = control ? 1 : 0;
    audience.push({ customer: c, control });
    if (!control) {
      treatmentIndex[c] = treatment.length;
      treatment.push(c);
    }
  }

  // Who comes back anyway, and which orders of the fortnight repeat customers outside the audience could give up.
  const converted = new Uint8Array(customers);
  const donors: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    const at = plan.placedMs[i] ?? 0;
    const c = plan.customer[i] ?? -1;
    if (at < startMs || at >= endMs || c < 0 || plan.cancelled[i] === 1) continue;
    if (group[c] !== -1) converted[c] = 1;
    else if ((total[c] ?? 0) >= 2) donors.push(i);
  }
  rng.shuffle(donors);
  let next = 0;
  for (const c of treatment) {
    if (converted[c] === 1 || !rng.chance(COUPON_PULL)) continue;
    while (next < donors.length) {
      const i = donors[next++] ?? 0;
      const donor = plan.customer[i] ?? -1;
      if ((total[donor] ?? 0) < 2) continue;
      total[donor] = (total[donor] ?? 0) - 1;
      plan.customer[i] = c;
      converted[c] = 1;
      break;
    }
  }

  const orderCode = new Int32Array(plan.count).fill(-1);
  for (let i = 0; i < plan.count; i++) {
    const at = plan.placedMs[i] ?? 0;
    const c = plan.customer[i] ?? -1;
    if (at >= startMs && at < endMs && c >= 0 && plan.cancelled[i] !== 1) orderCode[i] = treatmentIndex[c] ?? -1;
  }
  return { promotion, audience, treatment, codes: couponCodes(rng, treatment.length), orderCode };
}

/** Unique personal codes such as WB-7KQ2MX. */
function couponCodes(rng: Rng, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    let code = 'WB-';
    for (let k = 0; k < 6; k++) code += couponAlphabet[rng.int(0, couponAlphabet.length - 1)] ?? 'X';
    if (seen.has(code)) continue;
    seen.add(code);
    out.push(code);
  }
  return out;
}

// When orders happen and through which channel, decided before anything is
// written: customers need their first-order dates before orders are written.
import { DAY_MS, HOUR_WEIGHTS, type Calendar } from './calendar.js';
import type { Rng } from './prng.js';

export interface ChannelInfo {
  code: string;
  platform: string;
}

export const CHANNELS: ChannelInfo[] = [
  { code: 'shopify', platform: 'shopify' },
  { code: 'woocommerce', platform: 'woocommerce' },
  { code: 'tmall', platform: 'tmall' },
  { code: 'douyin', platform: 'douyin' },
  { code: 'pos', platform: 'pos' },
];
export const POS_CHANNEL = 4;

/** Channel shares: western shop sells mostly on its own site, Chinese shop on marketplaces. */
const SHARES = { en: [45, 18, 5, 7, 25], zh: [8, 4, 40, 30, 18] };

export interface OrderPlan {
  count: number;
  placedMs: Float64Array;
  day: Int16Array;
  channel: Uint8Array;
  cancelled: Uint8Array;
  /** Customer index (0-based) or -1 for a guest (walk-in POS sale). */
  customer: Int32Array;
  customerOrders: number;
}

export function planOrders(rng: Rng, cal: Calendar, totalOrders: number, zh: boolean): OrderPlan {
  const placed: number[] = [];
  const dayOf: number[] = [];
  let cumulative = 0;
  let assigned = 0;
  const hourCum: number[] = [];
  let hourTotal = 0;
  for (const w of HOUR_WEIGHTS) hourCum.push((hourTotal += w));
  cal.days.forEach((day, d) => {
    // Cumulative rounding keeps the total exact while each day follows its weight.
    cumulative += (totalOrders * day.weight) / cal.totalWeight;
    const n = Math.round(cumulative) - assigned;
    assigned += n;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = rng.next() * hourTotal;
      let hour = 0;
      while (hour < 23 && (hourCum[hour] ?? 0) <= r) hour++;
      const tod = (hour + rng.next()) * 3_600_000;
      // On the last day only the hours before "now" have happened.
      times.push(Math.floor(day.startUtc + tod * Math.min(1, day.open)) - (day.open < 1 ? 1000 : 0));
    }
    times.sort((a, b) => a - b);
    for (const t of times) {
      placed.push(Math.min(t, cal.nowMs - 1000));
      dayOf.push(d);
    }
  });
  const count = placed.length;
  const channel = new Uint8Array(count);
  const cancelled = new Uint8Array(count);
  const customer = new Int32Array(count);
  const shares = zh ? SHARES.zh : SHARES.en;
  let customerOrders = 0;
  for (let i = 0; i < count; i++) {
    const c = rng.weighted(shares);
    channel[i] = c;
    cancelled[i] = rng.chance(0.04) ? 1 : 0;
    // Only walk-in POS sales are anonymous; online orders always have a customer.
    const guest = c === POS_CHANNEL && rng.chance(0.6);
    customer[i] = guest ? -1 : customerOrders++;
  }
  return {
    count, placedMs: Float64Array.from(placed), day: Int16Array.from(dayOf), channel, cancelled, customer, customerOrders,
  };
}

/** Placed time of each customer's first order (NaN if none), after slots were mapped to customers. */
export function firstOrders(plan: OrderPlan, customers: number): Float64Array {
  const first = new Float64Array(customers).fill(Number.NaN);
  for (let i = 0; i < plan.count; i++) {
    const c = plan.customer[i] ?? -1;
    if (c >= 0 && Number.isNaN(first[c] ?? 0)) first[c] = plan.placedMs[i] ?? 0;
  }
  return first;
}

export const OPEN_WINDOW_MS = 2 * DAY_MS;

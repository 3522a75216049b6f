// The demo shop's calendar: 730 local days ending on "now", with how busy each
// day is (weekly rhythm, Chinese New Year dip, 618, 11.11, Black Friday /
// Cyber Monday, December run-up, slow growth). Analytics group by local day in
// the shop's time zone, so the seasonality is laid out on local dates.
import type { Rng } from './prng.js';

export const DAY_MS = 86_400_000;

/** Real Chinese New Year dates (the dip is centred on them). */
const CNY_DATES = ['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26'];

export interface Day {
  /** UTC midnight of the local calendar date; used for weekday/month maths. */
  date: number;
  /** UTC instant of local midnight (start of the day in the shop's time zone). */
  startUtc: number;
  /** Fraction of the day that lies before "now" (1 except on the last day). */
  open: number;
  /** Relative order volume. */
  weight: number;
  /** Share of lines that get a promotion discount, and its depth. */
  promo: number;
  promoDepth: number;
  /** A festival or holiday shapes this day (CNY, 618, 11.11, Black Friday): no other campaign is placed on it. */
  event: boolean;
  iso: string;
}

/** Offset (ms) of a time zone from UTC at an instant, via Intl (called once per day, not per order). */
export function zoneOffset(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Fourth Thursday of November (US Thanksgiving); Black Friday is the day after. */
export function thanksgiving(year: number): number {
  const first = Date.UTC(year, 10, 1);
  const weekday = new Date(first).getUTCDay();
  const firstThursday = 1 + ((4 - weekday + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 21);
}

interface Bump {
  factor: number;
  promo: number;
  depth: number;
  event: boolean;
}

/** Seasonal factor of one local date; promotions carry discounts. */
function season(date: number, zh: boolean): Bump {
  const d = new Date(date);
  const month = d.getUTCMonth();
  const dom = d.getUTCDate();
  const year = d.getUTCFullYear();
  let factor = 1;
  let promo = 0;
  let depth = 0;
  let event = false;
  for (const cny of CNY_DATES) {
    const offset = Math.round((date - Date.parse(cny)) / DAY_MS);
    // Couriers stop and factories close: about two weeks of low orders, deepest just after the eve.
    if (offset >= -7 && offset <= 7) {
      factor *= offset >= -2 && offset <= 4 ? 0.3 : 0.55;
      event = true;
    }
  }
  if (month === 5 && dom <= 18) {
    // 618 ramps through June and peaks on the 18th.
    factor *= dom === 18 ? 3.2 : 1.15 + (dom / 18) * 0.6;
    promo = 0.6;
    depth = dom === 18 ? 0.25 : 0.15;
  }
  if (month === 10 && dom <= 11) {
    factor *= dom === 11 ? (zh ? 5.5 : 4) : 1.2 + (dom / 11) * 0.5;
    promo = 0.7;
    depth = dom === 11 ? 0.3 : 0.15;
  }
  const tg = thanksgiving(year);
  const sinceTg = Math.round((date - tg) / DAY_MS);
  if (sinceTg >= 1 && sinceTg <= 4) {
    // Black Friday (1), weekend (2, 3), Cyber Monday (4).
    factor *= sinceTg === 1 ? (zh ? 1.8 : 3.2) : sinceTg === 4 ? (zh ? 1.5 : 2.6) : zh ? 1.3 : 1.9;
    promo = 0.65;
    depth = 0.25;
  }
  if (month === 11 && dom <= 22) factor *= 1.1 + (dom / 22) * 0.45;
  if (month === 11 && dom >= 24 && dom <= 26 && !zh) factor *= 0.7;
  return { factor, promo, depth, event: event || promo > 0 };
}

const WEEKDAY_FACTOR = [1.3, 0.95, 0.95, 0.97, 1.0, 1.1, 1.35]; // Sun..Sat: weekend uplift

export interface Calendar {
  days: Day[];
  totalWeight: number;
  nowMs: number;
}

export function buildCalendar(now: Date, timeZone: string, zh: boolean, rng: Rng, dayCount = 730): Calendar {
  const nowMs = now.getTime();
  const local = nowMs + zoneOffset(timeZone, nowMs);
  const lastDate = Math.floor(local / DAY_MS) * DAY_MS;
  const days: Day[] = [];
  let totalWeight = 0;
  for (let i = 0; i < dayCount; i++) {
    const date = lastDate - (dayCount - 1 - i) * DAY_MS;
    const startUtc = date - zoneOffset(timeZone, date + DAY_MS / 2);
    const open = Math.max(0, Math.min(1, (nowMs - startUtc) / DAY_MS));
    const s = season(date, zh);
    const trend = 0.8 + 0.4 * (i / dayCount);
    const weekday = WEEKDAY_FACTOR[new Date(date).getUTCDay()] ?? 1;
    const noise = 0.88 + rng.next() * 0.24;
    const weight = trend * weekday * s.factor * noise * open;
    totalWeight += weight;
    days.push({ date, startUtc, open, weight, promo: s.promo, promoDepth: s.depth, event: s.event, iso: isoDate(date) });
  }
  return { days, totalWeight, nowMs };
}

/** Share of orders per hour of the local day: quiet nights, lunch bump, evening peak. */
export const HOUR_WEIGHTS = [
  1.2, 0.7, 0.4, 0.25, 0.2, 0.25, 0.5, 1.0, 1.6, 2.2, 2.8, 3.0, 3.4, 3.0, 2.8, 2.7, 2.8, 3.0, 3.2, 3.8, 4.6, 5.0, 4.4,
  2.6,
];

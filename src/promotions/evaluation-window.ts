// The time side of a promotion's evaluation (docs/metrics-notes.md "Evaluation"): its window
// [starts_at, ends_at) — up to finished_at when it was cancelled early — its state at `now`
// (notStarted / live / final), the 14 days after it (pull-forward), and how much of each local day
// of the baseline's window each part covers. A baseline day counts in proportion to the part of it
// inside the window (sales assumed even over the day): a promotion starting at 20:00 takes 4/24
// of that day's baseline, and while live the current day counts up to `now` only.
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import type { StoredPromotion } from './promotion-reader.js';

export const pullForwardDays = 14;

export type EvaluationState = 'notStarted' | 'live' | 'final';

export interface PromotionWindow {
  state: EvaluationState;
  /** UTC instants: the promotion's start and its effective end. */
  start: string;
  end: string;
  /** The end of what can be measured now: min(end, now). */
  measuredTo: string;
  /** The end of the pull-forward window (14 local days after the end, same wall time). */
  postEnd: string;
  /** min(postEnd, now). */
  postMeasuredTo: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A cancelled promotion that never started, or a draft / scheduled one, has nothing to measure. */
export function promotionWindow(promotion: StoredPromotion, now: Date, timeZone: string): PromotionWindow {
  const nowMs = now.getTime();
  const startMs = Date.parse(promotion.startsAt);
  const endsMs = Date.parse(promotion.endsAt);
  const finishedMs = promotion.finishedAt === null ? null : Date.parse(promotion.finishedAt);
  const endMs = promotion.status === 'cancelled' && finishedMs !== null ? Math.min(endsMs, finishedMs) : endsMs;
  const ran = promotion.status === 'running' || promotion.status === 'ended' || (promotion.status === 'cancelled' && endMs > startMs);
  const endDate = localDateOf(iso(endMs), timeZone);
  const intoDay = endMs - localMidnightUtc(endDate, timeZone).getTime();
  const postEndMs = localMidnightUtc(addDays(endDate, pullForwardDays), timeZone).getTime() + intoDay;
  const state: EvaluationState = !ran || nowMs <= startMs ? 'notStarted' : nowMs < endMs ? 'live' : 'final';
  return {
    state,
    start: iso(startMs),
    end: iso(endMs),
    measuredTo: iso(Math.max(startMs, Math.min(endMs, nowMs))),
    postEnd: iso(postEndMs),
    postMeasuredTo: iso(Math.max(endMs, Math.min(postEndMs, nowMs))),
  };
}

/** Local dates from the start's day through the last day touched by [start, postEnd). */
export function baselineDates(window: PromotionWindow, timeZone: string): { first: string; days: number } {
  const first = localDateOf(window.start, timeZone);
  const last = localDateOf(iso(Date.parse(window.postEnd) - 1), timeZone);
  return { first, days: daysBetween(first, last) + 1 };
}

/** For each local day from `first`, the share of it inside [from, to). */
export function dayWeights(first: string, days: number, from: string, to: string, timeZone: string): number[] {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const weights: number[] = [];
  let dayStart = localMidnightUtc(first, timeZone).getTime();
  for (let i = 0; i < days; i++) {
    const dayEnd = localMidnightUtc(addDays(first, i + 1), timeZone).getTime();
    const overlap = Math.max(0, Math.min(dayEnd, toMs) - Math.max(dayStart, fromMs));
    weights.push(overlap / (dayEnd - dayStart));
    dayStart = dayEnd;
  }
  return weights;
}

/** Σ weights × daily baseline. */
export function weighted(daily: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (daily[i] ?? 0);
  return sum;
}

/** The promotion's local days as planned (the simulation's window): from the day it starts to the day holding its last instant (ends_at is exclusive). */
export function promotionLocalDays(promotion: Pick<StoredPromotion, 'startsAt' | 'endsAt'>, timeZone: string): { from: string; to: string; days: number } {
  const from = localDateOf(promotion.startsAt, timeZone);
  const to = localDateOf(new Date(Date.parse(promotion.endsAt) - 1), timeZone);
  return { from, to, days: Math.max(1, daysBetween(from, to) + 1) };
}

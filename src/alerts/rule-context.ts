// What every alert rule gets: the database, "now" from the injected clock, the
// shop's local today, and local-day helpers. A rule returns findings (the
// conditions that hold now); the evaluator turns them into alerts. `shared`
// lets rules of one evaluation share what they both read.
import type { Db } from '../db/open.js';
import { addDays, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import type { AlertExplanation, AlertRule } from './contract.js';

export interface RuleContext {
  db: Db;
  /** UTC ISO instant of this evaluation. */
  now: string;
  timeZone: string;
  /** The local date of `now`; "the last 7 days" are the 7 complete days before it. */
  today: string;
  /** UTC instant of local midnight starting `date`. */
  startOf(date: string): string;
  addDays(date: string, days: number): string;
  localDate(instant: string): string;
  /**
   * One value per evaluation, built by the first rule that asks: rules that read the same
   * thing (the low-stock set, the stock-outs) read it once.
   */
  shared<T>(key: string, build: () => T): T;
  /** Read the orders, never the sales rollup (the agreement tests compare both ways). */
  direct: boolean;
}

export interface Finding {
  rule: AlertRule;
  subjectType: 'variant' | 'product' | 'category' | 'shop' | 'kpi' | 'channel' | 'promotion';
  subjectId: string | null;
  /** The condition's identity: the same fingerprint on the next evaluation keeps the alert open. */
  fingerprint: string;
  severity: 'info' | 'warning' | 'critical';
  explanation: AlertExplanation;
}

export type AlertRuleFn = (ctx: RuleContext) => Finding[];

export function ruleContext(db: Db, now: Date, options: { direct?: boolean } = {}): RuleContext {
  const shop = db.prepare<[], { timeZone: string }>('SELECT time_zone AS timeZone FROM shop_settings WHERE id = 1').get();
  const timeZone = shop?.timeZone ?? 'UTC';
  const memo = new Map<string, unknown>();
  return {
    db,
    now: now.toISOString(),
    timeZone,
    today: localDateOf(now, timeZone),
    startOf: (date) => localMidnightUtc(date, timeZone).toISOString(),
    addDays,
    localDate: (instant) => localDateOf(instant, timeZone),
    direct: options.direct ?? false,
    shared<T>(key: string, build: () => T): T {
      if (!memo.has(key)) memo.set(key, build());
      return memo.get(key) as T;
    },
  };
}

/** (value − baseline) ÷ baseline, null when there is no baseline to divide by. */
export function ratioOf(value: number, baseline: number | null): number | null {
  return baseline === null || baseline === 0 ? null : (value - baseline) / baseline;
}

/** Rounded for display in params and stored figures (reorder points are fractional). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

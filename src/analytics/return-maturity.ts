// Return rates mature later: the rate of orders placed in a period counts the
// returns of those orders whenever they come, so the rate of recent orders
// keeps rising for weeks. A figure for such a period is not comparable with an
// older one (a "−60 % vs previous" would be good news that is not true), so
// answers say when a period is still maturing and the UI shows a caveat instead
// of a good/bad colour (docs/metrics-notes.md "Rates that mature later").
//
// How long returns keep coming is the shop's own: the number of days within
// which 90 % of returned units came back, over the returns of the last 365
// days (at least 30 of them); otherwise a 30-day default (a common return window).
import type { Db } from '../db/open.js';
import { addDays, localDateOf } from '../shared/local-time.js';
import type { Period } from './periods.js';
import { utcRange } from './periods.js';
import { createReturnsStore } from './returns-store.js';

export const defaultReturnLagDays = 30;
/** Fewer returns than this in the last year: the default applies. */
export const minimumReturnsForLag = 30;
/** The share of returned units the lag covers. */
export const returnLagShare = 0.9;
const lookbackDays = 365;

export interface ReturnLag {
  /** Days after an order within which 90 % of its returns come. */
  lagDays: number;
  source: 'shop' | 'default';
  /** Orders placed on or after this local day may still see returns (today + 1 − lagDays). */
  stillArrivingFrom: string;
}

/** Smallest whole number of days covering `share` of the units (lags sorted ascending). */
export function lagCovering(lags: readonly { lagDays: number; units: number }[], share: number): number {
  const total = lags.reduce((sum, row) => sum + row.units, 0);
  let seen = 0;
  for (const row of lags) {
    seen += row.units;
    if (seen >= share * total) return Math.max(1, Math.ceil(row.lagDays));
  }
  return defaultReturnLagDays;
}

export function createReturnMaturity(db: Db) {
  const store = createReturnsStore(db);
  // A year of returns is read once per day and per change of the returns (about 0.1 s on the large demo),
  // not after every write: new orders and alert writes do not move a 90th percentile of return lags. The
  // marker sees returns recorded or removed; an edit of an old return's date (rare, and one return among
  // the year's) shows from the next day.
  let cached: { key: string; lag: ReturnLag } | null = null;
  const measure = (today: string, timeZone: string, now: Date): ReturnLag => {
    const [from] = utcRange({ from: addDays(today, -lookbackDays), to: today }, timeZone);
    const lags = store.lags(from, now.toISOString());
    const source = lags.length >= minimumReturnsForLag ? 'shop' : 'default';
    const lagDays = source === 'shop' ? lagCovering(lags, returnLagShare) : defaultReturnLagDays;
    return { lagDays, source, stillArrivingFrom: addDays(today, 1 - lagDays) };
  };
  return {
    /** The shop's return lag as of `now`. */
    lag(now: Date, timeZone: string): ReturnLag {
      const today = localDateOf(now, timeZone);
      const key = `${today}|${timeZone}|${store.returnsMarker()}`;
      if (cached?.key !== key) cached = { key, lag: measure(today, timeZone, now) };
      return cached.lag;
    },
  };
}

/** A period whose orders may still see returns: its last day is within the lag. */
export function stillMaturing(period: Period, lag: ReturnLag): boolean {
  return period.to >= lag.stillArrivingFrom;
}

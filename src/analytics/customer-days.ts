// Local dates of many instants at once (the customer reports put tens of thousands of order
// instants on the shop's calendar): the local midnights of the days in play are computed once,
// and each instant finds its day by a binary search on them — ISO instants compare as strings.
// Same answers as localDateOf (shared/local-time.ts), which instants outside the days fall back to.
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';

export interface LocalDays {
  /** The local date of an instant. */
  dateOf(at: string): string;
  /** Whole local days from the instant's date to `asOf` (asOf − date). */
  daysBefore(at: string, asOf: string): number;
}

// Each midnight asks the zone's offset twice (Intl): two years of days cost tens of milliseconds,
// and the same days come back call after call (a report's window, a baseline's history).
const remembered = new Map<string, readonly string[]>();
const rememberedMax = 32;

/**
 * The UTC instants (ISO) of the local midnights starting `count` consecutive local days from
 * `first` in the time zone — the same as localMidnightUtc for each — remembered for the next call.
 */
export function localMidnights(first: string, count: number, timeZone: string): readonly string[] {
  const key = `${timeZone}|${first}|${count}`;
  let found = remembered.get(key);
  if (!found) {
    found = Array.from({ length: count }, (_, i) => localMidnightUtc(addDays(first, i), timeZone).toISOString());
    if (remembered.size >= rememberedMax) remembered.delete(remembered.keys().next().value ?? '');
    remembered.set(key, found);
  }
  return found;
}

/** Local days `first` … `last` (inclusive) in the time zone. */
export function localDays(first: string, last: string, timeZone: string): LocalDays {
  const count = Math.max(0, daysBetween(first, last) + 1);
  const dates = Array.from({ length: count }, (_, i) => addDays(first, i));
  const midnights = localMidnights(first, count + 1, timeZone);
  /** Index of the day holding `at`, or -1 outside the days. */
  const indexOf = (at: string): number => {
    if (count === 0 || at < (midnights[0] ?? '') || at >= (midnights[count] ?? '')) return -1;
    let lo = 0;
    let hi = count;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((midnights[mid] ?? '') <= at) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const dateOf = (at: string): string => {
    const i = indexOf(at);
    return i < 0 ? localDateOf(at, timeZone) : (dates[i] ?? localDateOf(at, timeZone));
  };
  return {
    dateOf,
    daysBefore(at: string, asOf: string): number {
      const i = indexOf(at);
      // Within the days: asOf − (first + i).
      return i < 0 ? daysBetween(localDateOf(at, timeZone), asOf) : daysBetween(first, asOf) - i;
    },
  };
}

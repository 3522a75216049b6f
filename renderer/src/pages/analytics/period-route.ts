// The analytics period lives in the URL, after the page's hash path:
// `#/analytics/sales?period=last7`, `#/analytics/products?from=2026-10-01&to=2026-10-31&asOf=2026-10-31`.
// So a reload, back / forward and a copied link reopen the same period; the
// tabs and click-throughs carry the query along. A preset stays relative
// (a "last 7 days" link means the last 7 days of the day it is opened);
// a custom range and an as-of date are fixed dates. Anything in the URL that
// is not a valid period (a wrong date, an end before the start, a day after
// today) is ignored and the page's default applies.
import { useCallback, useEffect, useState } from 'react';
import type { AnalyticsPeriod as Period } from '../../../../src/analytics/contract.js';
import { isLocalDate, isPreset, presetPeriod, rangeProblem, type Preset } from './period.js';

export type PeriodChoice = { kind: 'preset'; preset: Preset } | { kind: 'custom'; from: string; to: string };

/** The query part of a location hash ('' when none). */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/** A hash href with a query appended (none when the query is empty). */
export function withQuery(href: string, query: string): string {
  return query ? `${href}?${query}` : href;
}

export interface PeriodQuery {
  choice: PeriodChoice | null;
  asOf: string | null;
}

export function parsePeriodQuery(query: string, today: string): PeriodQuery {
  const params = new URLSearchParams(query);
  const preset = params.get('period');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const asOf = params.get('asOf') ?? '';
  const choice: PeriodChoice | null =
    preset !== null && isPreset(preset) ? { kind: 'preset', preset } : rangeProblem(from, to, today) === null ? { kind: 'custom', from, to } : null;
  return { choice, asOf: isLocalDate(asOf) && asOf <= today ? asOf : null };
}

/** Writes the period (and the as-of date, when chosen) as a query; other keys of `base` are kept. */
export function periodQueryString(choice: PeriodChoice, asOf: string | null, base = ''): string {
  const params = new URLSearchParams(base);
  for (const key of ['period', 'from', 'to', 'asOf']) params.delete(key);
  if (choice.kind === 'preset') params.set('period', choice.preset);
  else {
    params.set('from', choice.from);
    params.set('to', choice.to);
  }
  if (asOf !== null) params.set('asOf', asOf);
  return params.toString();
}

/** The current location hash, following its changes. */
export function useHash(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onHash = (): void => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return hash;
}

/** Replaces the query of the current hash (a new history entry, so back returns to the previous period). */
export function setHashQuery(query: string): void {
  const hash = location.hash || '#/';
  const path = hash.split('?')[0] ?? '#/';
  const next = withQuery(path, query);
  if (next !== hash) location.hash = next;
}

export interface PeriodRoute {
  choice: PeriodChoice;
  period: Period;
  /** The as-of date: chosen, else today. */
  asOf: string;
  today: string;
  setChoice(choice: PeriodChoice): void;
  setAsOf(asOf: string): void;
  /** The query that reopens this page's period and as-of date: for links to other analytics pages. */
  query: string;
}

/** The page's period and as-of date from the URL (defaults: `defaultPreset`, today), and setters that write the URL. */
export function usePeriodRoute(defaultPreset: Preset, today: string): PeriodRoute {
  const hash = useHash();
  const current = hashQuery(hash);
  const parsed = parsePeriodQuery(current, today);
  const choice = parsed.choice ?? { kind: 'preset', preset: defaultPreset };
  const period = choice.kind === 'preset' ? presetPeriod(choice.preset, today) : { from: choice.from, to: choice.to };
  const setChoice = useCallback((next: PeriodChoice) => setHashQuery(periodQueryString(next, parsePeriodQuery(hashQuery(location.hash), today).asOf, hashQuery(location.hash))), [today]);
  const setAsOf = useCallback(
    (asOf: string) => {
      const now = parsePeriodQuery(hashQuery(location.hash), today);
      setHashQuery(periodQueryString(now.choice ?? { kind: 'preset', preset: defaultPreset }, asOf, hashQuery(location.hash)));
    },
    [today, defaultPreset],
  );
  return { choice, period, asOf: parsed.asOf ?? today, today, setChoice, setAsOf, query: periodQueryString(choice, parsed.asOf, current) };
}

// Lays promotions out on a calendar: the weeks (Monday first) a month or week
// view shows, and per week each promotion as a bar from its first to its last
// local day in that week, stacked in lanes so bars never overlap. Pure: dates
// are local 'YYYY-MM-DD' strings in the shop's time zone.
import { addDays, daysBetween, localDateOf, weekStartOf } from '../../../../src/shared/local-time.js';

export interface Span {
  id: number;
  /** First and last local day it runs (an end at 00:00 ends the day before). */
  first: string;
  last: string;
}

export interface Bar<T extends Span> {
  item: T;
  /** 0–6: the columns it covers in the week. */
  from: number;
  to: number;
  lane: number;
  /** It started before this week / runs on after it (drawn with an open edge). */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface Week<T extends Span> {
  start: string;
  days: string[];
  bars: Bar<T>[];
  lanes: number;
}

/** A promotion's local days: the end instant is exclusive, so 8 Dec 00:00 ends on 7 Dec. */
export function localSpan(startsAt: string, endsAt: string, timeZone: string): { first: string; last: string } {
  const first = localDateOf(startsAt, timeZone);
  const end = Date.parse(endsAt);
  const last = localDateOf(new Date(Math.max(Date.parse(startsAt), end - 1)), timeZone);
  return { first, last };
}

/** The weeks of the month holding `date` (from the Monday on or before the 1st to the Sunday on or after its last day). */
export function monthWeeks(date: string): string[] {
  const firstOfMonth = `${date.slice(0, 7)}-01`;
  const nextMonth = addDays(firstOfMonth, 32).slice(0, 7);
  const lastOfMonth = addDays(`${nextMonth}-01`, -1);
  const weeks: string[] = [];
  for (let start = weekStartOf(firstOfMonth); start <= lastOfMonth; start = addDays(start, 7)) weeks.push(start);
  return weeks;
}

export function layoutWeeks<T extends Span>(weekStarts: readonly string[], items: readonly T[]): Week<T>[] {
  // Longer and earlier spans first, so each lane reads left to right.
  const ordered = [...items].sort((a, b) => a.first.localeCompare(b.first) || daysBetween(b.first, b.last) - daysBetween(a.first, a.last) || a.id - b.id);
  return weekStarts.map((start) => {
    const end = addDays(start, 6);
    const lanesTaken: number[][] = [];
    const bars: Bar<T>[] = [];
    for (const item of ordered) {
      if (item.last < start || item.first > end) continue;
      const from = Math.max(0, daysBetween(start, item.first));
      const to = Math.min(6, daysBetween(start, item.last));
      let lane = lanesTaken.findIndex((taken) => taken.every((column) => column < from || column > to));
      if (lane === -1) {
        lane = lanesTaken.length;
        lanesTaken.push([]);
      }
      for (let column = from; column <= to; column += 1) lanesTaken[lane]?.push(column);
      bars.push({ item, from, to, lane, continuesBefore: item.first < start, continuesAfter: item.last > end });
    }
    return { start, days: Array.from({ length: 7 }, (_, i) => addDays(start, i)), bars, lanes: lanesTaken.length };
  });
}

// The promotions calendar: the promotions whose window overlaps a range of local days (bars), and
// the key dates in it — the built-in festivals (key-dates.ts) and the owner's own dates.
import type { Db } from '../db/open.js';
import { createSettingsStore } from '../settings/store.js';
import { notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { addDays, daysBetween, localMidnightUtc } from '../shared/local-time.js';
import type { PromotionRow } from './contract.js';
import { builtInKeyDates } from './key-dates.js';
import { createKeyDatesStore } from './key-dates-store.js';
import type { PromotionService } from './promotion-service.js';

export interface KeyDate {
  id: number | null;
  date: string;
  key: string | null;
  name: string | null;
}

/** A year and a bit: a year view with its edges; longer ranges would list bars nobody can see. */
const maxRangeDays = 400;
/** Bars per calendar answer; a month holding more is not a calendar any more. */
const maxBars = 1000;

export function createCalendarService(db: Db, clock: Clock, promotions: PromotionService) {
  const settings = createSettingsStore(db);
  const keyDates = createKeyDatesStore(db);

  return {
    /** `from` and `to` are local dates in the shop's time zone, both included. */
    calendar(from: string, to: string): { promotions: PromotionRow[]; keyDates: KeyDate[] } {
      const span = daysBetween(from, to);
      if (span < 0) throw validationError('The calendar range ends before it starts.', [{ path: 'to', key: 'rangeInverted', message: 'to: comes before from' }]);
      if (span > maxRangeDays) {
        throw validationError(`The calendar shows at most ${maxRangeDays} days at once.`, [
          { path: 'to', key: 'rangeTooLong', message: `to: at most ${maxRangeDays} days after from`, params: { max: maxRangeDays } },
        ]);
      }
      const timeZone = settings.get()?.timeZone ?? 'UTC';
      const start = localMidnightUtc(from, timeZone).toISOString();
      const end = localMidnightUtc(addDays(to, 1), timeZone).toISOString();
      const { rows } = promotions.list({ from: start, to: end, offset: 0, limit: maxBars });
      const builtIn: KeyDate[] = builtInKeyDates(from, to).map((d) => ({ id: null, date: d.date, key: d.key, name: null }));
      const own: KeyDate[] = keyDates.between(from, to).map((d) => ({ id: d.id, date: d.date, key: null, name: d.name }));
      return { promotions: rows, keyDates: [...builtIn, ...own].sort((a, b) => a.date.localeCompare(b.date)) };
    },
    addKeyDate(date: string, name: string): KeyDate {
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
        throw validationError(`${date} is not a calendar date.`, [{ path: 'date', key: 'localDate', message: `date: ${date} is not a calendar date` }]);
      }
      const row = keyDates.add(date, name.trim(), clock.now().toISOString());
      return { id: row.id, date: row.date, key: null, name: row.name };
    },
    removeKeyDate(id: number): { removed: boolean } {
      if (!keyDates.remove(id)) throw notFound('Key date', id);
      return { removed: true };
    },
  };
}


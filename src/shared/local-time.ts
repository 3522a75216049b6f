// Local calendar dates in the shop's time zone (metrics.md: periods are whole
// local days). SQLite knows only UTC, so bucketing by day happens here.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

// Every zone's dates change at local midnight, which falls on a quarter hour of UTC,
// so the date of an instant is the date of its quarter hour: formatted once, remembered.
const quarterHour = 900_000;
const datesByZone = new Map<string, Map<number, string>>();

/** 'YYYY-MM-DD' of an instant in the given IANA time zone. */
export function localDateOf(instant: string | Date, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const bucket = Math.floor(ms / quarterHour);
  let dates = datesByZone.get(timeZone);
  if (!dates || dates.size > 500_000) datesByZone.set(timeZone, (dates = new Map()));
  let date = dates.get(bucket);
  if (date === undefined) {
    date = formatFor(timeZone).format(new Date(bucket * quarterHour));
    dates.set(bucket, date);
  }
  return date;
}

/** Days between two local dates (b − a), exact because both are calendar dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The local date `days` after (or before, negative) a local date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the ISO week holding a local date. */
export function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The UTC instant at which a local date begins in the time zone (DST-aware). */
export function localMidnightUtc(date: string, timeZone: string): Date {
  return localTimeUtc(date, '00:00:00', timeZone);
}

/** The UTC instant of a local wall-clock time ('HH:mm:ss') on a local date (DST-aware). */
export function localTimeUtc(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}Z`);
  // The zone's offset at a moment: what its wall clock shows minus the real instant.
  const offsetAt = (instant: number): number => {
    const parts = offsetFormatFor(timeZone).formatToParts(new Date(instant));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'), part('second'));
    return wall - instant;
  };
  const first = naive - offsetAt(naive);
  // Once more at the found instant, in case a DST change lies between the guesses.
  return new Date(naive - offsetAt(first));
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

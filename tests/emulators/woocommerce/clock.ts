// The emulator's clock: real time plus an offset tests can advance, formatted the way WooCommerce
// formats dates (one-second precision, no zone suffix), so connectors meet the same
// "two edits in one second look alike" problem the real API has.

export class EmulatorClock {
  private offsetMs = 0;

  /** @param timezoneOffsetMinutes the site's timezone, used for the non-GMT date fields. */
  constructor(readonly timezoneOffsetMinutes = 0) {}

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** The pair of fields WooCommerce writes for one instant: site-local and GMT. */
  stamp(ms = this.nowMs()): { local: string; gmt: string } {
    return { local: formatWooDate(ms + this.timezoneOffsetMinutes * 60_000), gmt: formatWooDate(ms) };
  }
}

export function formatWooDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Milliseconds since the epoch of a WooCommerce date (zone-less means GMT here), truncated to the second. */
export function wooDateMs(value: string): number {
  return Math.floor(Date.parse(`${value}Z`) / 1000) * 1000;
}

/**
 * Parses a `modified_after`-style ISO 8601 value. With an explicit zone (Z or ±hh:mm) it is taken as
 * given; without one it is GMT when `dates_are_gmt` is set, else site-local time, as WooCommerce does.
 * Returns null when the value is not a date.
 */
export function parseQueryDate(value: string, datesAreGmt: boolean, timezoneOffsetMinutes: number): number | null {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(ms)) return null;
  return hasZone || datesAreGmt ? ms : ms - timezoneOffsetMinutes * 60_000;
}

// WooCommerce dates have no zone and one-second precision; the `_gmt` fields are UTC.

/** "2026-12-06T10:00:00" (GMT) → "2026-12-06T10:00:00.000Z". */
export function fromWooGmt(text: string): string {
  return new Date(`${text}Z`).toISOString();
}

/** An ISO instant → the GMT query form, floored to the second (modified_after is strictly after). */
export function toGmtQuery(iso: string, minusSeconds = 0): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 time: ${iso}`);
  return new Date(Math.floor((ms - minusSeconds * 1000) / 1000) * 1000).toISOString().slice(0, 19);
}

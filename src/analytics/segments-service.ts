// RFM segments over a window of local days ending on the as-of date.
import type { Db } from '../db/open.js';
import { addDays, daysBetween, localDateOf } from '../shared/local-time.js';
import type { SegmentCustomer, SegmentSummary } from './contract.js';
import { shopTimeZone, utcRange } from './periods.js';
import { scoreRfm, segmentCodes, type SegmentCode } from './segments.js';
import { createSegmentsStore } from './segments-store.js';

export function createSegmentsService(db: Db) {
  const store = createSegmentsStore(db);
  const timeZone = shopTimeZone(db);
  function score(asOf: string, windowDays: number) {
    const tz = timeZone();
    const [from, to] = utcRange({ from: addDays(asOf, -(windowDays - 1)), to: asOf }, tz);
    const rows = store.window(from, to);
    const scored = scoreRfm(
      rows.map((row) => ({ customerId: row.customerId, recencyDays: daysBetween(localDateOf(row.lastOrderAt, tz), asOf), frequency: row.orders, monetary: row.spend })),
    );
    return { rows, scored };
  }

  return {
    /** Each scored customer's segment as of a day (customers without an order in the window have none). */
    segmentOf(asOf: string, windowDays: number): Map<number, SegmentCode> {
      return new Map(score(asOf, windowDays).scored.map((c) => [c.customerId, c.segment]));
    },
    segments(asOf: string, windowDays: number, segment: SegmentCode | undefined, offset: number, limit: number) {
      const { rows, scored } = score(asOf, windowDays);
      const byId = new Map(rows.map((row) => [row.customerId, row]));
      const summary: SegmentSummary[] = segmentCodes.map((code) => {
        const members = scored.filter((c) => c.segment === code);
        const mean = (pick: (c: (typeof members)[number]) => number) => (members.length === 0 ? null : members.reduce((sum, c) => sum + pick(c), 0) / members.length);
        return {
          segment: code,
          customers: members.length,
          share: scored.length === 0 ? null : members.length / scored.length,
          meanRecencyDays: mean((c) => c.recencyDays),
          meanFrequency: mean((c) => c.frequency),
          meanMonetary: mean((c) => c.monetary),
        };
      });
      const chosen = scored
        .filter((c) => segment === undefined || c.segment === segment)
        .sort((a, b) => b.monetary - a.monetary || a.customerId - b.customerId);
      const customers: SegmentCustomer[] = chosen.slice(offset, offset + limit).map((c) => ({
        customerId: c.customerId,
        email: byId.get(c.customerId)?.email ?? null,
        name: byId.get(c.customerId)?.name ?? '',
        recencyDays: c.recencyDays,
        frequency: c.frequency,
        monetary: c.monetary,
        r: c.r,
        f: c.f,
        m: c.m,
        segment: c.segment,
      }));
      return { asOf, windowDays, scoredCustomers: scored.length, summary, customers, total: chosen.length };
    },
  };
}

// RFM segments over a window of local days ending on the as-of date.
import type { Db } from '../db/open.js';
import { addDays } from '../shared/local-time.js';
import type { SegmentCustomer, SegmentSummary } from './contract.js';
import { localDays } from './customer-days.js';
import { shopTimeZone, utcRange } from './periods.js';
import { scoreRfm, segmentCodes, type RfmScored, type SegmentCode } from './segments.js';
import { createSegmentsStore } from './segments-store.js';

export function createSegmentsService(db: Db) {
  const store = createSegmentsStore(db);
  const timeZone = shopTimeZone(db);
  function score(asOf: string, windowDays: number) {
    const tz = timeZone();
    const first = addDays(asOf, -(windowDays - 1));
    const [from, to] = utcRange({ from: first, to: asOf }, tz);
    const rows = store.window(from, to);
    const days = localDays(first, asOf, tz);
    const scored = scoreRfm(rows.map((row) => ({ customerId: row.customerId, recencyDays: days.daysBefore(row.lastOrderAt, asOf), frequency: row.orders, monetary: row.spend })));
    return { rows, scored };
  }

  return {
    /** Each scored customer's segment as of a day (customers without an order in the window have none). */
    segmentOf(asOf: string, windowDays: number): Map<number, SegmentCode> {
      return new Map(score(asOf, windowDays).scored.map((c) => [c.customerId, c.segment]));
    },
    segments(asOf: string, windowDays: number, segment: SegmentCode | undefined, offset: number, limit: number) {
      const { rows, scored } = score(asOf, windowDays);
      // One pass for the eight summaries.
      const totals = new Map(segmentCodes.map((code) => [code, { customers: 0, recency: 0, frequency: 0, monetary: 0 }]));
      for (const c of scored) {
        const t = totals.get(c.segment);
        if (!t) continue;
        t.customers += 1;
        t.recency += c.recencyDays;
        t.frequency += c.frequency;
        t.monetary += c.monetary;
      }
      const summary: SegmentSummary[] = segmentCodes.map((code) => {
        const t = totals.get(code) ?? { customers: 0, recency: 0, frequency: 0, monetary: 0 };
        const mean = (sum: number) => (t.customers === 0 ? null : sum / t.customers);
        return {
          segment: code,
          customers: t.customers,
          share: scored.length === 0 ? null : t.customers / scored.length,
          meanRecencyDays: mean(t.recency),
          meanFrequency: mean(t.frequency),
          meanMonetary: mean(t.monetary),
        };
      });
      const byId = new Map(rows.map((row) => [row.customerId, row]));
      const chosen = scored.filter((c) => segment === undefined || c.segment === segment);
      const page = topSlice(chosen, offset, limit);
      const customers: SegmentCustomer[] = page.map((c) => ({
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

/** Highest net spend first (ties by customer id), the page [offset, offset + limit). */
function topSlice(chosen: RfmScored[], offset: number, limit: number): RfmScored[] {
  return chosen.sort((a, b) => b.monetary - a.monetary || a.customerId - b.customerId).slice(offset, offset + limit);
}

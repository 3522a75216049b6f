// The audience of a segment campaign (coupon or member price for an RFM segment): the segment's
// customers as of a day, split into treatment (the send list) and a held-out control group by a
// deterministic hash (coupon-codes.ts). Before scheduling it is a preview computed on each call;
// freezeAudience takes it into promotion_audience, after which the stored rows are the audience.
import { shopTimeZone } from '../analytics/periods.js';
import { createSegmentsService } from '../analytics/segments-service.js';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { notFound } from '../shared/app-error.js';
import { localDateOf } from '../shared/local-time.js';
import { createAudienceStore, type AudienceGroup } from './audience-store.js';
import type { AudienceRow } from './coupon-contract.js';
import { inControlGroup } from './coupon-codes.js';
import { createPromotionReader, type StoredPromotion } from './promotion-reader.js';

/** Analytics → Customers' default RFM window, so the audience is the segment the owner saw there. */
export const audienceWindowDays = 365;

/**
 * A preview is the RFM scoring of every customer of the year (seconds on a million order lines),
 * and the page and the export ask for it page after page: it is kept for a few minutes, for the
 * same promotion settings, day and orders (orders added, cancelled or refunded recompute it).
 */
const previewLifetimeMs = 5 * 60_000;

export interface AudienceMember {
  customerId: number;
  inControl: boolean;
}

export interface AudiencePage {
  rows: AudienceRow[];
  total: number;
  treatment: number;
  control: number;
  frozen: boolean;
}

function createAudienceService(db: Db) {
  const store = createAudienceStore(db);
  const reader = createPromotionReader(db);
  const segments = createSegmentsService(db);
  const timeZone = shopTimeZone(db);

  function promotion(promotionId: number): StoredPromotion {
    const found = reader.get(promotionId);
    if (!found) throw notFound('promotion', promotionId);
    return found;
  }

  /** The segment's customers as of the shop-local date of `asOf`, by customer id, each with its group. */
  function compute(found: StoredPromotion, asOf: Date): AudienceMember[] {
    const segment = found.segmentCode;
    if (segment === null) return [];
    const members: AudienceMember[] = [];
    for (const [customerId, code] of segments.segmentOf(localDateOf(asOf, timeZone()), audienceWindowDays)) {
      if (code === segment) members.push({ customerId, inControl: inControlGroup(found.id, customerId, found.controlShareBp) });
    }
    return members.sort((a, b) => a.customerId - b.customerId);
  }

  const previews = new Map<number, { key: string; at: number; members: AudienceMember[] }>();
  function preview(found: StoredPromotion, now: Date): AudienceMember[] {
    const key = [found.segmentCode, found.controlShareBp, localDateOf(now, timeZone()), store.ordersStamp()].join('|');
    const cached = previews.get(found.id);
    if (cached && cached.key === key && Date.now() - cached.at < previewLifetimeMs) return cached.members;
    const members = compute(found, now);
    previews.set(found.id, { key, at: Date.now(), members });
    return members;
  }

  /**
   * Frozen once rows were taken, or once the promotion left draft (a scheduled campaign whose
   * segment was empty that day has no rows, and must not start showing today's customers).
   */
  function isFrozen(found: StoredPromotion): boolean {
    return found.status !== 'draft' || store.counts(found.id).rows > 0;
  }

  const freeze = db.transaction((promotionId: number, asOf: Date) => {
    const found = promotion(promotionId);
    if (found.segmentCode === null) return { treatment: 0, control: 0 };
    // The preview the owner saw, when nothing changed since: what was shown is what is taken.
    const members = preview(found, asOf);
    store.replace(promotionId, members);
    const control = members.filter((m) => m.inControl).length;
    return { treatment: members.length - control, control };
  });

  return {
    freeze: (promotionId: number, asOf: Date) => freeze(promotionId, asOf),

    /** The send list's customers (treatment group): frozen rows when frozen, else today's preview. */
    treatmentCustomers(found: StoredPromotion, now: Date): number[] {
      if (isFrozen(found)) return store.treatmentIds(found.id);
      return preview(found, now)
        .filter((m) => !m.inControl)
        .map((m) => m.customerId);
    },

    page(promotionId: number, group: AudienceGroup, offset: number, limit: number, now: Date): AudiencePage {
      const found = promotion(promotionId);
      if (isFrozen(found)) {
        const { rows, control } = store.counts(promotionId);
        const total = group === 'all' ? rows : group === 'control' ? control : rows - control;
        const page = store.page(promotionId, group, offset, limit).map((r) => ({ ...r, inControl: r.inControl === 1 }));
        return { rows: page, total, treatment: rows - control, control, frozen: true };
      }
      const members = preview(found, now);
      const chosen = members.filter((m) => group === 'all' || m.inControl === (group === 'control'));
      const slice = chosen.slice(offset, offset + limit);
      const ids = slice.map((m) => m.customerId);
      const contacts = new Map(store.contacts(ids).map((c) => [c.customerId, c]));
      const codes = store.codesOf(promotionId, ids);
      const rows = slice.map((m) => {
        const contact = contacts.get(m.customerId);
        return {
          customerId: m.customerId,
          name: contact?.name ?? '',
          email: contact?.email ?? null,
          phone: contact?.phone ?? null,
          inControl: m.inControl,
          code: m.inControl ? null : (codes.get(m.customerId) ?? null),
        };
      });
      const control = members.filter((m) => m.inControl).length;
      return { rows, total: chosen.length, treatment: members.length - control, control, frozen: false };
    },
  };
}

export const audienceServiceFor = perDatabase(createAudienceService);
export type AudienceService = ReturnType<typeof createAudienceService>;

/** Takes the segment's customers as of `asOf` into promotion_audience (treatment / control); no-op without a segment. */
export function freezeAudience(db: Db, promotionId: number, asOf: Date): { treatment: number; control: number } {
  return audienceServiceFor(db).freeze(promotionId, asOf);
}

// Coupon codes of 'coupon' promotions: one shared code, a generated batch of unique codes (or one
// per customer of a segment campaign's send list), the list with uses, removing unused codes.
import type { Clock } from '../shared/clock.js';
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import { audienceServiceFor } from './audience.js';
import type { CouponRow } from './coupon-contract.js';
import { randomCode } from './coupon-codes.js';
import { createCouponStore } from './coupon-store.js';
import { createPromotionReader, type StoredPromotion } from './promotion-reader.js';

export interface GenerateInput {
  promotionId: number;
  count?: number | undefined;
  perCustomer: boolean;
  prefix: string;
  length: number;
}

/** Draws for one code before giving up: only reachable when the prefix's code space is nearly used up. */
const maxDrawsPerCode = 100;

export function createCouponService(db: Db, clock: Clock) {
  const store = createCouponStore(db);
  const reader = createPromotionReader(db);

  /** A coupon promotion that can still get codes. */
  function couponPromotion(promotionId: number): StoredPromotion {
    const found = reader.get(promotionId);
    if (!found) throw notFound('promotion', promotionId);
    if (found.type !== 'coupon') {
      throw new AppError('VALIDATION', `Promotion "${found.name}" is not a coupon promotion; codes belong to coupon promotions only.`, {
        key: 'notCouponPromotion',
        params: { name: found.name },
      });
    }
    if (found.status === 'ended' || found.status === 'cancelled') {
      throw new AppError('VALIDATION', `Promotion "${found.name}" is ${found.status}; it takes no new codes.`, {
        key: 'promotionFinished',
        params: { name: found.name, status: found.status },
      });
    }
    return found;
  }

  const add = db.transaction((promotionId: number, code: string): CouponRow => {
    couponPromotion(promotionId);
    if (!store.insert(promotionId, code, null, clock.now().toISOString())) {
      throw new AppError('CONFLICT', `Code "${code}" is already used by a promotion (codes are compared without case); nothing was added.`, {
        key: 'couponTaken',
        params: { code },
      });
    }
    const added = store.byCode(code);
    const row = added ? store.get(promotionId, added.id) : undefined;
    if (!row) throw new Error(`coupon ${code} not found after insert`);
    return row;
  });

  /**
   * Inserts one fresh random code per owner. A collision with any existing code (the UNIQUE NOCASE
   * index decides, inside this transaction) is drawn again. With 31 characters and the default 8
   * there are 31^8 ≈ 8.5e11 codes per prefix: a 100,000 batch next to 100,000 existing codes
   * expects 1e5 × (1e5 + 1e5 / 2) ÷ 8.5e11 ≈ 0.02 collisions, and even the shortest codes (6:
   * 8.9e8) about 6 redraws in 100,000 — negligible for speed, but never for correctness: two
   * customers holding one code would break per-customer limits and attribution.
   */
  function insertFresh(promotionId: number, owners: readonly (number | null)[], prefix: string, length: number): number {
    const createdAt = clock.now().toISOString();
    for (const owner of owners) {
      let draws = 0;
      while (!store.insert(promotionId, randomCode(prefix, length), owner, createdAt)) {
        draws += 1;
        if (draws >= maxDrawsPerCode) {
          throw new AppError('CONFLICT', `Codes with prefix "${prefix}" and ${length} characters are nearly all taken; use a longer code or another prefix. Nothing was generated.`, {
            key: 'couponSpaceExhausted',
            params: { prefix, length },
          });
        }
      }
    }
    return owners.length;
  }

  const generate = db.transaction((input: GenerateInput): { generated: number; total: number } => {
    const found = couponPromotion(input.promotionId);
    // One entry per code to make: a customer id (per-customer codes; `count` does not apply, the
    // send list decides) or null (a batch of `count` codes anyone may use).
    let owners: (number | null)[];
    if (input.perCustomer) {
      if (found.segmentCode === null) {
        throw new AppError('VALIDATION', `Promotion "${found.name}" has no customer segment; codes per customer need one.`, {
          key: 'couponNoSegment',
          params: { name: found.name },
        });
      }
      const issued = store.customersWithCode(found.id);
      owners = audienceServiceFor(db)
        .treatmentCustomers(found, clock.now())
        .filter((id) => !issued.has(id));
    } else {
      if (input.count === undefined) {
        throw new AppError('VALIDATION', 'How many codes to generate is missing; nothing was generated.', {
          key: 'validation',
          issues: [{ path: 'count', key: 'required', message: 'count: required' }],
        });
      }
      owners = new Array<null>(input.count).fill(null);
    }
    const generated = insertFresh(found.id, owners, input.prefix, input.length);
    return { generated, total: store.count(found.id) };
  });

  return {
    add: (promotionId: number, code: string) => add(promotionId, code),
    generate: (input: GenerateInput) => generate(input),
    list(promotionId: number, search: string | undefined, offset: number, limit: number) {
      if (!reader.get(promotionId)) throw notFound('promotion', promotionId);
      const page = store.page(promotionId, search ?? null, offset, limit);
      return { rows: page.rows, total: page.total, usesTotal: page.usesTotal };
    },
    /** Draft or scheduled only: once it runs, codes may have been sent out and must keep working. */
    removeUnused(promotionId: number): { removed: number } {
      const found = reader.get(promotionId);
      if (!found) throw notFound('promotion', promotionId);
      if (found.status !== 'draft' && found.status !== 'scheduled') {
        throw new AppError('VALIDATION', `Promotion "${found.name}" has started; its codes may have been sent and are kept.`, {
          key: 'promotionStarted',
          params: { name: found.name, status: found.status },
        });
      }
      return { removed: store.removeUnused(promotionId) };
    },
  };
}
export type CouponService = ReturnType<typeof createCouponService>;

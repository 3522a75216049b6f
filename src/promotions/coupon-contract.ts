// Coupons of a 'coupon' promotion and the audience of segment campaigns (issue 15): a single
// code or a generated batch of unique codes (exported to send), how often each was used, and the
// segment's customers split deterministically into the send list and a held-out control group.
// Pure (zod + types).
import { z } from 'zod';

const int = z.number().int();
const id = int.positive();
const promotionRef = z.object({ promotionId: id });
const paging = { offset: int.min(0).default(0), limit: int.min(1).max(1000).default(100) };

/** Letters and digits without look-alikes (no 0/O, 1/I/L), so a code read aloud or retyped still works. */
export const couponAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code a person types: letters, digits, '-' and '_'; stored as typed, matched case-insensitively. */
export const couponCodeSchema = z
  .string()
  .trim()
  .min(3, 'couponTooShort')
  .max(40, 'couponTooLong')
  .regex(/^[A-Za-z0-9_-]+$/, 'couponCharacters');

export const couponRowSchema = z.object({
  id: int,
  code: z.string(),
  /** The customer it was issued to (segment campaigns), else null. */
  customerId: int.nullable(),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  /** Non-cancelled orders that used it. */
  uses: int,
  createdAt: z.string(),
});
export type CouponRow = z.infer<typeof couponRowSchema>;

export const audienceRowSchema = z.object({
  customerId: int,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  inControl: z.boolean(),
  /** The code issued to this customer (send list), null for the control group. */
  code: z.string().nullable(),
});
export type AudienceRow = z.infer<typeof audienceRowSchema>;

export const couponContract = {
  /** Add one shared code (e.g. SUMMER20); refused with CONFLICT 'couponTaken' when any promotion has it. */
  'coupons.add': {
    input: promotionRef.extend({ code: couponCodeSchema }),
    output: couponRowSchema,
  },
  /**
   * A batch of unique codes (prefix + random letters/digits from couponAlphabet), never equal to
   * an existing code. With perCustomer (segment campaigns) one code per customer of the send list.
   */
  'coupons.generate': {
    input: promotionRef.extend({
      count: int.min(1).max(100_000).optional(),
      perCustomer: z.boolean().default(false),
      prefix: z.string().trim().max(12).regex(/^[A-Za-z0-9_-]*$/, 'couponCharacters').default(''),
      length: int.min(6).max(20).default(8),
    }),
    output: z.object({ generated: int, total: int }),
  },
  'coupons.list': {
    input: promotionRef.extend({ search: z.string().max(40).optional(), ...paging }),
    output: z.object({ rows: z.array(couponRowSchema), total: int, usesTotal: int }),
  },
  /** Remove codes nobody used yet (a draft's batch made by mistake). */
  'coupons.removeUnused': { input: promotionRef, output: z.object({ removed: int }) },
  /**
   * The segment's customers as of today, split into treatment (send list) and control by a hash of
   * (promotion, customer) against the promotion's control share: the same customer always lands
   * in the same group. Taken (frozen) when the campaign is scheduled; before that, a preview.
   */
  'promotions.audience': {
    input: promotionRef.extend({ group: z.enum(['all', 'treatment', 'control']).default('all'), ...paging }),
    output: z.object({
      rows: z.array(audienceRowSchema),
      total: int,
      treatment: int,
      control: int,
      frozen: z.boolean(),
    }),
  },
} as const;

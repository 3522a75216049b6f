// Promotions, planning side (issue 15): create and edit promotions, the calendar with the shop's
// key dates, the conflict finder and margin guard, schedule / cancel, margin floors. Pure (zod +
// types), imported by the renderer. Simulation and evaluation: insight-contract.ts; coupons and
// segment audiences: coupon-contract.ts.
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';
import { keyedTextSchema } from '../alerts/contract.js';
import { segmentCodeSchema } from '../analytics/contract.js';
import {
  promotionChannelsSchema,
  promotionRuleSchema,
  promotionStatusSchema,
  promotionTargetsSchema,
  promotionTypeSchema,
  stackingSchema,
} from './rules.js';

const int = z.number().int();
const id = int.positive();
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');
const promotionRef = z.object({ promotionId: id });
const basisPoints = int.min(-10_000).max(10_000);

/** What a person fills in; the window is UTC (the editor converts from the shop's time zone). */
export const promotionFieldsSchema = z.object({
  name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  startsAt: instant,
  endsAt: instant,
  stacking: stackingSchema.default('exclusive'),
  priority: int.min(0).max(10_000).default(100),
  targets: promotionTargetsSchema.default({ scope: 'shop' }),
  channels: promotionChannelsSchema.default('all'),
  rule: promotionRuleSchema,
  /** Coupon campaigns and member prices: the RFM segment (Analytics → Customers) it is for. */
  segmentCode: segmentCodeSchema.nullable().default(null),
  /** Share of a segment campaign's customers held out as a control group (0 – 50 %). */
  controlShareBp: int.min(0).max(5000).default(0),
  /** Expected uplift the owner assumes when there is no comparable past promotion (100 = +1 %). */
  upliftAssumptionBp: int.min(-10_000).max(100_000).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
export type PromotionFields = z.infer<typeof promotionFieldsSchema>;

/**
 * The fields an update changes: the same checks without defaults, so a field left out stays as
 * it is (zod's .partial() would still fill the defaults in and quietly reset them).
 */
export const promotionPatchSchema = z
  .object({
    name: promotionFieldsSchema.shape.name,
    startsAt: instant,
    endsAt: instant,
    stacking: stackingSchema,
    priority: int.min(0).max(10_000),
    targets: promotionTargetsSchema,
    channels: promotionChannelsSchema,
    rule: promotionRuleSchema,
    segmentCode: segmentCodeSchema.nullable(),
    controlShareBp: int.min(0).max(5000),
    upliftAssumptionBp: int.min(-10_000).max(100_000).nullable(),
    note: z.string().max(2000).nullable(),
  })
  .partial();
export type PromotionPatch = z.infer<typeof promotionPatchSchema>;

/** How a promotion goes out to one channel: as a sale price, or not (and why, as a reason key). */
export const channelPushSchema = z.object({
  channelId: int,
  channelName: z.string(),
  pushed: z.boolean(),
  /** promotions.push.<key>, e.g. 'notPushedType' ("满减 tiers are not pushed to Shopify"). */
  reason: keyedTextSchema.nullable(),
});

export const promotionRowSchema = z.object({
  id: int,
  name: z.string(),
  type: promotionTypeSchema,
  status: promotionStatusSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  stacking: stackingSchema,
  priority: int,
  /** Channel names ('all' = every channel). */
  channels: z.union([z.literal('all'), z.array(z.object({ id: int, name: z.string() }))]),
  /** Variants it applies to now (resolved from its targets). */
  variantCount: int,
  segmentCode: segmentCodeSchema.nullable(),
  overrideReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PromotionRow = z.infer<typeof promotionRowSchema>;

export const promotionDetailSchema = promotionRowSchema.extend({
  rule: promotionRuleSchema,
  targets: promotionTargetsSchema,
  /** Each target with what a person calls it (product title, SKU, category path, tag). */
  targetLabels: z.array(z.object({ kind: z.string(), id: int, label: z.string() })),
  /** The variants its rule names (gift, catalog bundle, components) with SKU and product title. */
  ruleVariants: z.array(z.object({ variantId: int, sku: z.string(), title: z.string() })),
  controlShareBp: int,
  upliftAssumptionBp: int.nullable(),
  note: z.string().nullable(),
  overrideBy: z.string().nullable(),
  overrideAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Per linked channel in scope: pushed as a sale price, or "not pushed to <channel>" and why. */
  push: z.array(channelPushSchema),
  /** Whether History can still undo its last change set (nothing has run yet). */
  editable: z.boolean(),
});
export type PromotionDetail = z.infer<typeof promotionDetailSchema>;

/** One way a customer can meet promotions on a SKU, with the price they pay per unit. */
export const priceComboSchema = z.object({
  promotionIds: z.array(int),
  /** Effective unit price after these promotions, in stacking order, rounded to the minor unit. */
  unitPrice: int,
  /** (price − cost − channel fee) ÷ price, basis points; null when the variant has no cost. */
  marginBp: costFigure(int.nullable()),
  floorBp: int,
  belowFloor: z.boolean(),
});

export const conflictRowSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  regularPrice: int,
  cost: costFigure(int.nullable()),
  /** The other promotions that overlap this one on this SKU in time. */
  otherPromotions: z.array(z.object({ id: int, name: z.string(), stacking: stackingSchema, priority: int })),
  combos: z.array(priceComboSchema),
});

export const marginBreachSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  regularPrice: int,
  unitPrice: int,
  cost: costFigure(int),
  /** Channel fee counted (minor units per unit), the highest of the channels in scope. */
  fee: int,
  marginBp: costFigure(int),
  floorBp: int,
  promotionIds: z.array(int),
});

export const checkResultSchema = z.object({
  variantCount: int,
  /** SKUs on which another promotion applies at the same time. */
  conflictCount: int,
  conflicts: z.array(conflictRowSchema),
  /** SKUs whose effective price (alone or in any combination) is below their margin floor. */
  breachCount: int,
  breaches: z.array(marginBreachSchema),
  /** SKUs without a cost: their margin cannot be checked (listed, not refused). */
  noCostCount: int,
  /** Lists are capped (most negative margin first); counts are complete. */
  truncated: z.boolean(),
  /** Checkout-only types (tiers, BOGO…) are checked at their deepest discount per unit. */
  note: keyedTextSchema.nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const keyDateSchema = z.object({
  /** null for the built-in festivals (computed, not stored). */
  id: int.nullable(),
  date: localDate,
  /** Built-ins: a key under promotions.keyDate.<key>; owner's dates: their own name. */
  key: z.string().nullable(),
  name: z.string().nullable(),
});

export const promotionSettingsSchema = z.object({
  minMarginBp: basisPoints,
  categoryFloors: z.array(z.object({ categoryId: int, categoryName: z.string(), minMarginBp: basisPoints })),
  /** Each channel's fee (commission) as a share of the price; null = not known, counted as none. */
  channelFees: z.array(z.object({ channelId: int, channelName: z.string(), feeBp: int.nullable() })),
});

export const promotionsContract = {
  'promotions.list': {
    input: z.object({
      status: z.array(promotionStatusSchema).optional(),
      /** Promotions whose window overlaps [from, to) (UTC instants). */
      from: instant.optional(),
      to: instant.optional(),
      search: z.string().max(200).optional(),
      offset: int.min(0).default(0),
      limit: int.min(1).max(1000).default(200),
    }),
    output: z.object({ rows: z.array(promotionRowSchema), total: int }),
  },
  'promotions.get': { input: promotionRef, output: promotionDetailSchema },
  /** A new draft (a change set in History, undoable). */
  'promotions.create': { input: promotionFieldsSchema, output: promotionDetailSchema },
  /** Change a draft or scheduled promotion (a running one: only its end and name). */
  'promotions.update': {
    input: promotionRef.extend({ fields: promotionPatchSchema }),
    output: promotionDetailSchema,
  },
  /** Delete a draft (a change set; undo brings it back). */
  'promotions.remove': { input: promotionRef, output: z.object({ removed: z.boolean() }) },
  /** Conflicts and margin guard for a saved promotion, or for unsaved fields (the editor, as you type). */
  'promotions.check': {
    input: z.union([promotionRef, z.object({ fields: promotionFieldsSchema, promotionId: id.optional() })]),
    output: checkResultSchema,
  },
  /**
   * draft -> scheduled (running at once when its start has passed). Refused with CONFLICT
   * (key 'belowMarginFloor' {count, name}, an issue per breaching SKU; promotions.check gives the
   * full table) when a SKU would sell below its floor, unless overrideReason states why; the
   * override is recorded in History.
   */
  'promotions.schedule': {
    input: promotionRef.extend({ overrideReason: z.string().trim().min(3, 'reasonTooShort').max(500).optional() }),
    output: promotionDetailSchema,
  },
  /** Back to draft (only before it starts). */
  'promotions.unschedule': { input: promotionRef, output: promotionDetailSchema },
  /** Stop it now (or before it starts): its sale prices are removed, channels get the regular price back. */
  'promotions.cancel': { input: promotionRef, output: promotionDetailSchema },
  /** Promotions overlapping the window as bars, and the key dates in it. */
  'promotions.calendar': {
    input: z.object({ from: localDate, to: localDate }),
    output: z.object({ promotions: z.array(promotionRowSchema), keyDates: z.array(keyDateSchema) }),
  },
  'promotions.keyDates.add': {
    input: z.object({ date: localDate, name: z.string().trim().min(1, 'required').max(80, 'tooLong') }),
    output: keyDateSchema,
  },
  'promotions.keyDates.remove': { input: z.object({ id }), output: z.object({ removed: z.boolean() }) },
  'promotions.settings.get': { input: z.object({}), output: promotionSettingsSchema },
  'promotions.settings.update': {
    input: z.object({
      minMarginBp: basisPoints.optional(),
      /** Replaces the per-category floors given (minMarginBp null removes that category's floor). */
      categoryFloors: z.array(z.object({ categoryId: id, minMarginBp: basisPoints.nullable() })).max(1000).optional(),
      /** Sets each given channel's fee (null: not known). */
      channelFees: z.array(z.object({ channelId: id, feeBp: int.min(0).max(10_000).nullable() })).max(1000).optional(),
    }),
    output: promotionSettingsSchema,
  },
} as const;

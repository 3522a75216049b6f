// What each promotion type means: its rule (stored as JSON in promotions.rule, validated with
// these schemas on every write and every read) and the names a person sees (the renderer's i18n
// has the en / zh-CN names under promotions.type.<type>). Pure (zod + types): the renderer imports it.
// Money is in minor units; percentages are basis points (10 % = 1000), so 1/3 off never drifts.
import { z } from 'zod';
import { limits, unitMoneySchema } from '../shared/bounds.js';

const int = z.number().int();
const money = int.min(0).max(limits.money, 'moneyTooLarge');
/** One unit's price. */
const unitPrice = unitMoneySchema;
const positiveMoney = int.min(1).max(limits.money, 'moneyTooLarge');
/** A share off: above 0, at most 100 %. */
const percentOff = int.min(1, 'percentTooSmall').max(10_000, 'percentTooLarge');
const quantity = int.min(1).max(limits.quantity, 'quantityTooLarge');
const id = int.positive();

export const promotionTypes = [
  'percent_off',
  'amount_off',
  'fixed_price',
  'spend_tiers',
  'quantity_tiers',
  'buy_x_get_y',
  'bundle_price',
  'gift_with_purchase',
  'flash_sale',
  'coupon',
  'member_price',
] as const;
export const promotionTypeSchema = z.enum(promotionTypes);
export type PromotionType = z.infer<typeof promotionTypeSchema>;

/**
 * Types that set one unit price per SKU, so they become a sale price on the Products grid and on
 * the channels (compare-at = the regular price). The others apply at checkout only.
 */
export const priceSettingTypes: readonly PromotionType[] = ['percent_off', 'amount_off', 'fixed_price', 'flash_sale'];

/** Tiers ascending by threshold; the highest tier reached applies (not cumulative). */
function ascending<T>(key: (tier: T) => number) {
  return (tiers: readonly T[]): boolean => tiers.every((tier, i) => i === 0 || key(tier) > key(tiers[i - 1] as T));
}

const spendTier = z.object({ minSpend: positiveMoney, amountOff: positiveMoney });
const quantityTier = z.object({ minQuantity: int.min(2).max(1000), percentOffBp: percentOff });

/** A unit price for a flash sale: a fixed price or a share off the regular price. */
const flashPrice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), price: unitPrice }),
  z.object({ kind: z.literal('percent'), percentOffBp: percentOff }),
]);

const couponDiscount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percentOffBp: percentOff }),
  z.object({ kind: z.literal('amount'), amountOff: positiveMoney }),
]);

export const ruleSchemas = {
  /** Every targeted unit costs this share less. */
  percent_off: z.object({ type: z.literal('percent_off'), percentOffBp: percentOff }),
  /** Every targeted unit costs this amount less (never below 0). */
  amount_off: z.object({ type: z.literal('amount_off'), amountOff: positiveMoney }),
  /** Every targeted unit sells at this price. */
  fixed_price: z.object({ type: z.literal('fixed_price'), price: unitPrice }),
  /** 满减: spend (on targeted items, after unit discounts) at least minSpend, get amountOff off the basket. */
  spend_tiers: z.object({
    type: z.literal('spend_tiers'),
    tiers: z.array(spendTier).min(1).max(10).refine(ascending((t: z.infer<typeof spendTier>) => t.minSpend), 'tiersNotAscending'),
  }),
  /** 满件折: buy at least minQuantity targeted units, all of them get percentOffBp off. */
  quantity_tiers: z.object({
    type: z.literal('quantity_tiers'),
    tiers: z.array(quantityTier).min(1).max(10).refine(ascending((t: z.infer<typeof quantityTier>) => t.minQuantity), 'tiersNotAscending'),
  }),
  /**
   * 买X送Y / 第二件半价: of every buyQuantity + getQuantity targeted units, the getQuantity
   * cheapest get getPercentOffBp off (10000 = free). Always the cheapest: stated in the UI.
   */
  buy_x_get_y: z.object({
    type: z.literal('buy_x_get_y'),
    buyQuantity: int.min(1).max(100),
    getQuantity: int.min(1).max(100),
    getPercentOffBp: percentOff,
  }),
  /**
   * 组合价: these components together for `price`. bundleVariantId names a catalog bundle whose
   * components are taken (and kept) from bundle_components; otherwise the components are listed.
   */
  bundle_price: z.object({
    type: z.literal('bundle_price'),
    bundleVariantId: id.nullable().default(null),
    components: z.array(z.object({ variantId: id, quantity })).max(50).default([]),
    price: money,
  }),
  /** 满赠: spend at least minSpend on targeted items, get giftQuantity of the gift SKU free while its stock lasts. */
  gift_with_purchase: z.object({
    type: z.literal('gift_with_purchase'),
    minSpend: positiveMoney,
    giftVariantId: id,
    giftQuantity: quantity.default(1),
    /** Units of the gift set aside for the promotion (counted in stock cover and its cost). */
    reserveQuantity: int.min(0).max(limits.quantity, 'quantityTooLarge').default(0),
  }),
  /** 限时秒杀: a price for a short window, with a units cap per SKU and per customer (null = none). */
  flash_sale: z.object({
    type: z.literal('flash_sale'),
    salePrice: flashPrice,
    perSkuCap: quantity.nullable().default(null),
    perCustomerCap: quantity.nullable().default(null),
  }),
  /** A coupon: codes in coupon_codes; limits on uses; a minimum spend; optionally a segment's customers. */
  coupon: z.object({
    type: z.literal('coupon'),
    discount: couponDiscount,
    minSpend: money.default(0),
    /** Uses of all codes together (null = unlimited). */
    usageLimit: int.min(1).max(10_000_000).nullable().default(null),
    perCustomerLimit: int.min(1).max(1000).nullable().default(1),
  }),
  /** 会员价: customers of promotions.segment_code pay this share less on targeted items. */
  member_price: z.object({ type: z.literal('member_price'), percentOffBp: percentOff }),
} as const;

export const promotionRuleSchema = z.discriminatedUnion('type', [
  ruleSchemas.percent_off,
  ruleSchemas.amount_off,
  ruleSchemas.fixed_price,
  ruleSchemas.spend_tiers,
  ruleSchemas.quantity_tiers,
  ruleSchemas.buy_x_get_y,
  ruleSchemas.bundle_price,
  ruleSchemas.gift_with_purchase,
  ruleSchemas.flash_sale,
  ruleSchemas.coupon,
  ruleSchemas.member_price,
]);
export type PromotionRule = z.infer<typeof promotionRuleSchema>;
export type RuleOf<T extends PromotionType> = Extract<PromotionRule, { type: T }>;

export const promotionStatusSchema = z.enum(['draft', 'scheduled', 'running', 'ended', 'cancelled']);
export type PromotionStatus = z.infer<typeof promotionStatusSchema>;

export const stackingSchema = z.enum(['exclusive', 'stackable']);
export type Stacking = z.infer<typeof stackingSchema>;

export const targetKindSchema = z.enum(['product', 'variant', 'category', 'tag']);
export type TargetKind = z.infer<typeof targetKindSchema>;

/** 'shop': every variant; otherwise the listed products / variants / categories (with subcategories) / tags. */
export const promotionTargetsSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('shop') }),
  z.object({
    scope: z.literal('targets'),
    items: z.array(z.object({ kind: targetKindSchema, id })).min(1, 'targetsRequired').max(10_000),
  }),
]);
export type PromotionTargets = z.infer<typeof promotionTargetsSchema>;

/** 'all': every channel and orders entered in Shopdesk; otherwise only these channels. */
export const promotionChannelsSchema = z.union([z.literal('all'), z.array(id).min(1, 'channelsRequired').max(100)]);
export type PromotionChannels = z.infer<typeof promotionChannelsSchema>;

// The promotion editor's form as typed (numbers as text, the window on the
// shop's wall clock), and its conversion to the core's PromotionFields:
// money to minor units, percentages to basis points, the window to UTC. A
// number that does not read (its field says why) makes the whole form unsendable.
import type { PromotionDetail, PromotionFields } from '../../../../src/promotions/contract.js';
import type { PromotionRule, PromotionType, Stacking, TargetKind } from './types.js';
import type { NumberInput, NumberRule } from '../../components/number-field.js';
import { currencyFractionDigits, majorToMinor, minorToMajor } from '../../i18n/format.js';
import { utcOfWallClock, wallClockOf } from './promotion-texts.js';

export interface PickedVariant {
  variantId: number;
  sku: string;
  title: string;
}

export interface TargetItem {
  kind: TargetKind;
  id: number;
  label: string;
}

export interface EditorState {
  name: string;
  type: PromotionType;
  percent: string;
  amount: string;
  price: string;
  spendTiers: { minSpend: string; amountOff: string }[];
  quantityTiers: { minQuantity: string; percent: string }[];
  buyQuantity: string;
  getQuantity: string;
  getPercent: string;
  bundleMode: 'catalog' | 'components';
  bundleVariant: PickedVariant | null;
  components: (PickedVariant & { quantity: string })[];
  minSpend: string;
  giftVariant: PickedVariant | null;
  giftQuantity: string;
  reserveQuantity: string;
  flashKind: 'fixed' | 'percent';
  perSkuCap: string;
  perCustomerCap: string;
  couponKind: 'percent' | 'amount';
  usageLimit: string;
  perCustomerLimit: string;
  scope: 'shop' | 'targets';
  targets: TargetItem[];
  channels: 'all' | number[];
  startsAt: string;
  endsAt: string;
  stacking: Stacking;
  priority: string;
  segmentCode: string;
  controlShare: string;
  uplift: string;
  note: string;
}

/** Types whose rule is for a customer segment (the segment and control group fields show). */
export const segmentTypes: readonly PromotionType[] = ['coupon', 'member_price'];

/** A fresh form: tomorrow 00:00 to a week later on the shop's wall clock. */
export function emptyState(timeZone: string, now = new Date()): EditorState {
  const day = (offset: number) => wallClockOf(new Date(now.getTime() + offset * 86_400_000).toISOString(), timeZone).slice(0, 10);
  return {
    name: '',
    type: 'percent_off',
    percent: '',
    amount: '',
    price: '',
    spendTiers: [{ minSpend: '', amountOff: '' }],
    quantityTiers: [{ minQuantity: '2', percent: '' }],
    buyQuantity: '1',
    getQuantity: '1',
    getPercent: '50',
    bundleMode: 'components',
    bundleVariant: null,
    components: [],
    minSpend: '',
    giftVariant: null,
    giftQuantity: '1',
    reserveQuantity: '0',
    flashKind: 'fixed',
    perSkuCap: '',
    perCustomerCap: '',
    couponKind: 'percent',
    usageLimit: '',
    perCustomerLimit: '1',
    scope: 'shop',
    targets: [],
    channels: 'all',
    startsAt: `${day(1)}T00:00`,
    endsAt: `${day(8)}T00:00`,
    stacking: 'exclusive',
    priority: '100',
    segmentCode: '',
    controlShare: '0',
    uplift: '',
    note: '',
  };
}

/** The rules each typed number is checked against (shared by the fields and the conversion). */
export function numberRules(currency: string): Record<'money' | 'percent' | 'count' | 'optionalCount' | 'tierQuantity' | 'priority' | 'share' | 'uplift', NumberRule> {
  const decimals = currencyFractionDigits(currency);
  return {
    money: { required: true, min: 0, decimals },
    percent: { required: true, min: 0.01, max: 100, decimals: 2 },
    count: { required: true, integer: true, min: 1 },
    optionalCount: { integer: true, min: 1 },
    tierQuantity: { required: true, integer: true, min: 2, max: 1000 },
    priority: { required: true, integer: true, min: 0, max: 10_000 },
    share: { required: true, min: 0, max: 50, decimals: 2 },
    uplift: { min: -100, max: 1000, decimals: 2 },
  };
}

class Unreadable extends Error {}

/** The PromotionFields the form stands for, or null while a number in it does not read. */
export function toFields(state: EditorState, numbers: NumberInput, currency: string, timeZone: string): PromotionFields | null {
  const rules = numberRules(currency);
  const read = (text: string, rule: NumberRule): number | null => {
    const check = numbers.check(text, rule);
    if (!check.ok) throw new Unreadable();
    return check.value;
  };
  const need = (text: string, rule: NumberRule): number => {
    const value = read(text, { ...rule, required: true });
    if (value === null) throw new Unreadable();
    return value;
  };
  const money = (text: string) => majorToMinor(need(text, rules.money), currency);
  const bp = (text: string) => Math.round(need(text, rules.percent) * 100);
  const count = (text: string) => need(text, rules.count);
  const optionalCount = (text: string) => read(text, rules.optionalCount);
  try {
    const startsAt = utcOfWallClock(state.startsAt, timeZone);
    const endsAt = utcOfWallClock(state.endsAt, timeZone);
    if (!startsAt || !endsAt) return null;
    const uplift = read(state.uplift, rules.uplift);
    const segment = segmentTypes.includes(state.type) && state.segmentCode !== '' ? state.segmentCode : null;
    return {
      name: state.name,
      startsAt,
      endsAt,
      stacking: state.stacking,
      priority: need(state.priority, rules.priority),
      targets: state.scope === 'shop' ? { scope: 'shop' } : { scope: 'targets', items: state.targets.map(({ kind, id }) => ({ kind, id })) },
      channels: state.channels,
      rule: ruleOf(state, { money, bp, count, optionalCount }),
      segmentCode: segment as PromotionFields['segmentCode'],
      controlShareBp: segment ? Math.round(need(state.controlShare, rules.share) * 100) : 0,
      upliftAssumptionBp: uplift === null ? null : Math.round(uplift * 100),
      note: state.note.trim() === '' ? null : state.note,
    };
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

interface Readers {
  money(text: string): number;
  bp(text: string): number;
  count(text: string): number;
  optionalCount(text: string): number | null;
}

function ruleOf(state: EditorState, r: Readers): PromotionRule {
  switch (state.type) {
    case 'percent_off':
      return { type: 'percent_off', percentOffBp: r.bp(state.percent) };
    case 'member_price':
      return { type: 'member_price', percentOffBp: r.bp(state.percent) };
    case 'amount_off':
      return { type: 'amount_off', amountOff: r.money(state.amount) };
    case 'fixed_price':
      return { type: 'fixed_price', price: r.money(state.price) };
    case 'spend_tiers':
      return { type: 'spend_tiers', tiers: state.spendTiers.map((tier) => ({ minSpend: r.money(tier.minSpend), amountOff: r.money(tier.amountOff) })) };
    case 'quantity_tiers':
      return { type: 'quantity_tiers', tiers: state.quantityTiers.map((tier) => ({ minQuantity: r.count(tier.minQuantity), percentOffBp: r.bp(tier.percent) })) };
    case 'buy_x_get_y':
      return { type: 'buy_x_get_y', buyQuantity: r.count(state.buyQuantity), getQuantity: r.count(state.getQuantity), getPercentOffBp: r.bp(state.getPercent) };
    case 'bundle_price':
      return {
        type: 'bundle_price',
        bundleVariantId: state.bundleMode === 'catalog' ? (state.bundleVariant?.variantId ?? null) : null,
        components: state.bundleMode === 'components' ? state.components.map((c) => ({ variantId: c.variantId, quantity: r.count(c.quantity) })) : [],
        price: r.money(state.price),
      };
    case 'gift_with_purchase':
      return {
        type: 'gift_with_purchase',
        minSpend: r.money(state.minSpend),
        // 0 is no variant: the core names the missing gift on its field.
        giftVariantId: state.giftVariant?.variantId ?? 0,
        giftQuantity: r.count(state.giftQuantity),
        reserveQuantity: r.optionalCount(state.reserveQuantity === '0' ? '' : state.reserveQuantity) ?? 0,
      };
    case 'flash_sale':
      return {
        type: 'flash_sale',
        salePrice: state.flashKind === 'fixed' ? { kind: 'fixed', price: r.money(state.price) } : { kind: 'percent', percentOffBp: r.bp(state.percent) },
        perSkuCap: r.optionalCount(state.perSkuCap),
        perCustomerCap: r.optionalCount(state.perCustomerCap),
      };
    case 'coupon':
      return {
        type: 'coupon',
        discount: state.couponKind === 'percent' ? { kind: 'percent', percentOffBp: r.bp(state.percent) } : { kind: 'amount', amountOff: r.money(state.amount) },
        minSpend: state.minSpend.trim() === '' ? 0 : r.money(state.minSpend),
        usageLimit: r.optionalCount(state.usageLimit),
        perCustomerLimit: r.optionalCount(state.perCustomerLimit),
      };
  }
}

/** The form of a saved promotion, numbers written the shop's way. */
export function stateOf(detail: PromotionDetail, numbers: NumberInput, currency: string, timeZone: string): EditorState {
  const base = emptyState(timeZone);
  const money = (minor: number) => numbers.write(minorToMajor(minor, currency), currencyFractionDigits(currency));
  const pct = (bp: number) => numbers.write(bp / 100);
  const labelOf = (kind: string, id: number) => detail.targetLabels.find((l) => l.kind === kind && l.id === id)?.label ?? `#${id}`;
  const state: EditorState = {
    ...base,
    name: detail.name,
    type: detail.rule.type,
    scope: detail.targets.scope,
    targets: detail.targets.scope === 'targets' ? detail.targets.items.map((item) => ({ ...item, label: labelOf(item.kind, item.id) })) : [],
    channels: detail.channels === 'all' ? 'all' : detail.channels.map((c) => c.id),
    startsAt: wallClockOf(detail.startsAt, timeZone),
    endsAt: wallClockOf(detail.endsAt, timeZone),
    stacking: detail.stacking,
    priority: String(detail.priority),
    segmentCode: detail.segmentCode ?? '',
    controlShare: pct(detail.controlShareBp),
    uplift: detail.upliftAssumptionBp === null ? '' : pct(detail.upliftAssumptionBp),
    note: detail.note ?? '',
  };
  const rule = detail.rule;
  const variant = (variantId: number): PickedVariant => detail.ruleVariants.find((v) => v.variantId === variantId) ?? { variantId, sku: `#${variantId}`, title: '' };
  switch (rule.type) {
    case 'percent_off':
    case 'member_price':
      return { ...state, percent: pct(rule.percentOffBp) };
    case 'amount_off':
      return { ...state, amount: money(rule.amountOff) };
    case 'fixed_price':
      return { ...state, price: money(rule.price) };
    case 'spend_tiers':
      return { ...state, spendTiers: rule.tiers.map((tier) => ({ minSpend: money(tier.minSpend), amountOff: money(tier.amountOff) })) };
    case 'quantity_tiers':
      return { ...state, quantityTiers: rule.tiers.map((tier) => ({ minQuantity: String(tier.minQuantity), percent: pct(tier.percentOffBp) })) };
    case 'buy_x_get_y':
      return { ...state, buyQuantity: String(rule.buyQuantity), getQuantity: String(rule.getQuantity), getPercent: pct(rule.getPercentOffBp) };
    case 'bundle_price':
      return {
        ...state,
        price: money(rule.price),
        bundleMode: rule.bundleVariantId ? 'catalog' : 'components',
        bundleVariant: rule.bundleVariantId ? variant(rule.bundleVariantId) : null,
        components: rule.components.map((c) => ({ ...variant(c.variantId), quantity: String(c.quantity) })),
      };
    case 'gift_with_purchase':
      return { ...state, minSpend: money(rule.minSpend), giftVariant: variant(rule.giftVariantId), giftQuantity: String(rule.giftQuantity), reserveQuantity: String(rule.reserveQuantity) };
    case 'flash_sale':
      return {
        ...state,
        flashKind: rule.salePrice.kind,
        price: rule.salePrice.kind === 'fixed' ? money(rule.salePrice.price) : '',
        percent: rule.salePrice.kind === 'percent' ? pct(rule.salePrice.percentOffBp) : '',
        perSkuCap: rule.perSkuCap === null ? '' : String(rule.perSkuCap),
        perCustomerCap: rule.perCustomerCap === null ? '' : String(rule.perCustomerCap),
      };
    case 'coupon':
      return {
        ...state,
        couponKind: rule.discount.kind,
        percent: rule.discount.kind === 'percent' ? pct(rule.discount.percentOffBp) : '',
        amount: rule.discount.kind === 'amount' ? money(rule.discount.amountOff) : '',
        minSpend: rule.minSpend === 0 ? '' : money(rule.minSpend),
        usageLimit: rule.usageLimit === null ? '' : String(rule.usageLimit),
        perCustomerLimit: rule.perCustomerLimit === null ? '' : String(rule.perCustomerLimit),
      };
  }
}

/** JSON with sorted keys, so two equal rules compare equal whatever order their keys were written in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/**
 * Only what the person changed, for promotions.update: a running promotion refuses changes to
 * its rule or start, and a window re-read from the wall clock would lose the saved instant's
 * seconds — an untouched start or end keeps its saved instant by not being sent.
 */
export function changedFields(fields: PromotionFields, detail: PromotionDetail, initial: EditorState, state: EditorState): Partial<PromotionFields> {
  const saved: Omit<PromotionFields, 'startsAt' | 'endsAt'> = {
    name: detail.name,
    stacking: detail.stacking,
    priority: detail.priority,
    targets: detail.targets,
    channels: detail.channels === 'all' ? 'all' : detail.channels.map((c) => c.id),
    rule: detail.rule,
    segmentCode: detail.segmentCode,
    controlShareBp: detail.controlShareBp,
    upliftAssumptionBp: detail.upliftAssumptionBp,
    note: detail.note,
  };
  const changed: Partial<PromotionFields> = {};
  for (const key of Object.keys(saved) as (keyof typeof saved)[]) {
    if (stable(fields[key]) !== stable(saved[key])) Object.assign(changed, { [key]: fields[key] });
  }
  if (state.startsAt !== initial.startsAt) changed.startsAt = fields.startsAt;
  if (state.endsAt !== initial.endsAt) changed.endsAt = fields.endsAt;
  return changed;
}

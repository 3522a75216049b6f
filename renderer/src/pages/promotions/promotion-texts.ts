// Words and formats the Promotions pages share: a type's name and one-line
// explanation, a status's name, a window in the shop's time zone, a percentage
// from basis points, and the local wall clock of an instant (the editor's
// date-time fields are in the shop's time zone; the core stores UTC).
import type { KeyedText } from '../../../../src/alerts/contract.js';
import type { PromotionRule, PromotionStatus, PromotionType } from './types.js';
import { localTimeUtc } from '../../../../src/shared/local-time.js';
import type { I18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { isMessageKey } from '../../i18n/translate.js';
import type { Locale } from '../../../../src/settings/contract.js';

export const statusColors: Record<PromotionStatus, string> = {
  draft: '#98a2b3',
  scheduled: '#2e90fa',
  running: '#12b76a',
  ended: '#7a5af8',
  cancelled: '#f04438',
};

export function typeName(t: I18n['t'], type: PromotionType): string {
  return t(`promotions.type.${type}` as MessageKey);
}

export function typeHint(t: I18n['t'], type: PromotionType): string {
  return t(`promotions.typeHint.${type}` as MessageKey);
}

export function statusName(t: I18n['t'], status: PromotionStatus): string {
  return t(`promotions.status.${status}` as MessageKey);
}

/** 1250 bp → "12.5%" in the UI language. */
export function formatBp(bp: number | null, locale: Locale): string {
  if (bp === null) return '—';
  return `${formatNumber(Math.round(bp) / 100, locale)}%`;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DDTHH:mm' of an instant on the wall clock of `timeZone` (what a datetime-local input holds). */
export function wallClockOf(iso: string, timeZone: string): string {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A datetime-local value read on the shop's wall clock → the UTC instant the core takes; null when incomplete. */
export function utcOfWallClock(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return null;
  const instant = localTimeUtc(match[1] as string, `${match[2] as string}:00`, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** "6 Dec 2026, 10:00 – 8 Dec 2026, 23:59" in the shop's time zone. */
export function formatWindow(startsAt: string, endsAt: string, locale: Locale, timeZone: string): string {
  const format = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
    } catch {
      return iso;
    }
  };
  return `${format(startsAt)} – ${format(endsAt)}`;
}

/**
 * The window as a list reads it: whole days as dates only, the last day being the one before an
 * end at midnight (as the calendar draws it) — "Jun 1, 2025 – Jun 18, 2025"; other times with the time.
 */
export function formatWindowShort(startsAt: string, endsAt: string, locale: Locale, timeZone: string): string {
  const part = (iso: string, end: boolean): string => {
    const wall = wallClockOf(iso, timeZone);
    const midnight = wall.endsWith('T00:00');
    const shown = midnight && end ? new Date(Date.parse(iso) - 1).toISOString() : iso;
    const options: Intl.DateTimeFormatOptions = midnight ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone };
    try {
      return new Intl.DateTimeFormat(locale, options).format(new Date(shown));
    } catch {
      return iso;
    }
  };
  return `${part(startsAt, false)} – ${part(endsAt, true)}`;
}

/** A keyed text from the core (push reasons, check notes) in the UI language; a type param reads as its name. */
export function keyedText(text: KeyedText, i18n: Pick<I18n, 't' | 'tKey'>, prefix: string, fallback: MessageKey): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  const type = params.type;
  if (typeof type === 'string' && isMessageKey(`promotions.type.${type}`)) params.type = i18n.t(`promotions.type.${type}` as MessageKey);
  const key = isMessageKey(text.key) ? text.key : `${prefix}${text.key}`;
  return i18n.tKey(key, fallback, params);
}

/** One line saying what the rule gives, e.g. "Spend ¥200 get ¥20 off · Spend ¥300 get ¥40 off". */
export function ruleSummary(rule: PromotionRule, t: I18n['t'], locale: Locale, currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const pct = (bp: number) => formatBp(bp, locale);
  switch (rule.type) {
    case 'percent_off':
    case 'member_price':
      return t('promotions.summary.percentOff', { percent: pct(rule.percentOffBp) });
    case 'amount_off':
      return t('promotions.summary.amountOff', { amount: money(rule.amountOff) });
    case 'fixed_price':
      return t('promotions.summary.fixedPrice', { price: money(rule.price) });
    case 'spend_tiers':
      return rule.tiers.map((tier) => t('promotions.summary.spendTier', { spend: money(tier.minSpend), off: money(tier.amountOff) })).join(' · ');
    case 'quantity_tiers':
      return rule.tiers.map((tier) => t('promotions.summary.quantityTier', { quantity: formatNumber(tier.minQuantity, locale), percent: pct(tier.percentOffBp) })).join(' · ');
    case 'buy_x_get_y':
      return t('promotions.summary.bogo', { buy: formatNumber(rule.buyQuantity, locale), get: formatNumber(rule.getQuantity, locale), percent: pct(rule.getPercentOffBp) });
    case 'bundle_price':
      return t('promotions.summary.bundle', { price: money(rule.price), count: formatNumber(rule.components.length, locale) });
    case 'gift_with_purchase':
      return t('promotions.summary.gift', { spend: money(rule.minSpend), quantity: formatNumber(rule.giftQuantity, locale) });
    case 'flash_sale':
      return rule.salePrice.kind === 'fixed'
        ? t('promotions.summary.flashPrice', { price: money(rule.salePrice.price) })
        : t('promotions.summary.percentOff', { percent: pct(rule.salePrice.percentOffBp) });
    case 'coupon':
      return rule.discount.kind === 'percent'
        ? t('promotions.summary.couponPercent', { percent: pct(rule.discount.percentOffBp), spend: money(rule.minSpend) })
        : t('promotions.summary.couponAmount', { amount: money(rule.discount.amountOff), spend: money(rule.minSpend) });
  }
}

// The confirmation before a receipt is posted, built from the core's preview
// (purchaseOrders.previewReceipt): which lines, how many units and what value
// go where, what stays outstanding, and every unit cost the receipt moves —
// old → new, large changes (beyond the shop's threshold) first and marked, so
// a wrong exchange rate is seen before it rewrites costs. Pure, for tests.
import type { MethodOutput } from '../../../../src/contract.js';
import type { ReceiptPreview } from '../../../../src/purchasing/contract.js';
import type { Locale } from '../../../../src/settings/contract.js';
import { isLargePriceChange } from '../../../../src/shared/price-change.js';
import type { ConfirmRequest } from '../../components/confirm.js';
import type { I18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

type Po = MethodOutput<'purchaseOrders.get'>;

/** A relative change as a person reads it: "+12.5 %" / "−82 %". */
export function changeText(before: number, after: number, locale: Locale): string {
  if (before === 0) return '';
  const change = (after - before) / Math.abs(before);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change);
}

export function receiptConfirmRequest(args: {
  preview: ReceiptPreview;
  po: Po;
  location: string;
  thresholdPercent: number;
  i18n: Pick<I18n, 't' | 'locale'>;
}): ConfirmRequest {
  const { preview, po, thresholdPercent } = args;
  const { t, locale } = args.i18n;
  const n = (value: number) => formatNumber(value, locale);
  const shopMoney = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, preview.shopCurrency, locale));

  const receivedNow = new Map(preview.lines.map((line) => [line.lineId, line.quantity]));
  const left = po.lines.map((line) => Math.max(line.outstanding - (receivedNow.get(line.id) ?? 0), 0)).filter((units) => units > 0);
  const over = preview.lines.filter((line) => line.over).length;
  const moved = preview.lines
    .filter((line) => line.costAfter !== null && line.costAfter !== line.costBefore)
    .map((line) => ({ line, large: isLargePriceChange(line.costBefore, line.costAfter, thresholdPercent) }))
    // Large changes first: the dialog shows a dozen rows, and those are the ones to check.
    .sort((a, b) => Number(b.large) - Number(a.large));
  const large = moved.filter((change) => change.large).length;

  const lines = [t('receive.confirm.units', { units: n(preview.units), value: shopMoney(preview.value), location: args.location })];
  if (preview.currency !== preview.shopCurrency && preview.exchangeRate !== null) {
    lines.push(
      t('receive.confirm.foreign', {
        rate: new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(preview.exchangeRate),
        shop: preview.shopCurrency,
        currency: preview.currency,
        orderValue: formatMoney(preview.orderValue, preview.currency, locale),
        value: shopMoney(preview.value),
      }),
    );
  }
  lines.push(
    left.length > 0
      ? t('receive.confirm.rest', { lines: n(left.length), units: n(left.reduce((sum, units) => sum + units, 0)) })
      : t('receive.confirm.complete'),
  );
  if (over > 0) lines.push(t('receive.confirm.over', { count: n(over) }));
  // A person without costs.view gets the preview with every cost blanked (null): say nothing about costs then.
  const costsShown = preview.lines.every((line) => (line.unitCost as number | null) !== null);
  if (costsShown) lines.push(moved.length > 0 ? t('receive.confirm.costs') : t('receive.confirm.noCostChange'));
  if (large > 0) lines.push(t('receive.confirm.large', { count: n(large), percent: n(thresholdPercent) }));

  return {
    title: t('receive.confirm.title', { lines: n(preview.lines.length), number: preview.number }),
    lines,
    changes: moved.map(({ line, large: isLarge }) => {
      const change = line.costBefore === null || line.costAfter === null ? '' : changeText(line.costBefore, line.costAfter, locale);
      return {
        label: t('receive.confirm.costLabel', { sku: line.sku }),
        before: shopMoney(line.costBefore),
        after: shopMoney(line.costAfter),
        ...(isLarge ? { note: t('receive.confirm.largeNote', { change }) } : change ? { note: change } : {}),
      };
    }),
    confirmLabel: t('receive.confirm.ok', { units: n(preview.units) }),
  };
}

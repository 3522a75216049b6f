// The confirmation before a bulk action is applied, from the core's preview
// (variants.bulkPreview): how many variants (or products) it changes and how,
// and the price changes beyond the shop's threshold with old → new values (or,
// when none is that large, the first few). Pure, for tests.
import type { BulkPreview, BulkPriceRow } from '../../../../src/catalog/bulk-contract.js';
import type { MethodInput } from '../../../../src/contract.js';
import type { ConfirmRequest } from '../../components/confirm.js';
import type { I18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { changeText } from '../purchasing/receipt-confirm.js';

type Action = MethodInput<'variants.bulkAction'>['action'];
type I18nParts = Pick<I18n, 't' | 'locale'>;

/** How a price action reads: "+10 %, rounded up to .99". */
export function priceHow(action: Extract<Action, { kind: 'priceChange' }>, currency: string, { t, locale }: I18nParts): string {
  const amount =
    action.mode === 'percent'
      ? t('bulkConfirm.percent', { value: new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(action.value) })
      : `${action.value > 0 ? '+' : ''}${formatMoney(action.value, currency, locale)}`;
  const rounding = action.rounding ?? 'none';
  if (rounding === 'none') return amount;
  const ending = rounding === 'whole' ? t('bulk.round.whole') : rounding;
  return `${amount}, ${t(`bulkConfirm.round.${action.direction ?? 'nearest'}`, { ending })}`;
}

export function priceRowLabel(row: BulkPriceRow): string {
  return [row.sku, row.title, row.options].filter(Boolean).join(' · ');
}

export function bulkConfirmRequest(args: {
  preview: BulkPreview;
  action: Action;
  currency: string;
  /** Names the action refers to by id (the category path, the supplier). */
  names: { category: string; supplier: string };
  i18n: I18nParts;
}): ConfirmRequest {
  const { preview, action, currency } = args;
  const { t, locale } = args.i18n;
  const n = (value: number) => formatNumber(value, locale);
  const counts = { matched: n(preview.matched), products: n(preview.products), changing: n(preview.changing ?? preview.matched) };
  const lines: string[] = [];
  let changes: ConfirmRequest['changes'];
  switch (action.kind) {
    case 'priceChange': {
      const field = t(action.field === 'compareAtPrice' ? 'columns.compareAtPrice' : 'columns.price');
      lines.push(t('bulkConfirm.price', { ...counts, field, how: priceHow(action, currency, args.i18n) }));
      if (preview.largeCount > 0) lines.push(t('bulkConfirm.large', { count: n(preview.largeCount), percent: n(preview.thresholdPercent) }));
      const rows = preview.largeCount > 0 ? preview.largeChanges : preview.samples;
      changes = rows.map((row) => ({
        label: priceRowLabel(row),
        before: formatMoney(row.before, currency, locale),
        after: formatMoney(row.after, currency, locale),
        note: changeText(row.before, row.after, locale),
      }));
      break;
    }
    case 'setStatus':
      lines.push(t('bulkConfirm.status', { ...counts, status: t(`status.${action.status}`) }));
      break;
    case 'addTag':
      lines.push(t('bulkConfirm.addTag', { ...counts, tag: action.tag }));
      break;
    case 'removeTag':
      lines.push(t('bulkConfirm.removeTag', { ...counts, tag: action.tag }));
      break;
    case 'setCategory':
      lines.push(t('bulkConfirm.category', { ...counts, category: args.names.category }));
      break;
    case 'setSupplier':
      lines.push(t('bulkConfirm.supplier', { ...counts, supplier: args.names.supplier }));
      break;
  }
  lines.push(t('bulkConfirm.undo'));
  return {
    title: t('bulkConfirm.title', { count: n(preview.matched) }),
    lines,
    ...(changes && changes.length > 0 ? { changes } : {}),
    confirmLabel: t('bulkConfirm.ok', { count: n(preview.matched) }),
  };
}

// The confirmation before an import is applied: the preview's counts (create /
// update / unchanged / skipped / errors), what is written and how (all or
// nothing, or the valid rows only), where, and the price and cost changes
// beyond the shop's threshold with old → new values. Pure, for tests.
import type { ImportSession } from '../../../../src/spreadsheets/contract.js';
import type { ConfirmRequest } from '../../components/confirm.js';
import type { I18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { changeText } from '../purchasing/receipt-confirm.js';
import { fieldLabel } from './import-labels.js';

export function importConfirmRequest(args: {
  session: ImportSession;
  mode: 'all' | 'validOnly';
  currency: string;
  thresholdPercent: number;
  i18n: Pick<I18n, 't' | 'locale'>;
}): ConfirmRequest {
  const { session, mode, currency } = args;
  const { t, locale } = args.i18n;
  const n = (value: number) => formatNumber(value, locale);
  const { counts } = session;
  const rows = counts.create + counts.update;
  const lines = [
    t('importConfirm.counts', { create: n(counts.create), update: n(counts.update), unchanged: n(counts.unchanged), skip: n(counts.skip), error: n(counts.error) }),
    mode === 'validOnly' ? t('importConfirm.validOnly', { error: n(counts.error), rows: n(rows) }) : t('importConfirm.all', { rows: n(rows) }),
    t('importConfirm.target', { target: t(`imports.target.${session.target}`) }),
  ];
  if (session.largePriceChangeCount > 0) {
    lines.push(t('importConfirm.large', { count: n(session.largePriceChangeCount), percent: n(args.thresholdPercent) }));
  }
  lines.push(t('importConfirm.undo'));
  const changes = session.largePriceChanges.map((change) => ({
    label: t('importConfirm.row', { row: change.row, key: change.key, field: fieldLabel(t, locale, session.fields, change.field) }),
    before: formatMoney(change.before, currency, locale),
    after: formatMoney(change.after, currency, locale),
    note: changeText(change.before, change.after, locale),
  }));
  return {
    title: t('importConfirm.title', { file: session.fileName }),
    lines,
    ...(changes.length > 0 ? { changes } : {}),
    confirmLabel: t('importConfirm.ok', { rows: n(rows) }),
  };
}

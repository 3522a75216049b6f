// One History entry's changes, read like the screens that made them: the thing
// changed and its field by name in the UI language, money in the shop currency,
// statuses translated (the stored values are table and column names and raw values).
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../src/contract.js';
import type { ChangeItemView as ChangeItem, ChangeValue } from '../../../src/history/contract.js';
import { useShop } from '../app/shop-context.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { isMessageKey, type Params } from '../i18n/translate.js';
import { formatMoney, formatNumber } from '../i18n/format.js';
import { useRecordTexts } from '../i18n/record-texts.js';

type Detail = MethodOutput<'history.get'>;

/** Variant columns whose values are money in the shop currency (integer minor units). */
const variantMoney: ReadonlySet<string> = new Set(['price', 'compare_at_price', 'cost']);

/** A dictionary text, or the stored name itself when this build has no words for it. */
function named(t: I18n['t'], key: string, raw: string, params?: Params): string {
  return isMessageKey(key) ? t(key, params) : raw;
}

function fieldName(item: ChangeItem, t: I18n['t']): string {
  if (item.entity === 'product_tags') return t('history.field.tag', { id: item.field });
  const location = /^location:(\d+)$/.exec(item.field);
  if (location) return t('history.field.location', { id: location[1] ?? '' });
  return named(t, `history.field.${item.field}`, item.field);
}

export function HistoryDetail({ detail }: { detail: Detail }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const records = useRecordTexts();
  const value = (item: ChangeItem, v: ChangeValue): string => {
    if (v === null) return t('history.value.none');
    if (typeof v === 'boolean') return t(v ? 'history.value.true' : 'history.value.false');
    if (typeof v === 'number') {
      return item.entity === 'variants' && variantMoney.has(item.field) ? formatMoney(v, settings.currency, locale) : formatNumber(v, locale);
    }
    return item.field === 'status' ? named(t, `status.${v}`, v) : v;
  };
  return (
    <div className="card" data-testid="history-detail">
      <h2>{t('history.detailsOf', { summary: records.summary(detail.changeSet) })}</h2>
      {detail.totalItems > detail.items.length ? (
        <p className="muted small">{t('history.more', { shown: formatNumber(detail.items.length, locale), total: formatNumber(detail.totalItems, locale) })}</p>
      ) : null}
      <table className="table">
        <tbody>
          {detail.items.map((item, i) => (
            <tr key={i}>
              <td>
                {named(t, `history.entity.${item.entity}`, item.entity)}{' '}
                <span className="cell-mono">{item.label ?? `#${item.entityId}`}</span>
              </td>
              <td>{fieldName(item, t)}</td>
              <td>
                {value(item, item.before)} → {value(item, item.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

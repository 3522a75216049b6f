// Undo of a change set says what it will put back before it does: how many
// values on how many records, from when, which fields, and the records it
// created that go away. History asks every time; the Products page's Undo
// (button and Ctrl+Z) asks only for a large set, so undoing one typed cell
// stays one keystroke.
import { useCallback } from 'react';
import type { ChangeItem } from '../../../src/history/contract.js';
import { call } from '../api/client.js';
import { useShop } from '../app/shop-context.js';
import { useConfirm } from '../components/confirm.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useRecordTexts } from '../i18n/record-texts.js';
import { isMessageKey } from '../i18n/translate.js';

/** Change sets with more values than this ask before the Products page undoes them. */
export const largeUndoItems = 20;
/** Items read to describe the set; the count of changes is always exact (totalItems). */
const describedItems = 5000;
/** change_set_items.field of an item recording that the set created the row (src/history/store.ts). */
const createdRow = '$row';
const shownFields = 6;

function fieldLabel(item: ChangeItem, t: I18n['t']): string {
  if (item.entity === 'product_tags') return t('undoConfirm.field.tags');
  if (item.field.startsWith('location:')) return t('undoConfirm.field.stock');
  const key = `history.field.${item.field}`;
  return isMessageKey(key) ? t(key) : t('undoConfirm.field.other');
}

export function useUndoConfirm(): (changeSetId: number, ask: 'always' | 'large') => Promise<boolean> {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const records = useRecordTexts();
  const confirm = useConfirm();
  return useCallback(
    async (changeSetId, ask) => {
      const detail = await call('history.get', { changeSetId, limit: describedItems });
      if (ask === 'large' && detail.totalItems <= largeUndoItems) return true;
      const n = (value: number) => formatNumber(value, locale);
      const created = detail.items.filter((item) => item.field === createdRow);
      const changed = detail.items.filter((item) => item.field !== createdRow);
      const touched = new Set(changed.map((item) => `${item.entity}:${item.entityId}`));
      const fields = [...new Set(changed.map((item) => fieldLabel(item, t)))];
      const when = formatDateTime(detail.changeSet.createdAt, locale, settings.timeZone);
      const values = detail.totalItems - created.length;
      const lines = values > 0 ? [t('undoConfirm.count', { count: n(values), records: n(touched.size), when })] : [];
      if (fields.length > 0) lines.push(t('undoConfirm.fields', { fields: fields.slice(0, shownFields).join(locale === 'zh-CN' ? '、' : ', ') }));
      if (created.length > 0) lines.push(t('undoConfirm.created', { count: n(created.length) }));
      lines.push(t('undoConfirm.refused'));
      return confirm({
        title: t('undoConfirm.title', { summary: records.summary(detail.changeSet) }),
        lines,
        confirmLabel: t('undoConfirm.ok', { count: n(detail.totalItems) }),
      });
    },
    [t, locale, settings.timeZone, records, confirm],
  );
}

// The one way a restore starts in the UI (the list, a chosen file, the
// damaged-file banner): a confirmation naming the backup (shop, date, counts)
// and what it replaces (the shop open now), then backups.restore. The core
// backs the current shop up first and announces shop.changed, so every view
// reloads from the restored shop.
import { useCallback } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useConfirm } from '../../components/confirm.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';

export type Inspection = MethodOutput<'backups.inspect'>;
export type CurrentShop = MethodOutput<'backups.list'>['current'];

/** Inspects `path` (or takes an inspection already made), confirms, restores; true when restored. */
export function useRestore(): (source: string | Inspection, current: CurrentShop) => Promise<boolean> {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const confirm = useConfirm();
  const { showError, showSuccess } = useToasts();
  return useCallback(
    async (source, current) => {
      try {
        const inspection = typeof source === 'string' ? await call('backups.inspect', { path: source }) : source;
        const lines = [
          t('backups.restoreWhat', {
            name: inspection.shopName ?? t('backups.unknownShop'),
            date: formatDateTime(inspection.createdAt, locale, settings.timeZone),
            products: formatNumber(inspection.counts.products, locale),
            orders: formatNumber(inspection.counts.orders, locale),
          }),
        ];
        if (current) {
          lines.push(
            t('backups.restoreReplaces', {
              current: current.shopName ?? t('backups.unknownShop'),
              products: formatNumber(current.counts.products, locale),
              orders: formatNumber(current.counts.orders, locale),
            }),
          );
        }
        if (inspection.schemaVersion < inspection.appSchemaVersion) lines.push(t('backups.restoreUpgrade'));
        const confirmed = await confirm({ title: t('backups.restoreTitle'), lines, confirmLabel: t('backups.restoreConfirm'), danger: true });
        if (!confirmed) return false;
        await call('backups.restore', { path: inspection.path });
        showSuccess('backups.restored');
        return true;
      } catch (error) {
        showError(error);
        return false;
      }
    },
    [t, locale, settings.timeZone, confirm, showError, showSuccess],
  );
}

// Shown app-wide while the shop file is damaged (health.status): what happened,
// since when, and the way out — restore the newest good backup — as one button.
// Re-reads on every shop or data change, and after a failed call that named the damage.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../i18n/format.js';
import { useRestore } from './use-restore.js';

type Status = MethodOutput<'health.status'>;

export function DamagedBanner(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const restore = useRestore();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  // A banner must never stand in the way: a failed read leaves it hidden.
  const load = useCallback(() => call('health.status', {}).then(setStatus, () => undefined), []);
  useEffect(() => {
    void load();
    const offShop = onEvent('shop.changed', () => void load());
    const offData = onEvent('data.changed', () => void load());
    const every = window.setInterval(() => void load(), 60_000);
    return () => {
      offShop();
      offData();
      window.clearInterval(every);
    };
  }, [load]);

  if (status?.health.state !== 'damaged') return null;
  const newest = status.newestGoodBackup;
  const restoreNewest = async () => {
    if (!newest) return;
    setBusy(true);
    try {
      const current = (await call('backups.list', {})).current;
      if (await restore(newest.path, current)) await load();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="note damaged-banner" role="alert" data-testid="damaged-banner">
      <strong>{t('health.damagedTitle')}</strong>{' '}
      <span>{t('health.damagedBody', { since: formatDateTime(status.health.since, locale, settings.timeZone) })}</span>{' '}
      {newest ? (
        <>
          <span>{t('health.wayOut', { date: formatDateTime(newest.createdAt, locale, settings.timeZone) })}</span>{' '}
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void restoreNewest()} data-testid="damaged-restore">
            {busy ? t('backups.restoring') : t('health.restoreNewest')}
          </button>
        </>
      ) : (
        <span>{t('health.noBackup')}</span>
      )}
      <details>
        <summary>{t('health.detail')}</summary>
        <pre className="small">{status.health.detail}</pre>
      </details>
    </div>
  );
}

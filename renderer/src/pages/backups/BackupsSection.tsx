// Settings → Backups: the backups in the folder (time, kind, size, counts, the
// check's result) with Restore on each, Backup now, Export whole shop (a
// download, or a path on this computer), restore from any file (uploaded in a
// browser, or a path), and the folder and bulk-edit threshold settings.
// Self-contained: the Settings page mounts it as a section.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { defaultBackupSettings } from '../../../../src/backup/contract.js';
import type { MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { readFileBase64, saveFile } from '../../api/files.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { RestoreFromFile } from './RestoreFromFile.js';
import { useRestore } from './use-restore.js';

type Listing = MethodOutput<'backups.list'>;

export function BackupsSection(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const restore = useRestore();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState<'backup' | 'export' | 'restore' | 'settings' | null>(null);
  const [folder, setFolder] = useState('');
  const [threshold, setThreshold] = useState('');
  const [exportPath, setExportPath] = useState('');

  const load = useCallback(
    () =>
      call('backups.list', {}).then((next) => {
        setListing(next);
        setFolder(next.settings.folder ?? '');
        setThreshold(String(next.settings.bulkEditThreshold));
      }, showError),
    [showError],
  );
  useEffect(() => {
    void load();
    return onEvent('shop.changed', () => void load());
  }, [load]);

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await work();
      await load();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const backupNow = () => run('backup', async () => {
    await call('backups.create', {});
    showSuccess('backups.made');
  });
  const exportShop = (path?: string) => run('export', async () => {
    const result = await call('backups.exportShop', path ? { path } : {});
    if (result.file) saveFile(result.file);
    else showSuccess('backups.exported');
  });
  const saveSettings = () => run('settings', async () => {
    const rows = Number.parseInt(threshold, 10);
    await call('backups.settings.update', { folder: folder.trim() === '' ? null : folder.trim(), ...(Number.isFinite(rows) ? { bulkEditThreshold: rows } : {}) });
    showSuccess('backups.folderSaved');
  });
  const restoreFrom = async (source: Parameters<typeof restore>[0]) => {
    setBusy('restore');
    try {
      if (await restore(source, listing?.current ?? null)) await load();
    } finally {
      setBusy(null);
    }
  };
  const uploadAndRestore = async (file: File) => {
    setBusy('restore');
    try {
      const inspection = await call('backups.upload', { fileName: file.name, contentBase64: await readFileBase64(file) });
      setBusy(null);
      await restoreFrom(inspection);
    } catch (error) {
      showError(error);
      setBusy(null);
    }
  };
  const megabytes = (bytes: number) => t('backups.size.mb', { value: formatNumber(Math.round((bytes / 1_048_576) * 10) / 10, locale) });

  return (
    <section className="card settings-card" data-testid="backups-section" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="muted small how">{t('backups.how', { ...(listing?.settings.keep ?? defaultBackupSettings.keep) })}</p>
      <div className="toolbar" style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void backupNow()} data-testid="backups-now">
          {busy === 'backup' ? t('backups.working') : t('backups.now')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void exportShop()} title={t('backups.exportHint')} data-testid="backups-export">
          {busy === 'export' ? t('backups.exporting') : t('backups.export')}
        </button>
        <label className="field">
          <span>{t('backups.exportPath')}</span>
          <input value={exportPath} onChange={(e) => setExportPath(e.target.value)} placeholder="/home/me/shop-export.db" data-testid="backups-export-path" data-i18n-skip />
        </label>
        <button type="button" className="button" disabled={busy !== null || exportPath.trim() === ''} onClick={() => void exportShop(exportPath.trim())} data-testid="backups-export-to-path">
          {t('backups.exportToPath')}
        </button>
      </div>
      <p className="muted small">{t('backups.exportHint')}</p>

      {listing === null ? (
        <PanelSkeleton lines={4} />
      ) : listing.backups.length === 0 ? (
        <EmptyState title={t('backups.title')} hint={t('backups.empty')} testId="backups-empty" />
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="backups-table">
            <thead>
              <tr>
                <th>{t('backups.col.time')}</th>
                <th>{t('backups.col.reason')}</th>
                <th className="num">{t('backups.col.size')}</th>
                <th className="num">{t('backups.col.counts')}</th>
                <th>{t('backups.col.check')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((backup) => (
                <tr key={backup.id} data-testid={`backup-${backup.id}`} title={backup.path}>
                  <td>{formatDateTime(backup.createdAt, locale, settings.timeZone)}</td>
                  <td>{t(`backups.reason.${backup.reason}`)}</td>
                  <td className="num">{megabytes(backup.sizeBytes)}</td>
                  <td className="num">
                    {formatNumber(backup.counts.products, locale)} / {formatNumber(backup.counts.orders, locale)}
                  </td>
                  <td className={backup.check === 'ok' ? '' : 'error-text'} title={backup.checkDetail ?? undefined}>
                    {t(`backups.check.${backup.check}`)}
                  </td>
                  <td>
                    <button type="button" className="button" disabled={busy !== null || backup.check !== 'ok'} onClick={() => void restoreFrom(backup.path)} data-testid={`backup-restore-${backup.id}`}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <RestoreFromFile disabled={busy !== null} onFile={(file) => void uploadAndRestore(file)} onPath={(path) => void restoreFrom(path)} />

      <div className="fields">
        <label className="field">
          <span>{t('backups.folder')}</span>
          <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={listing?.settings.resolvedFolder ?? ''} data-testid="backups-folder" data-i18n-skip />
          <span className="muted small">{t('backups.folderHint')}</span>
        </label>
        <label className="field">
          <span>{t('backups.threshold')}</span>
          <span>
            <input type="number" min={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} style={{ width: '10em' }} data-testid="backups-threshold" />{' '}
            {t('backups.thresholdRows')}
          </span>
        </label>
      </div>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void saveSettings()} data-testid="backups-settings-save">
          {t('backups.folderSave')}
        </button>
      </div>
    </section>
  );
}

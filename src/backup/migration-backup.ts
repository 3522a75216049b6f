// The backup before a database upgrade. It runs while the shop opens, before
// anything else may use the file, so it is synchronous: VACUUM INTO a
// `.partial`, integrity_check on the copy, fsync, rename — the same steps and
// the same folder and sidecar as every other backup, so it is listed and
// restorable like them. A copy that fails its check stops the upgrade: an
// upgrade without a good way back is not started.
import { statSync } from 'node:fs';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { environmentError } from '../shared/env-errors.js';
import { backupFileName, ensureFolder, freeBackupPath, fsyncFile, partialSuffix, publishBackup, removeQuietly } from './backup-files.js';
import { backupFolderOf } from './backup-settings-store.js';
import { checkFileNow } from './check-worker.js';
import { copyShopNow, openCopy, readShopFacts, settleCopy } from './shop-copy-store.js';

/** Backs up the shop at `dbPath` (open as `db`) before migrations; answers the backup's path. */
export function backupBeforeMigration(db: Db, dbPath: string, clock: Clock): string {
  const folder = backupFolderOf(dbPath);
  const at = clock.now();
  let partial = '';
  try {
    ensureFolder(folder);
    const finalPath = freeBackupPath(folder, backupFileName(dbPath, at, 'beforeMigration'));
    partial = `${finalPath}${partialSuffix}`;
    copyShopNow(db, partial);
    const copy = openCopy(partial, { readonly: false });
    let facts: ReturnType<typeof readShopFacts>;
    try {
      settleCopy(copy);
      facts = readShopFacts(copy);
    } finally {
      copy.close();
    }
    const checked = checkFileNow(partial, 'integrity_check');
    if (!checked.ok) {
      throw new AppError('MIGRATION_FAILED', `The backup before the database upgrade failed its check (${checked.detail.split('\n')[0]}); the upgrade was not started and the database was left unchanged.`, {
        key: 'migrationFailed',
        params: { migration: 'backup', reason: checked.detail.slice(0, 300) },
      });
    }
    fsyncFile(partial);
    const sizeBytes = statSync(partial).size;
    publishBackup(partial, finalPath, {
      format: 'shopdesk-backup/1',
      shopName: facts?.shopName ?? null,
      createdAt: at.toISOString(),
      reason: 'beforeMigration',
      schemaVersion: facts?.schemaVersion ?? 0,
      counts: facts?.counts ?? { products: 0, variants: 0, orders: 0 },
      sizeBytes,
      check: 'ok',
      checkDetail: null,
    });
    return finalPath;
  } catch (error) {
    if (partial) removeQuietly(partial);
    throw environmentError(error) ?? error;
  }
}

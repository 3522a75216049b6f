// Reading a backup, putting it back, and exporting the whole shop. A backup is
// judged by what the file holds, never by its name: it must be a Shopdesk shop,
// not newer than this Shopdesk, and pass quick_check. A restore backs up the
// current shop first (reason beforeRestore), stages the backup beside the shop,
// upgrades it there when older, and only then replaces the live shop's content
// in one step of SQLite's backup API — the live connection stays open and reads
// the restored shop at once; a failure before that step leaves the shop as it was.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { migrate, type Migration } from '../db/migrate.js';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { environmentError } from '../shared/env-errors.js';
import { backupMetaOf, ensureFolder, freeBackupPath, partialSuffix, removeQuietly } from './backup-files.js';
import { backupBefore, countsOf, dbPathOf, makeVerifiedCopy } from './backup-service.js';
import { backupFolderOf } from './backup-settings-store.js';
import { checkFile } from './check-worker.js';
import { downloadLimitBytes, type BackupEntry, type Inspection, type ShopCounts } from './contract.js';
import { markHealthy } from './shop-health.js';
import { notAShop, openCopy, readShopFacts, settleCopy, transferIntoLive, type ShopFacts } from './shop-copy-store.js';

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

function damagedBackup(path: string, detail: string): AppError {
  return new AppError('VALIDATION', `The backup ${path} is damaged (${detail.split('\n')[0]}); nothing was changed. Choose another backup.`, {
    key: 'backupDamaged',
    params: { path, detail: detail.slice(0, 300) },
  });
}

function readFacts(path: string): ShopFacts {
  let copy: Db | undefined;
  try {
    copy = openCopy(path, { readonly: true });
    const facts = readShopFacts(copy);
    if (facts === null) throw notAShop(path);
    return facts;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw notAShop(path);
    if (code.startsWith('SQLITE_CORRUPT')) throw damagedBackup(path, error instanceof Error ? error.message : code);
    throw environmentError(error) ?? error;
  } finally {
    copy?.close();
  }
}

/**
 * What a backup (or any file) holds. Throws NOT_FOUND backupNotFound, VALIDATION backupNotShop /
 * backupDamaged, DB_TOO_NEW backupTooNew.
 */
export async function inspectBackup(path: string, appSchemaVersion: number): Promise<Inspection> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    throw new AppError('NOT_FOUND', `There is no backup file at ${path}; nothing was changed.`, { key: 'backupNotFound', params: { path } });
  }
  const facts = readFacts(path);
  if (facts.schemaVersion > appSchemaVersion) {
    throw new AppError(
      'DB_TOO_NEW',
      `The backup ${path} was made by a newer Shopdesk (schema ${facts.schemaVersion}, this version knows ${appSchemaVersion}); nothing was changed. Update Shopdesk to restore it.`,
      { key: 'backupTooNew', params: { path, found: facts.schemaVersion, known: appSchemaVersion } },
    );
  }
  const checked = await checkFile(path, 'quick_check');
  if (!checked.ok) throw damagedBackup(path, checked.detail);
  const meta = backupMetaOf(path);
  return {
    path,
    shopName: facts.shopName,
    createdAt: meta?.createdAt ?? stat.mtime.toISOString(),
    reason: meta?.reason ?? null,
    schemaVersion: facts.schemaVersion,
    appSchemaVersion,
    counts: facts.counts,
    sizeBytes: stat.size,
  };
}

/** A backup uploaded by a browser: saved as `uploaded-<time>-<name>` in the backups folder, then inspected (removed again when it is no shop). */
export async function receiveUpload(dbPath: string, fileName: string, bytes: Buffer, clock: Clock, appSchemaVersion: number): Promise<Inspection> {
  const folder = backupFolderOf(dbPath);
  const safeName = basename(fileName).replace(/[^\w.-]+/g, '_').slice(0, 80) || 'backup';
  const stamp = clock.now().toISOString().replace(/[-:.]/g, '');
  const path = freeBackupPath(folder, `uploaded-${stamp}-${safeName}`);
  try {
    ensureFolder(folder);
    writeFileSync(`${path}${partialSuffix}`, bytes);
    renameSync(`${path}${partialSuffix}`, path);
  } catch (error) {
    removeQuietly(`${path}${partialSuffix}`);
    throw environmentError(error) ?? error;
  }
  try {
    return await inspectBackup(path, appSchemaVersion);
  } catch (error) {
    removeQuietly(path);
    throw error;
  }
}

export interface RestoreResult {
  restored: Inspection;
  before: BackupEntry | null;
  countsBefore: ShopCounts;
}

/** Copies the backup to a staging file, upgrades it, and leaves it self-contained with the live file's page size. */
async function stage(source: string, staging: string, live: Db, migrations: Migration[], clock: Clock): Promise<void> {
  const from = openCopy(source, { readonly: true });
  try {
    await from.backup(staging, { progress: () => 0x7fffffff });
  } finally {
    from.close();
  }
  const staged = openCopy(staging, { readonly: false });
  try {
    // The backup itself is the copy of the older schema: no second backup before this upgrade.
    migrate(staged, staging, migrations, clock, { backupFirst: false });
    settleCopy(staged);
    const pageSize = Number(live.pragma('page_size', { simple: true }));
    if (Number(staged.pragma('page_size', { simple: true })) !== pageSize) {
      // A WAL destination takes only its own page size.
      staged.pragma(`page_size = ${pageSize}`);
      staged.exec('VACUUM');
    }
  } finally {
    staged.close();
  }
}

/** Replaces the live shop with the backup at `path`; the current shop is backed up first. */
export async function restoreBackup(live: Db, path: string, migrations: Migration[], clock: Clock): Promise<RestoreResult> {
  const appSchemaVersion = migrations.at(-1)?.version ?? 0;
  const restored = await inspectBackup(path, appSchemaVersion);
  const countsBefore = countsOf(live);
  const dbPath = dbPathOf(live);
  const staging = `${dbPath}.restoring-${randomUUID().slice(0, 8)}`;
  let before: BackupEntry | null;
  try {
    // Staged before the backup of the current shop: that backup's rotation may delete the very
    // file being restored (a newer copy takes over its day), and a bad backup fails before any copy.
    await stage(path, staging, live, migrations, clock);
    const checked = await checkFile(staging, 'quick_check');
    if (!checked.ok) throw damagedBackup(path, checked.detail);
    before = await backupBefore(live, 'beforeRestore', clock);
    const source = openCopy(staging, { readonly: true });
    try {
      await transferIntoLive(source, dbPath);
    } finally {
      source.close();
    }
  } catch (error) {
    throw environmentError(error) ?? error;
  } finally {
    removeQuietly(staging);
  }
  // The restored content passed quick_check: the live file is healthy again.
  markHealthy(clock.now());
  return { restored, before, countsBefore };
}

export interface ExportResult {
  path: string | null;
  sizeBytes: number;
  counts: ShopCounts;
  file: { fileName: string; mimeType: string; contentBase64: string } | null;
}

const shopMime = 'application/vnd.sqlite3';

/**
 * The whole shop as one verified file: to `target` when given (written as `<target>.partial`, then
 * renamed), else as a download of at most downloadLimitBytes.
 */
export async function exportShop(live: Db, target: string | undefined, clock: Clock): Promise<ExportResult> {
  const name = `${(readShopFacts(live)?.shopName ?? 'shop').replace(/[^\w\u4e00-\u9fff-]+/g, '-').slice(0, 60)}-${clock.now().toISOString().slice(0, 10)}.shopdesk.db`;
  const finalPath = target ?? join(tmpdir(), `shopdesk-export-${randomUUID()}.db`);
  const partial = `${finalPath}${partialSuffix}`;
  const copy = await makeVerifiedCopy(live, partial);
  if (copy.check === 'failed') {
    removeQuietly(partial);
    throw damagedBackup(dbPathOf(live), copy.checkDetail ?? 'integrity_check failed');
  }
  try {
    renameSync(partial, finalPath);
  } catch (error) {
    removeQuietly(partial);
    throw environmentError(error) ?? error;
  }
  if (target !== undefined) return { path: finalPath, sizeBytes: copy.sizeBytes, counts: copy.facts.counts, file: null };
  try {
    if (copy.sizeBytes > downloadLimitBytes) {
      throw new AppError(
        'VALIDATION',
        `The shop is ${Math.round(copy.sizeBytes / 1_048_576)} MB, too large to download through the browser; nothing was written. Use Backup now: the backup file in the backups folder (${backupFolderOf(dbPathOf(live))}) is the whole shop.`,
        { key: 'exportTooLarge', params: { megabytes: Math.round(copy.sizeBytes / 1_048_576), folder: backupFolderOf(dbPathOf(live)) } },
      );
    }
    return {
      path: null,
      sizeBytes: copy.sizeBytes,
      counts: copy.facts.counts,
      file: { fileName: name, mimeType: shopMime, contentBase64: readFileSync(finalPath).toString('base64') },
    };
  } finally {
    removeQuietly(finalPath);
  }
}

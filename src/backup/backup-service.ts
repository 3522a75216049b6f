// Making backups: a verified copy of the live shop in the backups folder, then
// the rotation. Every backup goes through `createBackup`; the automatic ones
// (daily, before an import, a big bulk edit, a restore) through `backupBefore`.
// One backup at a time per shop file: a second request waits for the first.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { appendAudit } from '../audit/recorder.js';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { environmentError } from '../shared/env-errors.js';
import { backupFileName, deleteBackup, ensureFolder, freeBackupPath, fsyncFile, listBackupFiles, partialSuffix, publishBackup, removeQuietly } from './backup-files.js';
import { backupFolderOf, readBackupSettings } from './backup-settings-store.js';
import { checkFile } from './check-worker.js';
import type { BackupEntry, BackupMeta, BackupReason, ShopCounts } from './contract.js';
import { backupsToKeep } from './rotation.js';
import { shopHealth } from './shop-health.js';
import { copyLiveShop, openCopy, readShopFacts, settleCopy, type ShopFacts } from './shop-copy-store.js';

export interface CopyResult {
  facts: ShopFacts;
  sizeBytes: number;
  check: BackupMeta['check'];
  checkDetail: string | null;
}

/** The shop file a connection has open (better-sqlite3 keeps the path it was opened with). */
export function dbPathOf(db: Db): string {
  return db.name;
}

/** Makes the copy self-contained (rollback journal: it opens read-only anywhere) and reads what it holds. */
function settleAndRead(partial: string): ShopFacts {
  const copy = openCopy(partial, { readonly: false });
  try {
    settleCopy(copy);
    return readShopFacts(copy) ?? { shopName: null, schemaVersion: 0, counts: { products: 0, variants: 0, orders: 0 } };
  } finally {
    copy.close();
  }
}

/**
 * Copies the live shop to `partial` (online backup API), verifies the copy with integrity_check in
 * a worker and fsyncs it. The caller renames it into place. On any failure the partial is removed and
 * an environment problem (disk full, read-only folder …) is thrown named.
 */
export async function makeVerifiedCopy(db: Db, partial: string): Promise<CopyResult> {
  try {
    await copyLiveShop(db, partial);
    const facts = settleAndRead(partial);
    const checked = await checkFile(partial, 'integrity_check');
    fsyncFile(partial);
    return { facts, sizeBytes: statSync(partial).size, check: checked.ok ? 'ok' : 'failed', checkDetail: checked.ok ? null : checked.detail };
  } catch (error) {
    removeQuietly(partial);
    throw environmentError(error) ?? error;
  }
}

const inProgress = new Map<string, Promise<unknown>>();

/** Runs `work` after any backup already running for this shop file. */
function oneAtATime<T>(dbPath: string, work: () => Promise<T>): Promise<T> {
  const previous = inProgress.get(dbPath) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  inProgress.set(dbPath, next);
  void next.finally(() => {
    if (inProgress.get(dbPath) === next) inProgress.delete(dbPath);
  }).catch(() => undefined);
  return next;
}

/** Deletes the backups the rotation does not keep; answers the deleted ids. */
export function rotateBackups(dbPath: string): string[] {
  const settings = readBackupSettings(dbPath);
  const entries = listBackupFiles(backupFolderOf(dbPath, settings));
  const keep = backupsToKeep(
    entries.map((entry) => ({ id: entry.id, at: entry.createdAt, reason: entry.reason, good: entry.check === 'ok' })),
    settings.keep,
  );
  const removed: string[] = [];
  for (const entry of entries) {
    if (keep.has(entry.id)) continue;
    deleteBackup(entry);
    removed.push(entry.id);
  }
  return removed;
}

/** A verified backup of the live shop in the backups folder, then the rotation. */
export function createBackup(db: Db, reason: BackupReason, clock: Clock): Promise<BackupEntry> {
  const dbPath = dbPathOf(db);
  return oneAtATime(dbPath, async () => {
    const folder = backupFolderOf(dbPath);
    try {
      ensureFolder(folder);
    } catch (error) {
      throw environmentError(error) ?? error;
    }
    const at = clock.now();
    const finalPath = freeBackupPath(folder, backupFileName(dbPath, at, reason));
    const partial = `${finalPath}${partialSuffix}`;
    const copy = await makeVerifiedCopy(db, partial);
    const meta: BackupMeta = {
      format: 'shopdesk-backup/1',
      shopName: copy.facts.shopName,
      createdAt: at.toISOString(),
      reason,
      schemaVersion: copy.facts.schemaVersion,
      counts: copy.facts.counts,
      sizeBytes: copy.sizeBytes,
      check: copy.check,
      checkDetail: copy.checkDetail,
    };
    try {
      publishBackup(partial, finalPath, meta);
    } catch (error) {
      removeQuietly(partial);
      throw environmentError(error) ?? error;
    }
    rotateBackups(dbPath);
    return { ...meta, id: basename(finalPath), path: finalPath };
  });
}

/**
 * The automatic backup before something that rewrites much of the shop (an import, a bulk edit, a
 * restore): null when there is nothing to back up yet (no shop) or the file is damaged (a copy
 * would carry the damage; restoring is the way out, and a restore backs up the damaged file itself).
 */
export async function backupBefore(db: Db, reason: Exclude<BackupReason, 'manual'>, clock: Clock): Promise<BackupEntry | null> {
  if (readShopFacts(db)?.shopName == null) return null;
  if (reason !== 'beforeRestore' && shopHealth().state === 'damaged') return null;
  const entry = await createBackup(db, reason, clock);
  // Backup now and a restore are contract calls the audit log records itself; the automatic ones are
  // recorded here. The restore's own copy is not: the restore replaces the log it would go into.
  if (reason !== 'beforeRestore') recordAutomaticBackup(db, clock, entry);
  return entry;
}

function recordAutomaticBackup(db: Db, clock: Clock, entry: BackupEntry): void {
  try {
    appendAudit(db, clock, {
      kind: 'backup',
      area: 'backups',
      subject: `backup:${entry.id}`,
      summary: `automatic backup (${entry.reason}): ${entry.path}, ${entry.sizeBytes} bytes, check ${entry.check}`,
      after: entry,
      ...(entry.reason === 'daily' ? { origin: 'schedule' as const } : {}),
    });
  } catch {
    // The backup is made and listed; a failed audit row must not fail the import or edit it protects.
  }
}

/** Before a bulk edit: a backup only when it touches more rows than the setting (default 1,000). */
export function backupBeforeBulkEdit(db: Db, rows: number, clock: Clock): Promise<BackupEntry | null> {
  if (rows <= readBackupSettings(dbPathOf(db)).bulkEditThreshold) return Promise.resolve(null);
  return backupBefore(db, 'beforeBulkEdit', clock);
}

/** The daily backup, when no good backup of any reason is younger than a day. */
export async function dailyBackupIfDue(db: Db, clock: Clock): Promise<BackupEntry | null> {
  const dbPath = dbPathOf(db);
  const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
  const recent = listBackupFiles(backupFolderOf(dbPath)).some((entry) => entry.check === 'ok' && entry.createdAt > dayAgo);
  return recent ? null : backupBefore(db, 'daily', clock);
}

export function listBackups(db: Db): BackupEntry[] {
  return listBackupFiles(backupFolderOf(dbPathOf(db)));
}

export function newestGoodBackup(db: Db): BackupEntry | null {
  return listBackups(db).find((entry) => entry.check === 'ok') ?? null;
}

export function countsOf(db: Db): ShopCounts {
  return readShopFacts(db)?.counts ?? { products: 0, variants: 0, orders: 0 };
}

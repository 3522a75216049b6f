// Making backups: a verified copy of the live shop in the backups folder, then
// the rotation. Every backup goes through `createBackup`; the automatic ones
// (daily, before an import, a big bulk edit, a restore) through `backupBefore`.
// One backup at a time per shop file: a second request waits for the first.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { appendAudit, type AuditEntry } from '../audit/recorder.js';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { environmentError } from '../shared/env-errors.js';
import { backupFileName, deleteBackup, ensureFolder, freeBackupPath, freeBytes, fsyncFile, listBackupFiles, partialSuffix, publishBackup, removeQuietly, shopBytes } from './backup-files.js';
import { backupFolderOf, readBackupSettings } from './backup-settings-store.js';
import { checkFile } from './check-worker.js';
import type { BackupEntry, BackupMeta, BackupReason, ShopCounts } from './contract.js';
import { backupsToKeep } from './rotation.js';
import { shopHealth } from './shop-health.js';
import { snapshotCopy } from './copy-worker.js';
import { openCopy, readShopFacts, settleCopy, type ShopFacts } from './shop-copy-store.js';

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
 * Copies the live shop to `partial` from a snapshot (copy-worker.ts), verifies the copy with
 * integrity_check in a worker and fsyncs it. The caller renames it into place. `onPinned` hears
 * when the copy is certain to hold the shop as it is now (well before it is written). On any
 * failure the partial is removed and an environment problem (disk full, read-only folder …) is
 * thrown named.
 */
export async function makeVerifiedCopy(db: Db, partial: string, onPinned: () => void = () => undefined): Promise<CopyResult> {
  try {
    ensureRoomFor(db, dirname(partial));
    const copy = snapshotCopy(db, partial);
    await copy.pinned;
    onPinned();
    await copy.copied;
    const facts = settleAndRead(partial);
    const checked = await checkFile(partial, 'integrity_check');
    fsyncFile(partial);
    return { facts, sizeBytes: statSync(partial).size, check: checked.ok ? 'ok' : 'failed', checkDetail: checked.ok ? null : checked.detail };
  } catch (error) {
    removeQuietly(partial);
    throw environmentError(error) ?? error;
  }
}

/**
 * Refuses at once, named, when the folder's disk has less room than the shop takes: a copy that
 * would fill the disk halfway is found out before an import or bulk edit goes ahead, not after.
 */
function ensureRoomFor(db: Db, folder: string): void {
  const free = freeBytes(folder);
  if (free !== null && free < shopBytes(dbPathOf(db))) throw Object.assign(new Error(`no room for a copy in ${folder}`), { code: 'ENOSPC' });
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

/** A backup under way: `pinned` once it holds the shop as it is now, `done` once it is checked and listed. */
interface StartedBackup {
  /** The path the backup will have once listed. */
  pinned: Promise<string>;
  done: Promise<BackupEntry>;
}

/** Starts a verified backup of the live shop into the backups folder (after any backup already running), then the rotation. */
function startBackup(db: Db, reason: BackupReason, clock: Clock): StartedBackup {
  const dbPath = dbPathOf(db);
  let pin!: { resolve: (path: string) => void; reject: (error: unknown) => void };
  const pinned = new Promise<string>((resolve, reject) => (pin = { resolve, reject }));
  const done = oneAtATime(dbPath, async () => {
    const folder = backupFolderOf(dbPath);
    try {
      ensureFolder(folder);
    } catch (error) {
      throw environmentError(error) ?? error;
    }
    const at = clock.now();
    const finalPath = freeBackupPath(folder, backupFileName(dbPath, at, reason));
    const partial = `${finalPath}${partialSuffix}`;
    const copy = await makeVerifiedCopy(db, partial, () => pin.resolve(finalPath));
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
  // A backup that failed before its snapshot was pinned: whoever waits for the pin hears why.
  done.catch(pin.reject);
  pinned.catch(() => undefined);
  return { pinned, done };
}

/** A verified backup of the live shop in the backups folder, then the rotation. */
export function createBackup(db: Db, reason: BackupReason, clock: Clock): Promise<BackupEntry> {
  return startBackup(db, reason, clock).done;
}

/** Waits for the backups of this shop file that are still being copied or checked (closing, tests, the bench). */
export async function backupsSettled(dbPath: string): Promise<void> {
  await inProgress.get(dbPath)?.catch(() => undefined);
}

/** Whether there is a shop worth backing up before `reason`; a damaged one is not copied (the copy would carry the damage). */
function worthBackingUp(db: Db, reason: Exclude<BackupReason, 'manual'>): boolean {
  if (readShopFacts(db)?.shopName == null) return false;
  return reason === 'beforeRestore' || shopHealth().state !== 'damaged';
}

/**
 * An automatic backup made whole before this answers (daily, before a restore, before a change to
 * a small shop): null when there is nothing to back up yet (no shop) or the file is damaged
 * (restoring is the way out, and a restore backs up the damaged file itself).
 */
export async function backupBefore(db: Db, reason: Exclude<BackupReason, 'manual'>, clock: Clock): Promise<BackupEntry | null> {
  if (!worthBackingUp(db, reason)) return null;
  const entry = await createBackup(db, reason, clock);
  // Backup now and a restore are contract calls the audit log records itself; the automatic ones are
  // recorded here. The restore's own copy is not: the restore replaces the log it would go into.
  if (reason !== 'beforeRestore') {
    recordBackupEvent(db, clock, {
      kind: 'backup',
      subject: `backup:${entry.id}`,
      summary: `automatic backup (${entry.reason}): ${entry.path}, ${entry.sizeBytes} bytes, check ${entry.check}`,
      after: { [`backup:${entry.id}`]: backupFields(entry) },
      ...(reason === 'daily' ? { origin: 'schedule' as const } : {}),
    });
  }
  return entry;
}

/** Up to this size a shop's backup is made whole before an import or bulk edit goes ahead. */
const waitWholeUpToBytes = 64 * 1024 * 1024;

/** A backup whose snapshot is taken; `done` settles when it is copied, checked and listed (null if that failed). */
export interface PendingBackup {
  done: Promise<BackupEntry | null>;
}

/**
 * The backup before something that rewrites much of the shop (an import, a bulk edit). For a shop
 * file over 64 MB it answers as soon as the copy is certain to hold the shop as it is now, so the
 * work goes ahead while the copy is written and checked in the background (≈ 20 s for a 900 MB
 * shop); a smaller one is backed up whole first (well under a second; a failure refuses the change).
 * Refused, named, before any change when it cannot start (no room on the disk, a read-only folder).
 * Null when there is nothing to back up or the file is damaged.
 */
export async function backupBeforeChange(db: Db, reason: 'beforeImport' | 'beforeBulkEdit', clock: Clock): Promise<PendingBackup | null> {
  if (shopBytes(dbPathOf(db)) <= waitWholeUpToBytes) {
    const entry = await backupBefore(db, reason, clock);
    return entry ? { done: Promise.resolve(entry) } : null;
  }
  if (!worthBackingUp(db, reason)) return null;
  const backup = startBackup(db, reason, clock);
  const path = await backup.pinned;
  // Recorded now, while no import holds the write lock; a copy that fails later is recorded then.
  recordBackupEvent(db, clock, {
    kind: 'backup',
    subject: `backup:${basename(path)}`,
    summary: `automatic backup (${reason}): ${path}, copied and checked in the background`,
    after: { [`backup:${basename(path)}`]: { path, reason } },
  });
  const done = backup.done.then(
    (entry) => entry,
    (error: unknown) => {
      const shape = error instanceof AppError ? error.toShape() : null;
      // The import it protected may hold the write lock for a while yet: tried again a few times.
      recordBackupEvent(
        db,
        clock,
        {
          kind: 'backupFailed',
          subject: `backup:${reason}`,
          summary: `automatic backup (${reason}) failed: ${shape?.message ?? (error instanceof Error ? error.message : String(error))}`,
          extra: { reason, key: shape?.details.key ?? null },
        },
        6,
      );
      return null;
    },
  );
  return { done };
}

/** A backup as the audit log's before/after shows it: one row of plain fields. */
function backupFields(entry: BackupEntry): Record<string, string | number | null> {
  // Named like columns (snake_case), as every other row of the log: the UI words them (audit.field.*).
  return {
    path: entry.path,
    reason: entry.reason,
    created_at: entry.createdAt,
    size_bytes: entry.sizeBytes,
    check_result: entry.check,
    products: entry.counts.products,
    variants: entry.counts.variants,
    orders: entry.counts.orders,
  };
}

/**
 * An automatic backup's row in the audit log. A failed write must not fail the import or edit the
 * backup protects; with `tries` > 1 it is tried again every 10 s while the connection is open.
 */
function recordBackupEvent(db: Db, clock: Clock, event: Omit<AuditEntry, 'area'>, tries = 1): void {
  if (!db.open) return;
  try {
    appendAudit(db, clock, { ...event, area: 'backups' });
  } catch {
    if (tries > 1) setTimeout(() => recordBackupEvent(db, clock, event, tries - 1), 10_000).unref();
  }
}

/** Before a bulk edit: a backup only when it touches more rows than the setting (default 1,000). */
export function backupBeforeBulkEdit(db: Db, rows: number, clock: Clock): Promise<PendingBackup | null> {
  if (rows <= readBackupSettings(dbPathOf(db)).bulkEditThreshold) return Promise.resolve(null);
  return backupBeforeChange(db, 'beforeBulkEdit', clock);
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

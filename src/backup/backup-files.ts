// The backups folder on disk: names, sidecars, the listing, durable renames and
// the cleanup of copies a killed process left half-written. A copy is written
// as `<name>.partial` and renamed only once checked and fsynced, so a kill -9
// at any moment leaves either a `.partial` (removed at the next start) or a
// complete backup — the earlier backups are never touched by a copy in progress.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupMetaSchema, type BackupEntry, type BackupMeta, type BackupReason } from './contract.js';

export const partialSuffix = '.partial';
const backupExtension = '.db';

export function sidecarPath(backupPath: string): string {
  return `${backupPath}.json`;
}

/** `shop-20261120-100000123-manual.db`: the shop file's name, the UTC time to the millisecond, the reason. */
export function backupFileName(dbPath: string, at: Date, reason: BackupReason): string {
  const base = basename(dbPath).replace(/\.[^.]*$/, '') || 'shop';
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '').replace('Z', '');
  return `${base}-${stamp}-${reason}${backupExtension}`;
}

/** A name not taken yet in `folder` (two backups in the same millisecond get -2, -3 …). */
export function freeBackupPath(folder: string, fileName: string): string {
  let candidate = join(folder, fileName);
  for (let n = 2; existsSync(candidate) || existsSync(`${candidate}${partialSuffix}`); n += 1) {
    candidate = join(folder, fileName.replace(backupExtension, `-${n}${backupExtension}`));
  }
  return candidate;
}

export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

/** Bytes free to this user on the disk that holds `folder`; null when the system cannot say. */
export function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/**
 * The least room a copy of the shop at `dbPath` takes: its main file (the backup API copies every
 * page of it; pages still in the WAL replace pages, they add only where the file grew).
 */
export function shopBytes(dbPath: string): number {
  try {
    return statSync(dbPath).size;
  } catch {
    return 0;
  }
}

/** Forces a file's bytes to the disk (and, best effort, its directory entry). */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory: its renames are durable enough through NTFS's journal.
  }
}

/** Writes the sidecar, then renames the copy and its sidecar into place (the copy last but one: it is what the listing looks for). */
export function publishBackup(partial: string, finalPath: string, meta: BackupMeta): void {
  const sidecar = sidecarPath(finalPath);
  writeFileSync(`${sidecar}${partialSuffix}`, `${JSON.stringify(backupMetaSchema.parse(meta), null, 2)}\n`);
  fsyncFile(`${sidecar}${partialSuffix}`);
  renameSync(partial, finalPath);
  renameSync(`${sidecar}${partialSuffix}`, sidecar);
  fsyncFolder(dirname(finalPath));
}

export function removeQuietly(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Removes the `.partial` files a killed backup left (called when the shop opens). */
export function removePartials(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(partialSuffix)) continue;
    removeQuietly(join(folder, name));
    removed.push(name);
  }
  return removed;
}

function readMeta(path: string): BackupMeta | null {
  try {
    const parsed = backupMetaSchema.safeParse(JSON.parse(readFileSync(sidecarPath(path), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The sidecar's metadata of a backup file, or null when it has none (any SQLite file can still be inspected). */
export function backupMetaOf(path: string): BackupMeta | null {
  return readMeta(path);
}

/** The backups in `folder` (those with a valid sidecar), newest first. */
export function listBackupFiles(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(backupExtension)) continue;
    const path = join(folder, name);
    const meta = readMeta(path);
    if (meta === null || !statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
    entries.push({ ...meta, id: name, path });
  }
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

export function deleteBackup(entry: BackupEntry): void {
  rmSync(entry.path, { force: true });
  rmSync(sidecarPath(entry.path), { force: true });
}

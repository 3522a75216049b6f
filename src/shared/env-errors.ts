// The machine's problems, named: a full disk, a read-only file or folder, a file
// another program locked, a damaged file, a failing disk. Each becomes an
// AppError ENVIRONMENT (DAMAGED for a damaged file) with its own key, so the
// person reads what happened and what to do instead of "something went wrong".
// Recognises better-sqlite3's SqliteError codes and Node's fs error codes.
import { markDamaged } from '../backup/shop-health.js';
import { AppError } from './app-error.js';

export type EnvironmentKey = 'diskFull' | 'readOnly' | 'fileLocked' | 'fileDamaged' | 'ioError';

const messages: Record<EnvironmentKey, string> = {
  diskFull: 'The disk is full, so Shopdesk could not save; nothing was changed. Free some space on the disk that holds the shop file (or its backups folder) and try again.',
  readOnly: 'The shop file or its folder cannot be written (read-only, or no permission); nothing was changed. Check the file’s permissions, or move the shop to a folder you can write to.',
  fileLocked: 'Another program holds the shop file locked (a backup or sync tool, a database viewer); nothing was changed. Close that program, or wait for it to finish, and try again.',
  fileDamaged: 'The shop file is damaged; nothing was changed and Shopdesk no longer writes to it. Restore the newest good backup in Settings → Backups.',
  ioError: 'The disk reported an error while reading or writing the shop file; nothing was changed. Check the disk (or network drive) and try again; if it keeps happening, restore a backup onto another disk.',
};

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** The environment key of an SQLite (`SQLITE_…`) or Node fs (`E…`) error code, if it names one. */
export function environmentKeyOf(code: string, options: { busyIsOurs?: boolean } = {}): EnvironmentKey | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_IOERR_WRITE_FULL') return 'diskFull';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'readOnly';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return options.busyIsOurs === false ? 'fileLocked' : null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'fileDamaged';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') return 'ioError';
  return null;
}

export interface EnvironmentErrorOptions {
  /**
   * SQLITE_BUSY / SQLITE_LOCKED / EBUSY is another program's lock only when no write of our own (an
   * import's transaction on the second connection) is running: pass false then. Unknown (the
   * default) leaves busy to the router's own "busy" answer.
   */
  busyIsOurs?: boolean;
  now?: Date;
}

/**
 * A named AppError for an environment problem, or null when `error` is none of them (an AppError
 * passes through as null: it is already named). A damaged-file error also marks the shop damaged,
 * so further writes are refused until a restore.
 */
export function environmentError(error: unknown, options: EnvironmentErrorOptions = {}): AppError | null {
  if (error instanceof AppError) return null;
  const code = codeOf(error);
  if (code === null) return null;
  const key = environmentKeyOf(code, options);
  if (key === null) return null;
  const detail = error instanceof Error ? error.message : code;
  if (key === 'fileDamaged') markDamaged(`${code}: ${detail}`, options.now ?? new Date());
  return new AppError(key === 'fileDamaged' ? 'DAMAGED' : 'ENVIRONMENT', messages[key], { key, params: { code } });
}

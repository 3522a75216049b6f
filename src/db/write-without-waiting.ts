// Caches written during a read (rollups, the stock cache) must never make the read wait for the
// write lock another connection holds — an import being applied — and must never fail the read:
// the writer runs with busy_timeout 0, and "busy" tells the caller to answer from the source tables.
import type { Db } from './open.js';

/** SQLite's SQLITE_BUSY family: another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/** Runs `write` without waiting for the lock: false when another connection holds it. */
export function writeWithoutWaiting(db: Db, write: () => void): boolean {
  const timeout = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma('busy_timeout = 0');
  try {
    write();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

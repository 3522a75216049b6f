// Opens the shop database with the settings every connection must have.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 build for another ABI (Electron); tests use the Node build. */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Large sorts and analytics scans: keep temp data in memory, use a 64 MiB page cache.
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  // Reads through a memory map (up to 1 GiB of the file): analytics scans skip a copy per page.
  db.pragma('mmap_size = 1073741824');
  return db;
}

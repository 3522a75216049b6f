// The SQL of copying a shop: what a shop file holds (name, schema, counts),
// the copy itself, and putting a copy back in place of the live file. All of
// it through SQLite, never by copying bytes of a file in use.
import Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import { nativeBindingInUse } from './check-worker.js';
import type { ShopCounts } from './contract.js';

export interface ShopFacts {
  shopName: string | null;
  schemaVersion: number;
  counts: ShopCounts;
}

const hasTable = (db: Db, name: string): boolean =>
  db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name)?.n === 1;

/** Name, schema version and counts of a Shopdesk shop; null when the database is not one (no migrations ledger or settings). */
export function readShopFacts(db: Db): ShopFacts | null {
  if (!hasTable(db, 'schema_migrations') || !hasTable(db, 'shop_settings')) return null;
  const version = db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0;
  const name = db.prepare<[], { name: string }>('SELECT name FROM shop_settings WHERE id = 1').get()?.name ?? null;
  const count = (table: string): number =>
    hasTable(db, table) ? (db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0) : 0;
  return { shopName: name, schemaVersion: version, counts: { products: count('products'), variants: count('variants'), orders: count('orders') } };
}

/**
 * Copies the live shop into `target` with SQLite's online backup API, from the app's own
 * connection: its writes between steps land in the copy too, an import's uncommitted transaction on
 * another connection is never seen (a commit there restarts the copy), and the event loop keeps
 * running between steps of ~4 MB.
 */
export async function copyLiveShop(db: Db, target: string): Promise<void> {
  await db.backup(target, { progress: () => 1000 });
}

/** The same copy in one synchronous statement (migrations run before anything else may use the file). */
export function copyShopNow(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/** Opens a copy (never the live shop) with the core's native binding; SQLite errors on a non-database surface at the first read. */
export function openCopy(path: string, options: { readonly: boolean }): Db {
  return new Database(path, { readonly: options.readonly, fileMustExist: true, nativeBinding: nativeBindingInUse() });
}

/** Switches a staged restore copy out of WAL so it is one self-contained file before it is transferred. */
export function settleCopy(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

/**
 * Replaces the live shop's content with `source`'s through the backup API, in one step: the live
 * connection stays open and sees the restored shop at its next read (prepared statements
 * re-prepare on the new schema). The destination's write lock is held for the one step, so no other
 * write interleaves.
 */
export async function transferIntoLive(source: Db, livePath: string): Promise<void> {
  await source.backup(livePath, { progress: () => 0x7fffffff });
}

export function notAShop(path: string): AppError {
  return new AppError('VALIDATION', `${path} is not a Shopdesk shop or backup; nothing was changed.`, { key: 'backupNotShop', params: { path } });
}

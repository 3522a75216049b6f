// One open shop database and the area services built on it. The core swaps
// the whole thing when a generated demo shop replaces the empty file.
// Opening checks the file (PRAGMA quick_check, in a worker when no migration is
// due) and sets the shop's health from it: a damaged file still opens — read-only in effect, the router refuses its
// writes — so the person can reach Settings → Backups and restore.
import { createCatalogStore } from '../catalog/store.js';
import { currentVersion, migrate, type Migration, type MigrationReport } from '../db/migrate.js';
import { openDatabase, type Db } from '../db/open.js';
import { createSettingsService } from '../settings/service.js';
import { createSettingsStore } from '../settings/store.js';
import type { Clock } from '../shared/clock.js';
import { removePartials } from '../backup/backup-files.js';
import { backupFolderOf } from '../backup/backup-settings-store.js';
import { checkFile, checkOpenDatabase, useNativeBinding } from '../backup/check-worker.js';
import { checkingAtOpen, markDamaged, markHealthy } from '../backup/shop-health.js';

export interface ShopDatabase {
  db: Db;
  migration: MigrationReport;
  settingsStore: ReturnType<typeof createSettingsStore>;
  settings: ReturnType<typeof createSettingsService>;
  catalog: ReturnType<typeof createCatalogStore>;
}

export interface OpenShopOptions {
  path: string;
  migrations: Migration[];
  clock: Clock;
  nativeBinding?: string | undefined;
}

/** quick_check on the opening thread: before migrations, which must not write into a damaged file. */
function checkAtOpenNow(db: Db, clock: Clock): void {
  const now = clock.now();
  try {
    const checked = checkOpenDatabase(db, 'quick_check');
    if (checked.ok) markHealthy(now);
    else markDamaged(checked.detail, now);
  } catch (error) {
    // SQLITE_CORRUPT while checking: the file is damaged; anything else (disk error) is thrown as before.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (!code.startsWith('SQLITE_CORRUPT')) throw error;
    markDamaged(error instanceof Error ? error.message : code, now);
  }
}

/** Whether the file is already at the app's schema (no migration will write to it); false when that cannot be read. */
function upToDate(db: Db, migrations: Migration[]): boolean {
  try {
    return currentVersion(db) >= (migrations.at(-1)?.version ?? 0);
  } catch {
    return false;
  }
}

/**
 * quick_check at open (~2.8 s on the 1 GB large demo shop, milliseconds on a real one): damaged
 * files are named at once. A file that needs no migration is checked in a worker while the first
 * screen loads; writes (and the health answer) wait for that check (shop-health.ts).
 */
function checkAtOpen(db: Db, path: string, migrations: Migration[], clock: Clock): void {
  if (path === ':memory:' || !upToDate(db, migrations)) {
    checkAtOpenNow(db, clock);
    return;
  }
  checkingAtOpen(
    checkFile(path, 'quick_check').then((checked) => {
      if (checked.ok) markHealthy(clock.now());
      else markDamaged(checked.detail, clock.now());
    }),
  );
}

/** Opens (creating if needed) and migrates the shop database; throws DB_TOO_NEW / MIGRATION_FAILED. */
export function openShopDatabase(options: OpenShopOptions): ShopDatabase {
  const db = openDatabase(options.path, { nativeBinding: options.nativeBinding });
  try {
    useNativeBinding(options.nativeBinding);
    checkAtOpen(db, options.path, options.migrations, options.clock);
    if (options.path !== ':memory:') removePartials(backupFolderOf(options.path));
    const migration = migrate(db, options.path, options.migrations, options.clock);
    const settingsStore = createSettingsStore(db);
    return {
      db,
      migration,
      settingsStore,
      settings: createSettingsService(settingsStore, options.clock),
      catalog: createCatalogStore(db),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

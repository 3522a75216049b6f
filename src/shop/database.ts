// One open shop database and the area services built on it. The core swaps
// the whole thing when a generated demo shop replaces the empty file.
// Opening checks the file (PRAGMA quick_check) and sets the shop's health from
// it: a damaged file still opens — read-only in effect, the router refuses its
// writes — so the person can reach Settings → Backups and restore.
import { createCatalogStore } from '../catalog/store.js';
import { migrate, type Migration, type MigrationReport } from '../db/migrate.js';
import { openDatabase, type Db } from '../db/open.js';
import { createSettingsService } from '../settings/service.js';
import { createSettingsStore } from '../settings/store.js';
import type { Clock } from '../shared/clock.js';
import { removePartials } from '../backup/backup-files.js';
import { backupFolderOf } from '../backup/backup-settings-store.js';
import { useNativeBinding } from '../backup/check-worker.js';
import { markDamaged, markHealthy } from '../backup/shop-health.js';

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

/** quick_check (~3.5 s on the 1 GB large demo shop, milliseconds on a real one): damaged files are named at once. */
function checkAtOpen(db: Db, clock: Clock): void {
  const now = clock.now();
  try {
    const lines = (db.pragma('quick_check(20)') as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
    if (lines.length === 1 && lines[0] === 'ok') markHealthy(now);
    else markDamaged(lines.join('\n'), now);
  } catch (error) {
    // SQLITE_CORRUPT while checking: the file is damaged; anything else (disk error) is thrown as before.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (!code.startsWith('SQLITE_CORRUPT')) throw error;
    markDamaged(error instanceof Error ? error.message : code, now);
  }
}

/** Opens (creating if needed) and migrates the shop database; throws DB_TOO_NEW / MIGRATION_FAILED. */
export function openShopDatabase(options: OpenShopOptions): ShopDatabase {
  const db = openDatabase(options.path, { nativeBinding: options.nativeBinding });
  try {
    useNativeBinding(options.nativeBinding);
    checkAtOpen(db, options.clock);
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

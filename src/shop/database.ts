// One open shop database and the area services built on it. The core swaps
// the whole thing when a generated demo shop replaces the empty file.
import { createCatalogStore } from '../catalog/store.js';
import { migrate, type Migration, type MigrationReport } from '../db/migrate.js';
import { openDatabase, type Db } from '../db/open.js';
import { createSettingsService } from '../settings/service.js';
import { createSettingsStore } from '../settings/store.js';
import type { Clock } from '../shared/clock.js';

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

/** Opens (creating if needed) and migrates the shop database; throws DB_TOO_NEW / MIGRATION_FAILED. */
export function openShopDatabase(options: OpenShopOptions): ShopDatabase {
  const db = openDatabase(options.path, { nativeBinding: options.nativeBinding });
  try {
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

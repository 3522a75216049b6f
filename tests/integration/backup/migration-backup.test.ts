import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { ok, removeTempDirs, tempDir, testCore, testNow } from '../temp-shop.js';

afterEach(() => removeTempDirs());

it('backs the file up into the backups folder before an upgrade, verified and listed like every backup', async () => {
  const migrations = loadMigrations(defaultMigrationsDir());
  const path = join(tempDir(), 'shop.db');
  const old = openShopDatabase({ path, migrations: migrations.slice(0, -3), clock: fixedClock(testNow) });
  old.settingsStore.insert({ name: 'Upgraded shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, testNow);
  old.db.close();

  const core = testCore({ dbPath: path });
  try {
    const listed = await ok(core, 'backups.list', {});
    expect(listed.backups).toHaveLength(1);
    const [backup] = listed.backups;
    expect(backup).toMatchObject({ reason: 'beforeMigration', schemaVersion: migrations.length - 3, shopName: 'Upgraded shop', check: 'ok' });
    expect(backup?.path.startsWith(join(path, '..', 'backups'))).toBe(true);
    // It restores like any backup (upgraded again on the way in).
    await ok(core, 'backups.restore', { path: backup?.path ?? '' });
    expect((await ok(core, 'shop.status', {})).schemaVersion).toBe(migrations.length);
  } finally {
    await core.close();
  }
});

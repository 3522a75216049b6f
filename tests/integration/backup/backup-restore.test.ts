import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { openDatabase } from '../../../src/db/open.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs, tempDir, testCore, testNow, ok, failure } from '../temp-shop.js';
import { addProducts, productCount } from './backup-fixture.js';

afterEach(() => removeTempDirs());

describe('backups', () => {
  it('makes a verified copy in the backups folder beside the shop, described by its sidecar', async () => {
    const shop = testShop();
    try {
      await addProducts(shop, 3);
      const backup = await shop.ok('backups.create', {});
      expect(backup).toMatchObject({ reason: 'manual', shopName: 'Test shop', check: 'ok', counts: { products: 3, variants: 3, orders: 0 } });
      expect(backup.path).toBe(join(shop.path, '..', 'backups', backup.id));
      expect(backup.sizeBytes).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(`${backup.path}.json`, 'utf8'))).toMatchObject({ format: 'shopdesk-backup/1', reason: 'manual' });
      // One self-contained file: no WAL beside it, and it opens as a shop.
      expect(existsSync(`${backup.path}-wal`)).toBe(false);
      expect(productCount(backup.path)).toBe(3);
      const listed = await shop.ok('backups.list', {});
      // The import made its own backup first (beforeImport): the manual one is listed beside it.
      expect(listed.backups.map((entry) => `${entry.reason}:${entry.counts.products}`)).toEqual(['manual:3', 'beforeImport:0']);
      expect(listed.backups[0]?.id).toBe(backup.id);
      const inspected = await shop.ok('backups.inspect', { path: backup.path });
      expect(inspected).toMatchObject({ shopName: 'Test shop', counts: { products: 3 }, reason: 'manual', createdAt: testNow });
      expect(inspected.schemaVersion).toBe(inspected.appSchemaVersion);
    } finally {
      await shop.close();
    }
  });

  it('writes to the folder chosen in the settings and rotates the manual backups to the last N', async () => {
    const shop = testShop();
    const elsewhere = tempDir();
    try {
      const settings = await shop.ok('backups.settings.update', { folder: elsewhere, keep: { perReason: 2 } });
      expect(settings).toMatchObject({ folder: elsewhere, resolvedFolder: elsewhere, keep: { perReason: 2, daily: 7 } });
      const made = [];
      for (let i = 0; i < 3; i += 1) made.push(await shop.ok('backups.create', {}));
      const listed = await shop.ok('backups.list', {});
      expect(listed.folder).toBe(elsewhere);
      // The fixed clock gives all three the same time: the two kept are the newest by name (-2, -3).
      expect(listed.backups).toHaveLength(2);
      expect(readdirSync(elsewhere).filter((name) => name.endsWith('.db'))).toHaveLength(2);
      expect((await shop.fail('backups.settings.update', { folder: 'relative/path' })).details.issues?.[0]?.key).toBe('backupFolderNotAbsolute');
    } finally {
      await shop.close();
    }
  });

  it('restores a backup: the current shop is backed up first, and the open shop answers from the restored one', async () => {
    const shop = testShop();
    try {
      await addProducts(shop, 3, 'A');
      const backup = await shop.ok('backups.create', {});
      await addProducts(shop, 4, 'B');
      expect((await shop.ok('products.list', {})).total).toBe(7);

      const events: string[] = [];
      shop.core.on((event) => events.push(event.name === 'shop.changed' ? `shop.changed:${event.payload.reason}` : event.name));
      const result = await shop.ok('backups.restore', { path: backup.path });
      expect(result.countsBefore).toMatchObject({ products: 7 });
      expect(result.restored).toMatchObject({ counts: { products: 3 }, shopName: 'Test shop' });
      expect(result.before).toMatchObject({ reason: 'beforeRestore', counts: { products: 7 }, check: 'ok' });
      expect(productCount(result.before?.path ?? '')).toBe(7);
      expect(events).toContain('shop.changed:replaced');

      // The same core, no reopen: reads and writes go to the restored shop.
      expect((await shop.ok('products.list', {})).total).toBe(3);
      expect(shop.db.prepare('SELECT COUNT(*) AS n FROM products').get()).toEqual({ n: 3 });
      await addProducts(shop, 2, 'C');
      expect((await shop.ok('products.list', {})).total).toBe(5);
      expect(shop.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await shop.ok('health.status', {})).health.state).toBe('ok');
    } finally {
      await shop.close();
    }
  });

  it('upgrades an older backup while restoring it', async () => {
    const migrations = loadMigrations(defaultMigrationsDir());
    const oldPath = join(tempDir(), 'old-shop.db');
    const old = openShopDatabase({ path: oldPath, migrations: migrations.slice(0, -2), clock: fixedClock(testNow) });
    old.settingsStore.insert({ name: 'Old shop', currency: 'EUR', timeZone: 'UTC', locale: 'en' }, testNow);
    old.db.close();

    const shop = testShop();
    try {
      const inspected = await shop.ok('backups.inspect', { path: oldPath });
      expect(inspected.schemaVersion).toBe(migrations.length - 2);
      await shop.ok('backups.restore', { path: oldPath });
      expect((await shop.ok('shop.status', {})).schemaVersion).toBe(migrations.length);
      expect((await shop.ok('settings.get', {})).name).toBe('Old shop');
      // The backup itself is untouched (still the old schema).
      const file = openDatabase(oldPath, { readonly: true });
      expect(file.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: migrations.length - 2 });
      file.close();
    } finally {
      await shop.close();
    }
  });

  it('refuses a file that is not a Shopdesk shop, one from a newer Shopdesk, and a damaged one, by name', async () => {
    const shop = testShop();
    try {
      await addProducts(shop, 2);
      const dir = tempDir();
      const text = join(dir, 'notes.db');
      writeFileSync(text, 'these are not the droids you are looking for'.repeat(200));
      expect((await shop.fail('backups.inspect', { path: text })).details.key).toBe('backupNotShop');

      const otherSqlite = join(dir, 'other.db');
      const other = openDatabase(otherSqlite);
      other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      other.close();
      expect((await shop.fail('backups.restore', { path: otherSqlite })).details.key).toBe('backupNotShop');

      const backup = await shop.ok('backups.create', {});
      const newer = openDatabase(backup.path);
      newer.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', ?)").run(testNow);
      newer.close();
      expect(await shop.fail('backups.restore', { path: backup.path })).toMatchObject({ code: 'DB_TOO_NEW', details: { key: 'backupTooNew' } });

      expect((await shop.fail('backups.inspect', { path: join(dir, 'missing.db') })).details.key).toBe('backupNotFound');
      // Nothing was replaced by any of the refusals.
      expect((await shop.ok('products.list', {})).total).toBe(2);
    } finally {
      await shop.close();
    }
  });

  it('exports the whole shop to a chosen path, or as a download, as a file another Shopdesk opens', async () => {
    const shop = testShop();
    try {
      await addProducts(shop, 4);
      const target = join(tempDir(), 'exported.shopdesk.db');
      const written = await shop.ok('backups.exportShop', { path: target });
      expect(written).toMatchObject({ path: target, counts: { products: 4 }, file: null });
      expect(readdirSync(join(target, '..'))).toEqual(['exported.shopdesk.db']);

      const other = testCore({ dbPath: target });
      try {
        expect((await ok(other, 'shop.status', {})).settings?.name).toBe('Test shop');
        expect((await ok(other, 'products.list', {})).total).toBe(4);
      } finally {
        await other.close();
      }

      const download = await shop.ok('backups.exportShop', {});
      expect(download.path).toBeNull();
      const bytes = Buffer.from(download.file?.contentBase64 ?? '', 'base64');
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
      expect(download.file?.fileName).toMatch(/^Test-shop-2026-11-20\.shopdesk\.db$/);

      // A browser sends it back (serve mode): saved in the backups folder and inspected.
      const uploaded = await shop.ok('backups.upload', { fileName: 'my shop.db', contentBase64: download.file?.contentBase64 ?? '' });
      expect(uploaded).toMatchObject({ shopName: 'Test shop', counts: { products: 4 } });
      expect(uploaded.path).toContain(join('backups', 'uploaded-'));
    } finally {
      await shop.close();
    }
  });

  it('restores onto a file with no shop yet (the first screen), without a backup of nothing', async () => {
    const source = testShop();
    let backupPath: string;
    try {
      await addProducts(source, 2);
      backupPath = (await source.ok('backups.create', {})).path;
    } finally {
      await source.close();
    }
    const fresh = testCore();
    try {
      expect((await failure(fresh, 'backups.create', {})).details.key).toBe('shopNotReady');
      const result = await ok(fresh, 'backups.restore', { path: backupPath });
      expect(result.before).toBeNull();
      expect((await ok(fresh, 'shop.status', {})).ready).toBe(true);
      expect((await ok(fresh, 'products.list', {})).total).toBe(2);
    } finally {
      await fresh.close();
    }
  });
});

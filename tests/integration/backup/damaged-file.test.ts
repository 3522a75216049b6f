import { afterEach, expect, it } from 'vitest';
import { refuseWritesIfDamaged } from '../../../src/backup/shop-health.js';
import { ruleOf } from '../../../src/team/method-permissions.js';
import type { MethodName } from '../../../src/contract.js';
import { testShop } from '../shop-harness.js';
import { failure, ok, removeTempDirs, testCore } from '../temp-shop.js';
import { addProducts } from './backup-fixture.js';
import { damageTable } from './damage.js';

afterEach(() => removeTempDirs());

/** What the router does before a handler (src/router.ts wires refuseWritesIfDamaged with the method's rule). */
function guard(method: MethodName): string | null {
  try {
    refuseWritesIfDamaged(method, ruleOf(method).writes);
    return null;
  } catch (error) {
    return (error as { details: { key: string } }).details.key;
  }
}

it('detects a file damaged in the middle of a table at open, refuses writes, and is healed by restoring the newest good backup', async () => {
  const shop = testShop();
  await addProducts(shop, 1500);
  const good = await shop.ok('backups.create', {});
  await shop.close();

  damageTable(shop.path, 'variants');

  const core = testCore({ dbPath: shop.path });
  try {
    // The file needs no migration, so its check runs in a worker while the core answers; a write
    // sent at once waits for that check and is refused, named.
    expect((await failure(core, 'settings.update', { name: 'Too soon' })).details.key).toBe('shopDamaged');
    const status = await ok(core, 'health.status', {});
    expect(status.health.state).toBe('damaged');
    expect(status.health.state === 'damaged' ? status.health.detail : '').toMatch(/page|corrupt|malformed/i);
    expect(status.newestGoodBackup?.id).toBe(good.id);

    // Writes are refused with the named error; reads, backups and the health check go on.
    expect(guard('settings.update')).toBe('shopDamaged');
    expect(guard('variants.bulkUpdate')).toBe('shopDamaged');
    expect(guard('products.list')).toBeNull();
    expect(guard('backups.restore')).toBeNull();
    expect(guard('health.check')).toBeNull();

    // A backup of the damaged file would only carry the damage: the automatic ones skip, and
    // the copy made before the restore keeps the damaged file (its check says failed).
    const restored = await ok(core, 'backups.restore', { path: good.path });
    expect(restored.before).toMatchObject({ reason: 'beforeRestore', check: 'failed' });
    expect((await ok(core, 'health.status', {})).health.state).toBe('ok');
    expect(guard('settings.update')).toBeNull();
    expect((await ok(core, 'products.list', {})).total).toBe(1500);
    expect((await ok(core, 'settings.update', { name: 'Healed' })).name).toBe('Healed');
    // The damaged copy is never offered as the way out.
    expect((await ok(core, 'health.status', {})).newestGoodBackup?.id).toBe(good.id);
  } finally {
    await core.close();
  }
}, 60_000);

it('names a damaged backup file instead of restoring it', async () => {
  const shop = testShop();
  try {
    await addProducts(shop, 1500);
    const backup = await shop.ok('backups.create', {});
    damageTable(backup.path, 'variants');
    expect(await failure(shop.core, 'backups.inspect', { path: backup.path })).toMatchObject({ code: 'VALIDATION', details: { key: 'backupDamaged' } });
    expect((await shop.fail('backups.restore', { path: backup.path })).details.key).toBe('backupDamaged');
    expect((await shop.ok('products.list', {})).total).toBe(1500);
  } finally {
    await shop.close();
  }
}, 60_000);

it('health.check finds damage that happens while the shop is open', async () => {
  const shop = testShop();
  try {
    await addProducts(shop, 1500);
    expect((await shop.ok('health.check', {})).health.state).toBe('ok');
    shop.db.pragma('wal_checkpoint(TRUNCATE)');
    damageTable(shop.path, 'variants');
    const checked = await shop.ok('health.check', {});
    expect(checked.health.state).toBe('damaged');
  } finally {
    await shop.close();
  }
}, 60_000);

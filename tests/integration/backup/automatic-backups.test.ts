import { afterEach, expect, it } from 'vitest';
import { backupBefore, backupBeforeBulkEdit, backupsSettled, dailyBackupIfDue } from '../../../src/backup/backup-service.js';
import { runScheduledBackupWork } from '../../../src/backup/scheduled-work.js';
import { shopHealth } from '../../../src/backup/shop-health.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { addProducts } from './backup-fixture.js';

afterEach(() => removeTempDirs());

const later = (hours: number) => fixedClock(new Date(Date.parse(testNow) + hours * 3_600_000).toISOString());

it('an import backs the shop up first, holding the shop as it was before the import', async () => {
  const shop = testShop();
  try {
    await addProducts(shop, 3, 'FIRST');
    await addProducts(shop, 5, 'SECOND');
    await backupsSettled(shop.db.name);
    const before = (await shop.ok('backups.list', {})).backups.filter((entry) => entry.reason === 'beforeImport');
    expect(before.map((entry) => entry.counts.products).sort()).toEqual([0, 3]);
  } finally {
    await shop.close();
  }
});

it('the daily backup is made when no good backup is younger than a day', async () => {
  const shop = testShop();
  try {
    const first = await dailyBackupIfDue(shop.db, later(0));
    expect(first).toMatchObject({ reason: 'daily', check: 'ok' });
    expect(await dailyBackupIfDue(shop.db, later(23))).toBeNull();
    expect(await dailyBackupIfDue(shop.db, later(25))).toMatchObject({ reason: 'daily' });
    // The scheduler's run: health check, then the daily backup when due (not yet).
    await runScheduledBackupWork({ db: () => shop.db, clock: later(26), logError: (error) => { throw error; } });
    expect(shopHealth()).toMatchObject({ state: 'ok', checkedAt: later(26).now().toISOString() });
    expect((await shop.ok('backups.list', {})).backups.filter((entry) => entry.reason === 'daily')).toHaveLength(2);
  } finally {
    await shop.close();
  }
});

it('a bulk edit backs up first only above the threshold in the settings', async () => {
  const shop = testShop();
  try {
    await shop.ok('backups.settings.update', { bulkEditThreshold: 50 });
    expect(await backupBeforeBulkEdit(shop.db, 50, later(0))).toBeNull();
    const pending = await backupBeforeBulkEdit(shop.db, 51, later(0));
    expect(await pending?.done).toMatchObject({ reason: 'beforeBulkEdit', check: 'ok' });
  } finally {
    await shop.close();
  }
});

it('restores a backup even when the backup made before the restore rotates that very file away', async () => {
  const shop = testShop();
  try {
    await shop.ok('backups.settings.update', { keep: { daily: 1, weekly: 0, monthly: 0, perReason: 1 } });
    // An hour before the core's clock, and the only copy of the day: kept until a newer one comes.
    const daily = await backupBefore(shop.db, 'daily', later(-1));
    expect(daily?.shopName).toBe('Test shop');
    await shop.ok('settings.update', { name: 'Renamed' });
    // The beforeRestore copy is newer than the daily one, so it takes over the only kept day.
    const result = await shop.ok('backups.restore', { path: daily?.path ?? '' });
    expect(result.restored.shopName).toBe('Test shop');
    expect(result.before?.shopName).toBe('Renamed');
    expect((await shop.ok('settings.get', {})).name).toBe('Test shop');
    expect((await shop.ok('backups.list', {})).backups.map((entry) => entry.reason)).toEqual(['beforeRestore']);
    // The restore in the audit log: the shop's name and counts as restored, from the backup named.
    const restoreRow = (await shop.ok('audit.list', {})).rows.find((entry) => entry.kind === 'restore');
    expect(restoreRow?.changes).toContainEqual(expect.objectContaining({ table: 'shop', field: 'backup_path', after: daily?.path }));
  } finally {
    await shop.close();
  }
});

it('records the automatic backups in the audit log, with what was copied', async () => {
  const shop = testShop();
  try {
    const daily = await backupBefore(shop.db, 'daily', later(0));
    const { rows } = await shop.ok('audit.list', {});
    const row = rows.find((entry) => entry.kind === 'backup');
    expect(row).toMatchObject({ area: 'backups', origin: 'schedule', subject: `backup:${daily?.id}` });
    expect(row?.summary).toContain(daily?.path);
    // Shown as one backup's fields (path, reason, time, size, check, counts), not as characters of a text.
    expect(row?.changeCount).toBe(8);
    expect(row?.changes).toContainEqual(expect.objectContaining({ table: 'backup', rowKey: daily?.id, field: 'check_result', before: null, after: 'ok' }));
  } finally {
    await shop.close();
  }
});

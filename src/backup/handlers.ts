// The backups.* and health.* methods. They work without a shop too (a restore
// on the first screen, the backups of a file not yet set up), except making a
// copy of a shop that does not exist yet. Answers describe what happened (path,
// size, counts) so the audit log records a restore or a backup in words.
import { currentVersion, defaultMigrationsDir, loadMigrations, type Migration } from '../db/migrate.js';
import type { HandlerContext } from '../handlers.js';
import type { AreaHandlers } from '../router.js';
import { shopNotReady } from '../settings/service.js';
import { AppError } from '../shared/app-error.js';
import { backupFolderOf, readBackupSettings, writeBackupSettings } from './backup-settings-store.js';
import { createBackup, dbPathOf, listBackups, newestGoodBackup } from './backup-service.js';
import { checkFile } from './check-worker.js';
import type { BackupSettings, backupsContract, healthContract } from './contract.js';
import { exportShop, inspectBackup, receiveUpload, restoreBackup } from './restore-service.js';
import { markDamaged, markHealthy, pendingOpenCheck, shopHealth } from './shop-health.js';
import { readShopFacts } from './shop-copy-store.js';
import type { Db } from '../db/open.js';
import { environmentError } from '../shared/env-errors.js';

export function createBackupHandlers(ctx: HandlerContext): AreaHandlers<typeof backupsContract & typeof healthContract> {
  const live = (): Db => ctx.shop().db;
  const withShop = (): Db => {
    const shop = ctx.shop();
    if (!shop.settingsStore.get()) throw shopNotReady();
    return shop.db;
  };
  let migrations: Migration[] | null = null;
  const knownMigrations = (): Migration[] => (migrations ??= loadMigrations(defaultMigrationsDir()));
  // The live file is migrated to the newest schema at open, so its version is the one this Shopdesk knows.
  const appSchemaVersion = (): number => currentVersion(live());

  const settingsView = () => {
    const dbPath = dbPathOf(live());
    const settings = readBackupSettings(dbPath);
    return { ...settings, resolvedFolder: backupFolderOf(dbPath, settings) };
  };
  const healthStatus = () => ({ health: shopHealth(), newestGoodBackup: newestGoodBackup(live()) });

  return {
    'backups.list': () => {
      const view = settingsView();
      const facts = readShopFacts(live());
      const current = facts?.shopName == null ? null : { shopName: facts.shopName, counts: facts.counts };
      return { folder: view.resolvedFolder, backups: listBackups(live()), settings: view, current };
    },
    'backups.create': () => createBackup(withShop(), 'manual', ctx.clock),
    'backups.inspect': ({ path }) => inspectBackup(path, appSchemaVersion()),
    'backups.upload': ({ fileName, contentBase64 }) =>
      receiveUpload(dbPathOf(live()), fileName, Buffer.from(contentBase64, 'base64'), ctx.clock, appSchemaVersion()),
    'backups.restore': async ({ path }) => {
      if (ctx.jobs.list().some((job) => job.status === 'running')) {
        throw new AppError('CONFLICT', 'A job (an import, a demo shop, a sync) is running; the shop was not restored. Restore when it has finished.', {
          key: 'restoreWhileJobs',
        });
      }
      const result = await restoreBackup(live(), path, knownMigrations(), ctx.clock);
      ctx.emit({ name: 'shop.changed', payload: { reason: 'replaced' } });
      ctx.emit({ name: 'data.changed', payload: { areas: ['catalog', 'stock', 'purchasing', 'history', 'customers', 'orders', 'promotions'] } });
      return result;
    },
    'backups.exportShop': ({ path }) => exportShop(withShop(), path, ctx.clock),
    'backups.settings.get': () => settingsView(),
    'backups.settings.update': (input) => {
      const dbPath = dbPathOf(live());
      const current = readBackupSettings(dbPath);
      const next: BackupSettings = {
        folder: input.folder === undefined ? current.folder : input.folder === null || input.folder === '' ? null : input.folder,
        bulkEditThreshold: input.bulkEditThreshold ?? current.bulkEditThreshold,
        keep: { ...current.keep, ...Object.fromEntries(Object.entries(input.keep ?? {}).filter(([, value]) => value !== undefined)) },
      };
      try {
        writeBackupSettings(dbPath, next);
      } catch (error) {
        throw environmentError(error) ?? error;
      }
      return settingsView();
    },
    'health.status': async () => {
      await pendingOpenCheck();
      return healthStatus();
    },
    'health.check': async () => {
      const checked = await checkFile(dbPathOf(live()), 'quick_check');
      if (checked.ok) markHealthy(ctx.clock.now());
      else markDamaged(checked.detail, ctx.clock.now());
      return healthStatus();
    },
  };
}

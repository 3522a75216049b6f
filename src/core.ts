// The core: one object every face (Electron, serve mode, tests, benchmarks)
// talks to. `call` validates against the contract and always answers with an
// envelope; `on` streams typed events; `close` waits for running jobs.
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from './db/migrate.js';
import type { CoreEvent } from './events.js';
import { createHandlers, shopExists } from './handlers.js';
import { JobRunner } from './jobs/runner.js';
import { createRouter, type Router } from './router.js';
import { AppError } from './shared/app-error.js';
import { systemClock, type Clock } from './shared/clock.js';
import { openShopDatabase, type ShopDatabase } from './shop/database.js';
import { openDatabase } from './db/open.js';
import { buildingPath, runDemoJob } from './shop/demo-job.js';
import { acquireShopLock, type ShopFace } from './db/shop-lock.js';
import { startReportScheduler } from './reports/scheduler.js';
import { startAlertScheduler } from './alerts/scheduler.js';
import { evaluateAndAnnounce } from './alerts/handlers.js';
import { keyFileSealerIn, type SecretSealer } from './sync/credential-vault.js';
import { defaultSyncRequestTimeoutMs } from './sync/engine.js';
import { createSyncRuntime } from './sync/runtime.js';
import { advancePromotions } from './promotions/runner.js';
import { startPromotionScheduler } from './promotions/scheduler.js';
import { createTeamRuntime } from './team/team-runtime.js';
import { createCallGuard } from './team/guard.js';
import { founderNames } from './team/people-service.js';
import { runAs, systemCaller } from './team/call-context.js';
import type { Via } from './team/via.js';
import { ruleOf } from './team/method-permissions.js';
import { backupsSettled } from './backup/backup-service.js';
import type { RestoreResult } from './backup/restore-service.js';
import { pendingOpenCheck, refuseWritesIfDamaged, shopHealth } from './backup/shop-health.js';
import { startBackupScheduler } from './backup/scheduler.js';
import { runScheduledBackupWork } from './backup/scheduled-work.js';
import { createAuditAround, createForbiddenAudit, createSignInAudit } from './audit/wiring.js';
import { appendAudit } from './audit/recorder.js';

export interface CoreOptions {
  dbPath: string;
  clock?: Clock;
  /** better-sqlite3 built for another ABI (Electron). */
  nativeBinding?: string;
  migrationsDir?: string;
  /** Validate every answer against the contract too (tests). */
  checkOutputs?: boolean;
  appVersion?: string;
  /** Receives unexpected errors with their stacks; callers only see INTERNAL. */
  logError?: (error: unknown) => void;
  /** Background work (alert evaluation, weekly reports); off for benchmarks, which time calls alone. Default on. */
  background?: boolean;
  /** Who opens the shop, named to a second program that finds the file's lock held (default 'cli'). */
  face?: ShopFace;
  /**
   * Take the shop file's single-writer lock (default true). Only the benchmark turns it off, to time
   * a second, read-only opening of the file its own first core holds.
   */
  lockFile?: boolean;
  /**
   * Seals channel credentials. The desktop app passes Electron safeStorage's; default: AES-256-GCM
   * under the key file `sync-credentials.key` in the shop file's folder (created on first use).
   */
  secretSealer?: SecretSealer;
  /** How connectors reach marketplaces (tests point it at emulators). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout of marketplace calls (default 30 s). */
  syncRequestTimeoutMs?: number;
  /** How often the sync scheduler looks for due channels and queued pushes (default 2 s; tests shorten it). */
  syncPollMs?: number;
}

export interface Core {
  readonly dbPath: string;
  call: Router;
  on(listener: (event: CoreEvent) => void): () => void;
  /** Whether a face with this session may hear events now (signed in and unlocked, or sign-in off). */
  admits(via: Via): boolean;
  /** Cancels running jobs, waits for them and closes the database. */
  close(): Promise<void>;
}

/** Files an interrupted demo job left beside the shop (the process was killed before its swap-in). */
function removeOrphanDemoBuild(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${buildingPath(dbPath)}${suffix}`, { force: true });
}

/**
 * Throws AppError DB_TOO_NEW or MIGRATION_FAILED when the database cannot be used, and
 * CONFLICT `shopLocked` when another Shopdesk process has the shop file open.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const migrations = loadMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const open = (): ShopDatabase =>
    openShopDatabase({ path: options.dbPath, migrations, clock, nativeBinding: options.nativeBinding });

  const lock = options.lockFile === false ? { release: () => undefined } : acquireShopLock(options.dbPath, options.face ?? 'cli');
  let shop: ShopDatabase;
  try {
    // Holding the lock, nothing else builds a demo for this file: leftovers are orphans.
    removeOrphanDemoBuild(options.dbPath);
    shop = open();
  } catch (error) {
    lock.release();
    throw error;
  }
  let closed = false;
  const background = options.background;
  const listeners = new Set<(event: CoreEvent) => void>();
  // Alerts re-evaluate on a schedule and after data changes (debounced, outside the request).
  // Scheduled runs are full; runs after data changes re-check only what the changes touched.
  // Background writers wait for the check of a file just opened and never write into a damaged one.
  const whenWritable = (work: () => void): void => {
    const checking = pendingOpenCheck();
    if (checking) {
      checking.then(() => whenWritable(work)).catch(logError);
      return;
    }
    if (!closed && shopHealth().state !== 'damaged') work();
  };
  const evaluateAlertsNow = (incremental: boolean) => {
    if (closed || background === false || !shop.settingsStore.get()) return; // no shop yet: nothing to watch
    whenWritable(() => {
      try {
        runAs(systemCaller('schedule'), () => evaluateAndAnnounce(shop.db, { clock, emit }, { incremental }));
      } catch (error) {
        logError(error);
      }
    });
  };
  const alertScheduler = startAlertScheduler({
    evaluate: () => evaluateAlertsNow(false),
    evaluateChanges: () => evaluateAlertsNow(true),
  });
  let sealer: SecretSealer | null = options.secretSealer ?? null;
  const sync = createSyncRuntime({
    db: () => (!closed && shop.settingsStore.get() ? shop.db : null),
    clock,
    emit: (event) => emit(event),
    logError,
    sealer: () => (sealer ??= keyFileSealerIn(dirname(options.dbPath))),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    requestTimeoutMs: options.syncRequestTimeoutMs ?? defaultSyncRequestTimeoutMs,
    background: background !== false,
    ...(options.syncPollMs === undefined ? {} : { pollMs: options.syncPollMs }),
  });
  const emit = (event: CoreEvent): void => {
    if (event.name === 'shop.changed' && event.payload.reason === 'replaced') sync.shopReplaced();
    if (event.name === 'data.changed' || event.name === 'shop.changed') alertScheduler.dataChanged();
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logError(error);
      }
    }
  };
  const jobs = new JobRunner(clock, (info) => emit({ name: 'job.progress', payload: info }), logError);

  /** The demo's commit point: replace the (still empty) shop file with the generated one. */
  const swapIn = (builtPath: string): void => {
    if (shop.settingsStore.get()) throw shopExists();
    shop.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${options.dbPath}${suffix}`, { force: true });
    renameSync(builtPath, options.dbPath);
    shop = open();
    const locale = shop.settingsStore.get()?.locale;
    if (locale) team.store().nameFounder(founderNames[locale], clock.now().toISOString());
    emit({ name: 'shop.changed', payload: { reason: 'replaced' } });
  };

  // Sign-ins, refused sign-ins and refused calls go to the audit log as events.
  const team = createTeamRuntime({ db: () => shop.db, clock, events: createSignInAudit(() => shop.db, clock, logError) });
  const auditAround = createAuditAround(() => shop.db, clock, logError);
  const handlers = createHandlers({
    shop: () => shop,
    jobs,
    clock,
    appVersion: options.appVersion ?? 'dev',
    emit,
    openWriter: () => openDatabase(options.dbPath, { nativeBinding: options.nativeBinding }),
    reportsDir: join(dirname(options.dbPath), 'reports'),
    sync,
    team,
    startDemo: ({ size, seed, locale }) => {
      if (shop.settingsStore.get()) throw shopExists();
      if (jobs.list().some((job) => job.kind === 'demo.generate' && job.status === 'running')) {
        throw new AppError('CONFLICT', 'A demo shop is already being generated.', { key: 'demoRunning' });
      }
      const job = jobs.start('demo.generate', 'jobs.kind.demoGenerate', (ctx) =>
        runDemoJob(ctx, {
          dbPath: options.dbPath,
          size,
          seed,
          locale: locale ?? 'en',
          clock,
          nativeBinding: options.nativeBinding,
          swapIn,
        }),
      );
      return job.id;
    },
  });
  const router = createRouter(handlers, {
    guard: createCallGuard(team, createForbiddenAudit(() => shop.db, clock, logError)),
    around: async (call, run) => {
      // A damaged shop file answers reads (and backups, restore) but takes no more writes; in the
      // first seconds after open a write waits for the file's check to say which it is.
      const writes = ruleOf(call.method).writes;
      const checking = writes ? pendingOpenCheck() : null;
      if (checking) await checking;
      refuseWritesIfDamaged(call.method, writes);
      if (call.method !== 'backups.restore') return auditAround(call, run);
      // A restore replaces the file under the recorder's marks: it is recorded as one event in
      // the restored shop's log (whose chain it continues), naming the file and the counts.
      const output = (await run()) as RestoreResult;
      try {
        const { restored, countsBefore } = output;
        appendAudit(shop.db, clock, {
          kind: 'restore',
          area: 'backups',
          input: call.input,
          // One "shop" row: its counts before, and the restored backup's name, date and counts.
          before: { shop: { ...countsBefore } },
          after: { shop: { shop_name: restored.shopName, backup_path: restored.path, backup_created_at: restored.createdAt, ...restored.counts } },
        });
      } catch (error) {
        logError(error);
      }
      return output;
    },
    ourWriterRunning: () => jobs.list().some((job) => job.kind === 'imports.apply' && job.status === 'running'),
    checkOutputs: options.checkOutputs ?? false,
    logError: (_method, error) => logError(error),
  });
  // The weekly report writes itself: missing last-week reports are generated in the background.
  const reportScheduler = startReportScheduler({
    ensureLastWeek: async () => {
      if (background === false) return;
      const answer = await router('reports.generate', { onlyIfMissing: true }, { origin: 'schedule' });
      // No shop yet is normal (first start, demo being built); anything else is worth a log line.
      if (!answer.ok && answer.error.code !== 'SHOP_NOT_READY') logError(new Error(`Weekly report: ${answer.error.message}`));
    },
  });

  // Promotions start and end on time (their sale prices come and go): at start, every 30 s, and
  // right after a call that may have made one due. Off with the other background work.
  const promotionScheduler = startPromotionScheduler({
    advance: () => {
      if (closed || background === false || !shop.settingsStore.get()) return;
      whenWritable(() => {
        const moved = runAs(systemCaller('schedule'), () => advancePromotions(shop.db, clock.now()));
        if (moved.started.length > 0 || moved.ended.length > 0) emit({ name: 'data.changed', payload: { areas: ['catalog'] } });
      });
    },
    logError,
  });
  // Hourly: the file's health check, then the daily backup when one is due.
  const backupScheduler = startBackupScheduler({
    run: () =>
      background === false
        ? Promise.resolve()
        : runAs(systemCaller('schedule'), () =>
            runScheduledBackupWork({ db: () => (!closed && shop.settingsStore.get() ? shop.db : null), clock, logError }),
          ),
  });
  const pokesPromotions = new Set<string>([
    'promotions.schedule',
    'promotions.unschedule',
    'promotions.cancel',
    'promotions.update',
    'history.undo',
  ]);

  return {
    dbPath: options.dbPath,
    call: async (method, input, via) => {
      if (closed) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Shopdesk is shutting down.', details: { key: 'closed' } } };
      }
      const answer = await router(method, input, via);
      if (answer.ok && pokesPromotions.has(method)) promotionScheduler.poke();
      return answer;
    },
    admits: (via) => !closed && team.resolve(via).kind === 'person',
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of jobs.list()) jobs.cancel(job.id);
      await jobs.idle();
      // Aborts a scheduled pass and waits for it: the database is never closed under a sync.
      await sync.stop();
      await reportScheduler.stop();
      await backupScheduler.stop();
      alertScheduler.stop();
      promotionScheduler.stop();
      // A backup still being copied or checked (the one before an import or bulk edit) is finished, not cut off.
      await backupsSettled(shop.db.name);
      await pendingOpenCheck();
      shop.db.close();
      lock.release();
    },
  };
}

// Backups and health checks without anyone asking: shortly after start and then
// every hour, make the daily backup when no good backup is younger than a day,
// and re-check the file (quick_check in a worker). Timers are unref'd; stop()
// clears them and waits for a run in progress, so the core can close the
// database safely (as src/reports/scheduler.ts).

export interface BackupScheduler {
  stop(): Promise<void>;
}

export interface BackupSchedulerOptions {
  /** dailyBackupIfDue + the health check (src/backup/scheduled-work.ts). */
  run(): Promise<void>;
  firstDelayMs?: number;
  everyMs?: number;
}

export function startBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = options.run().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, options.firstDelayMs ?? 60_000);
  const every = setInterval(tick, options.everyMs ?? 3_600_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

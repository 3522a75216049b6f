// Backups and health checks without anyone asking: a minute after start and then
// every hour, make the daily backup when no good backup is younger than a day,
// and re-check the file (quick_check in a worker).
import { startBackgroundTimer, type BackgroundTimer } from '../jobs/background-timer.js';

export type BackupScheduler = BackgroundTimer;

export interface BackupSchedulerOptions {
  /** dailyBackupIfDue + the health check (src/backup/scheduled-work.ts). */
  run(): Promise<void>;
  firstDelayMs?: number;
  everyMs?: number;
}

export function startBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  return startBackgroundTimer(options.run, { firstDelayMs: options.firstDelayMs ?? 60_000, everyMs: options.everyMs ?? 3_600_000 });
}

// One run of the backup scheduler: the health check first (a damaged file gets
// no daily copy — it would carry the damage), then the daily backup when due.
// Errors go to the log; the next hour tries again.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { dailyBackupIfDue, dbPathOf } from './backup-service.js';
import { checkFile } from './check-worker.js';
import { markDamaged, markHealthy } from './shop-health.js';

export interface ScheduledBackupDeps {
  /** The open shop, or null when there is none yet or the core is closing. */
  db(): Db | null;
  clock: Clock;
  logError(error: unknown): void;
}

export async function runScheduledBackupWork(deps: ScheduledBackupDeps): Promise<void> {
  const db = deps.db();
  if (db === null) return;
  try {
    const checked = await checkFile(dbPathOf(db), 'quick_check');
    if (checked.ok) markHealthy(deps.clock.now());
    else markDamaged(checked.detail, deps.clock.now());
    await dailyBackupIfDue(db, deps.clock);
  } catch (error) {
    deps.logError(error);
  }
}

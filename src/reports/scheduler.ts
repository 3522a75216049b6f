// Keeps the weekly report coming without anyone asking: shortly after start
// and then every hour, ask for the last complete week's report if it is
// missing (reports.generate with onlyIfMissing).
import { startBackgroundTimer, type BackgroundTimer } from '../jobs/background-timer.js';

export type ReportScheduler = BackgroundTimer;

export interface ReportSchedulerOptions {
  /** Generates the last complete week's report when it is missing. */
  ensureLastWeek(): Promise<void>;
  /** The first check; later than the start so opening the app stays quick. */
  firstDelayMs?: number;
  everyMs?: number;
}

export function startReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  return startBackgroundTimer(options.ensureLastWeek, { firstDelayMs: options.firstDelayMs ?? 30_000, everyMs: options.everyMs ?? 3_600_000 });
}

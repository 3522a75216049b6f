// Keeps the weekly report coming without anyone asking: shortly after start
// and then every hour, ask for the last complete week's report if it is
// missing (reports.generate with onlyIfMissing). Timers are unref'd so they
// never keep the process alive; stop() clears them and waits for a run in
// progress, so the core can close the database safely.

export interface ReportScheduler {
  stop(): Promise<void>;
}

export interface ReportSchedulerOptions {
  /** Generates the last complete week's report when it is missing. */
  ensureLastWeek(): Promise<void>;
  /** The first check; later than the start so opening the app stays quick. */
  firstDelayMs?: number;
  everyMs?: number;
}

export function startReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = options.ensureLastWeek().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, options.firstDelayMs ?? 30_000);
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

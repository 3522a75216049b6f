// Work the core does without anyone asking (the weekly report, backups and the
// file's health check): shortly after start and then at an interval, never two
// runs at once. Timers are unref'd so they never keep the process alive; stop()
// clears them and waits for a run in progress, so the core can close the
// database safely.

export interface BackgroundTimer {
  stop(): Promise<void>;
}

export interface BackgroundTimerOptions {
  /** The first run; later than the start so opening the app stays quick. */
  firstDelayMs: number;
  everyMs: number;
}

export function startBackgroundTimer(run: () => Promise<void>, options: BackgroundTimerOptions): BackgroundTimer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = run().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, options.firstDelayMs);
  const every = setInterval(tick, options.everyMs);
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

// When alerts are evaluated without anyone asking: once shortly after start,
// every 15 minutes while the app runs, and 2 s after the last data change (a
// burst of writes — an import, a bulk edit — gives one evaluation, and never
// inside the request that wrote) but at most once a minute. Timers are unref'd so tests and the CLI exit;
// stop() clears them. The evaluation itself reads the injected clock.

export interface AlertScheduler {
  /** Data changed: evaluate once the writes have settled. */
  dataChanged(): void;
  stop(): void;
}

export interface AlertSchedulerOptions {
  /** Runs one evaluation (synchronous: one transaction); errors are the caller's to log. */
  evaluate(): void;
  firstDelayMs?: number;
  debounceMs?: number;
  everyMs?: number;
  /** Data-triggered runs at most this often: an evaluation of a large shop takes seconds of the core's time. */
  minGapMs?: number;
}

export const alertTimings = { firstDelayMs: 10_000, debounceMs: 2_000, everyMs: 15 * 60_000, minGapMs: 60_000 };

export function startAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  let stopped = false;
  let debounce: NodeJS.Timeout | null = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  const run = () => {
    if (stopped) return;
    lastRun = Date.now();
    options.evaluate();
  };
  const first = setTimeout(run, options.firstDelayMs ?? alertTimings.firstDelayMs);
  const every = setInterval(run, options.everyMs ?? alertTimings.everyMs);
  first.unref();
  every.unref();
  return {
    dataChanged() {
      if (stopped) return;
      if (debounce) clearTimeout(debounce);
      // Once the writes have settled, and not sooner than minGap after the last run.
      const settle = options.debounceMs ?? alertTimings.debounceMs;
      const wait = Math.max(settle, lastRun + (options.minGapMs ?? alertTimings.minGapMs) - Date.now());
      debounce = setTimeout(() => {
        debounce = null;
        run();
      }, wait);
      debounce.unref();
    },
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      if (debounce) clearTimeout(debounce);
    },
  };
}

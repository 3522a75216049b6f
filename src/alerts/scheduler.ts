// When alerts are evaluated without anyone asking: once shortly after start,
// every 15 minutes while the app runs, and shortly after data changes — once
// the writes have settled (a burst of writes — an import, a bulk edit — gives
// one evaluation, and never inside the request that wrote). A data-triggered
// run re-checks only what the change touched (`evaluateChanges`, incremental.ts:
// tens of milliseconds), so it may follow a change within seconds; without it,
// a data-triggered run is a full evaluation and waits at least a minute after
// the last. Timers are unref'd so tests and the CLI exit; stop() clears them.
// The evaluation itself reads the injected clock.

export interface AlertScheduler {
  /** Data changed: evaluate once the writes have settled. */
  dataChanged(): void;
  stop(): void;
}

export interface AlertSchedulerOptions {
  /** Runs one full evaluation (synchronous: one transaction); errors are the caller's to log. */
  evaluate(): void;
  /** Runs one incremental evaluation (only what changed); when given, data-triggered runs use it. */
  evaluateChanges?(): void;
  firstDelayMs?: number;
  debounceMs?: number;
  everyMs?: number;
  /** Data-triggered runs at most this often (default: `minGapMs` of alertTimings, or `fullMinGapMs` without `evaluateChanges`). */
  minGapMs?: number;
}

export const alertTimings = {
  firstDelayMs: 10_000,
  debounceMs: 2_000,
  everyMs: 15 * 60_000,
  /** Between incremental runs: a few seconds, so a burst of changes costs a few evaluations, not one per write. */
  minGapMs: 5_000,
  /** Between data-triggered full runs: an evaluation of a large shop costs about a second of the core's time. */
  fullMinGapMs: 60_000,
};

export function startAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  let stopped = false;
  let debounce: NodeJS.Timeout | null = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  const run = (evaluate: () => void) => {
    if (stopped) return;
    lastRun = Date.now();
    evaluate();
  };
  const full = () => run(() => options.evaluate());
  const changes = options.evaluateChanges ? () => options.evaluateChanges?.() : () => options.evaluate();
  const minGap = options.minGapMs ?? (options.evaluateChanges ? alertTimings.minGapMs : alertTimings.fullMinGapMs);
  const first = setTimeout(full, options.firstDelayMs ?? alertTimings.firstDelayMs);
  const every = setInterval(full, options.everyMs ?? alertTimings.everyMs);
  first.unref();
  every.unref();
  return {
    dataChanged() {
      if (stopped) return;
      if (debounce) clearTimeout(debounce);
      // Once the writes have settled, and not sooner than minGap after the last run.
      const settle = options.debounceMs ?? alertTimings.debounceMs;
      const wait = Math.max(settle, lastRun + minGap - Date.now());
      debounce = setTimeout(() => {
        debounce = null;
        run(changes);
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

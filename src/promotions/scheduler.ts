// Starts and ends promotions on time without anyone asking: once when the core starts, then every
// 30 s, and at once when poked (after a schedule or a cancel, so a promotion whose start has
// already come does not wait for the next tick). Each pass is one synchronous transaction
// (runner.ts advancePromotions) with the core's clock; an error is logged and the next tick tries
// again, never crashing the core. Timers are unref'd so tests and the CLI exit; stop() clears them.

export interface PromotionScheduler {
  /** Runs a pass soon (on the next turn of the event loop), e.g. after a promotion was scheduled. */
  poke(): void;
  stop(): void;
}

export interface PromotionSchedulerOptions {
  /** One pass: starts due promotions, ends finished ones, applies flash caps. Synchronous. */
  advance(): void;
  logError(error: unknown): void;
  everyMs?: number;
}

export const promotionTickMs = 30_000;

export function startPromotionScheduler(options: PromotionSchedulerOptions): PromotionScheduler {
  let stopped = false;
  let soon: NodeJS.Timeout | null = null;
  const run = () => {
    if (stopped) return;
    try {
      options.advance();
    } catch (error) {
      options.logError(error);
    }
  };
  const poke = () => {
    // Several pokes in one burst give one pass.
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = null;
      run();
    }, 0);
    soon.unref();
  };
  poke();
  const every = setInterval(run, options.everyMs ?? promotionTickMs);
  every.unref();
  return {
    poke,
    stop() {
      stopped = true;
      clearInterval(every);
      if (soon) clearTimeout(soon);
      soon = null;
    },
  };
}

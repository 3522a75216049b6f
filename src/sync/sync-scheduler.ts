// When sync passes run, and the rule that at most one runs per channel.
//
// One timer loop (every `pollMs`, 2 s by default) looks at the connected, unpaused channels:
// - a channel whose next pull is due (last pull + its pull interval; never pulled = now) gets a
//   full pass (orders in, catalogue, prices and stock out);
// - otherwise, a channel with outbox rows due gets a push-only pass, so a local stock change
//   reaches the channels within seconds rather than at the next scheduled pull. After a push-only
//   pass that failed as a whole, or that left due rows it could do nothing with, the channel
//   waits `pushRetryGapMs` before the next one (the rows' own backoff covers item failures; this
//   covers "cannot even build the connector" and "no location mapped").
// The poll is one grouped COUNT over the outbox's index: cheap enough for every 2 s.
//
// The per-channel lock is a map of running passes: `launch` refuses a second pass for a channel
// (sync.run turns that into "join the running job" or a clear refusal). `stop` aborts every
// running pass and waits for it, so core.close() never closes the database under a pass.
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { PassControl, PassKind, PassSummary } from './sync-run.js';

export interface ScheduledChannel {
  channelId: number;
  /** When the next full pass is due (ms since epoch); null: not scheduled (paused, disconnected). */
  dueAtMs: number | null;
}

export interface SyncSchedulerOptions {
  clock: Clock;
  /** Read on every tick; empty when there is no shop yet. */
  channels(): ScheduledChannel[];
  /** Outbox rows due now, per channel. */
  dueOutbox(): Map<number, number>;
  runPass(channelId: number, what: PassKind, control: PassControl): Promise<PassSummary>;
  logError(error: unknown): void;
  /** Run the timer loop (off for benchmarks and for cores opened with background: false). */
  enabled: boolean;
  pollMs?: number;
  pushRetryGapMs?: number;
}

export const syncSchedulerTimings = { pollMs: 2_000, pushRetryGapMs: 60_000 };

interface Running {
  what: PassKind;
  jobId: string | null;
  controller: AbortController;
  done: Promise<PassSummary>;
}

export interface LaunchOptions {
  jobId?: string | null;
  signal?: AbortSignal;
  onProgress?: PassControl['onProgress'];
}

export function syncRunning(channelId: number): AppError {
  return new AppError('CONFLICT', `A sync of channel ${channelId} is already running; wait for it to finish.`, { key: 'syncRunning', params: { channelId } });
}

export function createSyncScheduler(options: SyncSchedulerOptions) {
  const pollMs = options.pollMs ?? syncSchedulerTimings.pollMs;
  const pushRetryGapMs = options.pushRetryGapMs ?? syncSchedulerTimings.pushRetryGapMs;
  const running = new Map<number, Running>();
  const pushHoldUntil = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function launch(channelId: number, what: PassKind, launchOptions: LaunchOptions = {}): Promise<PassSummary> {
    if (stopped) throw new AppError('CONFLICT', 'Shopdesk is shutting down.', { key: 'closed' });
    if (running.has(channelId)) throw syncRunning(channelId);
    const controller = new AbortController();
    const outer = launchOptions.signal;
    if (outer) {
      if (outer.aborted) controller.abort();
      else outer.addEventListener('abort', () => controller.abort(), { once: true });
    }
    const control: PassControl = { signal: controller.signal, ...(launchOptions.onProgress ? { onProgress: launchOptions.onProgress } : {}) };
    let finished: (summary: PassSummary) => void = () => undefined;
    const done = new Promise<PassSummary>((resolve) => (finished = resolve));
    // Registered before the pass starts, so whoever hears its first event sees it running.
    running.set(channelId, { what, jobId: launchOptions.jobId ?? null, controller, done });
    // A pass that throws before its first await (no shop any more) still releases the lock.
    new Promise<PassSummary>((resolve) => resolve(options.runPass(channelId, what, control)))
      .catch((error: unknown): PassSummary => {
        // runPass records its own failures; anything escaping it is a bug worth a log line.
        options.logError(error);
        return { channelId, what, ok: false, failure: null, pulled: null, stockPushed: 0, pricesPushed: 0 };
      })
      .then((summary) => {
        running.delete(channelId);
        finished(summary);
      });
    return done;
  }

  function safeDue(): Map<number, number> {
    try {
      return options.dueOutbox();
    } catch {
      return new Map();
    }
  }

  function tick(): void {
    timer = null;
    if (stopped) return;
    try {
      const now = options.clock.now().getTime();
      const channels = options.channels();
      const due = channels.length > 0 ? options.dueOutbox() : new Map<number, number>();
      for (const channel of channels) {
        if (channel.dueAtMs === null || running.has(channel.channelId)) continue;
        if (now >= channel.dueAtMs) {
          void launch(channel.channelId, 'all');
        } else if ((due.get(channel.channelId) ?? 0) > 0 && now >= (pushHoldUntil.get(channel.channelId) ?? 0)) {
          const id = channel.channelId;
          void launch(id, 'push').then((summary) => {
            // Failed, or rows still due that nothing could be done with: do not spin on them every poll.
            const stuck = summary.stockPushed + summary.pricesPushed === 0 && (safeDue().get(id) ?? 0) > 0;
            if (!summary.ok || stuck) pushHoldUntil.set(id, options.clock.now().getTime() + pushRetryGapMs);
            else pushHoldUntil.delete(id);
          });
        }
      }
    } catch (error) {
      options.logError(error);
    }
    schedule();
  }

  function schedule(): void {
    if (stopped || !options.enabled || timer) return;
    timer = setTimeout(tick, pollMs);
    timer.unref();
  }

  return {
    start(): void {
      schedule();
    },
    launch,
    /** The pass running for the channel now, if any. */
    running(channelId: number): { what: PassKind; jobId: string | null } | null {
      const entry = running.get(channelId);
      return entry ? { what: entry.what, jobId: entry.jobId } : null;
    },
    isRunning: (channelId: number): boolean => running.has(channelId),
    /** Look again now (a channel was resumed or connected). */
    wake(): void {
      if (stopped || !options.enabled) return;
      if (timer) clearTimeout(timer);
      timer = null;
      setImmediate(tick);
    },
    /** Aborts the channel's running pass (disconnect) and waits for it to end. */
    async cancel(channelId: number): Promise<void> {
      const entry = running.get(channelId);
      if (!entry) return;
      entry.controller.abort();
      await entry.done;
    },
    /** Stops the loop, aborts running passes and waits for them. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const passes = [...running.values()];
      for (const entry of passes) entry.controller.abort();
      await Promise.all(passes.map((entry) => entry.done));
    },
  };
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;

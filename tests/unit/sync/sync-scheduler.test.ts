// The scheduler's rules with a fake pass: one pass per channel, full passes when due, push-only
// passes soon after local changes (but not spinning on a channel that cannot push), and stop()
// aborting and waiting for what runs.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/app-error.js';
import { createSyncScheduler, type ScheduledChannel } from '../../../src/sync/sync-scheduler.js';
import type { PassKind, PassSummary } from '../../../src/sync/sync-run.js';

interface Call {
  channelId: number;
  what: PassKind;
  signal: AbortSignal;
}

function harness(options: { channels: ScheduledChannel[]; due?: Map<number, number>; ok?: boolean; pushed?: number; holdMs?: number }) {
  let now = 1_000_000;
  const calls: Call[] = [];
  const release: Array<() => void> = [];
  const due = options.due ?? new Map<number, number>();
  const scheduler = createSyncScheduler({
    clock: { now: () => new Date(now) },
    enabled: true,
    pollMs: 5,
    pushRetryGapMs: options.holdMs ?? 60_000,
    logError: (error) => {
      throw error;
    },
    channels: () => options.channels,
    dueOutbox: () => due,
    runPass: (channelId, what, control) => {
      calls.push({ channelId, what, signal: control.signal });
      return new Promise<PassSummary>((resolve) => {
        const done = () => resolve({ channelId, what, ok: options.ok ?? true, failure: null, pulled: null, stockPushed: options.pushed ?? 0, pricesPushed: 0 });
        release.push(done);
        control.signal.addEventListener('abort', done, { once: true });
      });
    },
  });
  return { scheduler, calls, release, due, advance: (ms: number) => void (now += ms), nowMs: () => now };
}

const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync scheduler', () => {
  it('runs a due channel once, and refuses a second pass while one runs', async () => {
    const h = harness({ channels: [{ channelId: 1, dueAtMs: 0 }, { channelId: 2, dueAtMs: null }] });
    h.scheduler.start();
    await settle();
    expect(h.calls.map((c) => [c.channelId, c.what])).toEqual([[1, 'all']]);
    expect(h.scheduler.running(1)).toEqual({ what: 'all', jobId: null });
    expect(() => h.scheduler.launch(1, 'push')).toThrow(AppError);
    h.release.forEach((done) => done());
    await h.scheduler.stop();
  });

  it('pushes soon after a local change, and holds a channel whose push did nothing with its due rows', async () => {
    const h = harness({ channels: [{ channelId: 1, dueAtMs: Number.MAX_SAFE_INTEGER }], due: new Map([[1, 3]]), pushed: 0, holdMs: 60_000 });
    h.scheduler.start();
    await settle();
    expect(h.calls.map((c) => c.what)).toEqual(['push']);
    h.release.splice(0).forEach((done) => done());
    await settle();
    // Rows still due and nothing pushed: held, not retried every poll.
    expect(h.calls).toHaveLength(1);
    h.advance(60_000);
    await settle();
    expect(h.calls).toHaveLength(2);
    await h.scheduler.stop();
  });

  it('stop() aborts running passes and waits for them', async () => {
    const h = harness({ channels: [{ channelId: 1, dueAtMs: 0 }] });
    h.scheduler.start();
    await settle();
    const [call] = h.calls;
    await h.scheduler.stop();
    expect(call?.signal.aborted).toBe(true);
    expect(h.scheduler.isRunning(1)).toBe(false);
    expect(() => h.scheduler.launch(1, 'all')).toThrow(AppError);
  });
});

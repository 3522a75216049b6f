// The order of a page's loads (renderer/src/components/use-first-screen.ts): a
// below-the-fold load starts only after every first-screen load in flight is
// answered, never before, and never waits forever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstScreen, beginFirstScreenLoad } from '../../../renderer/src/components/use-first-screen.js';

describe('loads below the fold wait for the first screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a below-the-fold load only once every first-screen load in flight has ended', async () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const endKpis = beginFirstScreenLoad();
    const endTrend = beginFirstScreenLoad();
    afterFirstScreen(null, () => started.push('mix'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual([]);
    endKpis();
    // Ending twice (an answer, then an error handler) counts once.
    endKpis();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual([]);
    endTrend();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['mix']);
  });

  it('starts at once (after the current effects) when no first-screen load is in flight, and only once', async () => {
    vi.useFakeTimers();
    const started: string[] = [];
    afterFirstScreen(null, () => started.push('cohorts'));
    afterFirstScreen(null, () => started.push('value'));
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(started).toEqual(['cohorts', 'value']);
    const end = beginFirstScreenLoad();
    end();
    await vi.advanceTimersByTimeAsync(300);
    expect(started).toEqual(['cohorts', 'value']);
  });

  it('never starts a load cancelled before its turn (its inputs changed, or its panel went)', async () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const end = beginFirstScreenLoad();
    const cancel = afterFirstScreen(null, () => started.push('old period'));
    afterFirstScreen(null, () => started.push('new period'));
    cancel();
    end();
    await vi.advanceTimersByTimeAsync(300);
    expect(started).toEqual(['new period']);
  });
});

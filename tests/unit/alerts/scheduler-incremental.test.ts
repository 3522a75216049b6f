// With an incremental evaluation wired in, a data change is re-checked seconds after it (not once a
// minute), through evaluateChanges; the start-up and periodic runs stay full evaluations.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alertTimings, startAlertScheduler } from '../../../src/alerts/scheduler.js';

describe('alert evaluation schedule with incremental runs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('data changes run evaluateChanges (5 s after the last run at the soonest); start-up and every 15 minutes run evaluate', () => {
    const evaluate = vi.fn();
    const evaluateChanges = vi.fn();
    const scheduler = startAlertScheduler({ evaluate, evaluateChanges });
    vi.advanceTimersByTime(10_000);
    expect(evaluate).toHaveBeenCalledTimes(1);
    // Right after the start-up run: not 2 s later but 5 s after that run.
    scheduler.dataChanged();
    vi.advanceTimersByTime(4_999);
    expect(evaluateChanges).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(evaluateChanges).toHaveBeenCalledTimes(1);
    expect(evaluate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15 * 60_000 - 5_000);
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(evaluateChanges).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });

  it('a change soon after a run waits only until 5 s have passed since it', () => {
    const evaluate = vi.fn();
    const evaluateChanges = vi.fn();
    const scheduler = startAlertScheduler({ evaluate, evaluateChanges, firstDelayMs: 3_600_000 });
    scheduler.dataChanged();
    vi.advanceTimersByTime(2_000);
    expect(evaluateChanges).toHaveBeenCalledTimes(1);
    // 1 s after that run another write: 2 s settle would be 3 s after the run; the gap holds it to 5 s.
    vi.advanceTimersByTime(1_000);
    scheduler.dataChanged();
    vi.advanceTimersByTime(3_999);
    expect(evaluateChanges).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(evaluateChanges).toHaveBeenCalledTimes(2);
    expect(alertTimings.minGapMs).toBe(5_000);
    expect(evaluate).toHaveBeenCalledTimes(0);
    scheduler.stop();
  });
});

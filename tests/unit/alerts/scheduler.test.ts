import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAlertScheduler } from '../../../src/alerts/scheduler.js';

describe('alert evaluation schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after start, then every 15 minutes', () => {
    const evaluate = vi.fn();
    const scheduler = startAlertScheduler({ evaluate });
    vi.advanceTimersByTime(9_999);
    expect(evaluate).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(evaluate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15 * 60_000);
    expect(evaluate).toHaveBeenCalledTimes(2);
    scheduler.stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(evaluate).toHaveBeenCalledTimes(2);
  });

  it('a burst of data changes gives one evaluation, 2 s after the last one', () => {
    const evaluate = vi.fn();
    const scheduler = startAlertScheduler({ evaluate, firstDelayMs: 3_600_000 });
    scheduler.dataChanged();
    vi.advanceTimersByTime(1_500);
    scheduler.dataChanged();
    vi.advanceTimersByTime(1_999);
    expect(evaluate).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(evaluate).toHaveBeenCalledTimes(1);
    scheduler.dataChanged();
    scheduler.stop();
    vi.advanceTimersByTime(10_000);
    expect(evaluate).toHaveBeenCalledTimes(1);
  });

  it('a change soon after an evaluation waits until a minute has passed since it', () => {
    const evaluate = vi.fn();
    const scheduler = startAlertScheduler({ evaluate, firstDelayMs: 3_600_000 });
    scheduler.dataChanged();
    vi.advanceTimersByTime(2_000);
    expect(evaluate).toHaveBeenCalledTimes(1);
    // 8 s after that run another write: not 2 s later, but 60 s after the run (52 s from now).
    vi.advanceTimersByTime(8_000);
    scheduler.dataChanged();
    vi.advanceTimersByTime(51_999);
    expect(evaluate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(evaluate).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });
});

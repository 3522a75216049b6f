import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src/jobs/contract.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { AppError } from '../../src/shared/app-error.js';
import { systemClock } from '../../src/shared/clock.js';

function runner(): { jobs: JobRunner; events: JobInfo[] } {
  const events: JobInfo[] = [];
  return { jobs: new JobRunner(systemClock, (info) => events.push(info)), events };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('JobRunner', () => {
  it('reports progress and success with done = total', async () => {
    const { jobs, events } = runner();
    const job = jobs.start('test', 'jobs.kind.test', async (ctx) => {
      for (let i = 1; i <= 3; i += 1) {
        ctx.progress(i, 3, 'jobs.phase.work');
        await tick();
      }
    });
    await jobs.idle();
    const last = events.at(-1);
    expect(last).toMatchObject({ id: job.id, status: 'succeeded', done: 3, total: 3, phase: 'jobs.phase.work', error: null });
    expect(events[0]?.status).toBe('running');
  });

  it('cancels a running job, which then reports CANCELLED', async () => {
    const { jobs, events } = runner();
    let steps = 0;
    const job = jobs.start('test', 'jobs.kind.test', async (ctx) => {
      for (;;) {
        ctx.throwIfCancelled();
        steps += 1;
        await tick();
      }
    });
    await tick();
    expect(jobs.cancel(job.id)).toBe(true);
    await jobs.idle();
    expect(events.at(-1)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(jobs.cancel(job.id)).toBe(false);
    expect(steps).toBeGreaterThan(0);
  });

  it('keeps a failing job’s AppError and hides unexpected errors behind a translatable key', async () => {
    const { jobs } = runner();
    jobs.start('a', 'jobs.kind.test', async () => {
      throw new AppError('CONFLICT', 'already there', { key: 'shopExists' });
    });
    jobs.start('b', 'jobs.kind.test', async () => {
      throw new Error('disk on fire at /secret/path');
    });
    await jobs.idle();
    const [a, b] = jobs.list();
    expect(a).toMatchObject({ status: 'failed', error: { code: 'CONFLICT', details: { key: 'shopExists' } } });
    expect(b).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', details: { key: 'jobFailed' } } });
    expect(b?.error?.message).not.toContain('/secret/path');
  });
});

// Opening the demo shop from the first screen: a job that swaps a finished file
// in, or leaves the empty shop file untouched when cancelled.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core.js';
import type { JobInfo } from '../../src/jobs/contract.js';
import { buildingPath } from '../../src/shop/demo-job.js';
import { ok, removeTempDirs, testCore } from './temp-shop.js';

afterEach(removeTempDirs);

function finished(core: Core, jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const stop = core.on((event) => {
      if (event.name === 'job.progress' && event.payload.id === jobId && event.payload.status !== 'running') {
        stop();
        resolve(event.payload);
      }
    });
  });
}

describe('shop.createDemo', () => {
  it('generates the small demo shop as a job with progress, then serves it', async () => {
    const core = testCore();
    const phases = new Set<string>();
    const changes: string[] = [];
    core.on((event) => {
      if (event.name === 'job.progress') phases.add(event.payload.phase);
      if (event.name === 'shop.changed') changes.push(event.payload.reason);
    });
    const { jobId } = await ok(core, 'shop.createDemo', { size: 'small', locale: 'zh-CN' });
    const done = await finished(core, jobId);
    expect(done).toMatchObject({ status: 'succeeded', kind: 'demo.generate', titleKey: 'jobs.kind.demoGenerate' });
    expect(phases).toContain('jobs.phase.orders');
    expect(changes).toEqual(['replaced']);

    const status = await ok(core, 'shop.status', {});
    expect(status.settings).toMatchObject({ isDemo: true, demoSize: 'small', locale: 'zh-CN', currency: 'CNY' });
    const page = await ok(core, 'products.list', { limit: 5, sort: [{ column: 'price', direction: 'desc' }] });
    expect(page.total).toBe(1500);
    expect(page.rows[0]?.price).toBeGreaterThanOrEqual(page.rows[1]?.price ?? Infinity);
    expect(existsSync(buildingPath(core.dbPath))).toBe(false);
    await core.close();
  });

  it('leaves the empty shop file as it was when the job is cancelled', async () => {
    const core = testCore();
    const { jobId } = await ok(core, 'shop.createDemo', { size: 'small' });
    // Cancel once generation is under way.
    await new Promise<void>((resolve) => {
      const stop = core.on((event) => {
        if (event.name === 'job.progress' && event.payload.done > 0) {
          stop();
          resolve();
        }
      });
    });
    expect(await ok(core, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    const done = await finished(core, jobId);
    expect(done.status).toBe('cancelled');
    expect(done.error?.code).toBe('CANCELLED');
    expect((await ok(core, 'shop.status', {})).ready).toBe(false);
    expect(existsSync(buildingPath(core.dbPath))).toBe(false);
    // The person can still choose an empty shop afterwards.
    await ok(core, 'shop.createEmpty', { name: 'After cancel', currency: 'USD', timeZone: 'UTC', locale: 'en' });
    await core.close();
  });
});

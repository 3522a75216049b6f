// Generating the demo shop as a job: the generator writes a new file beside the
// shop database; only when it is complete is it swapped in (the commit point),
// so a cancel or failure leaves the original file untouched.
import { rmSync } from 'node:fs';
import { generateDemoShop } from '../demo/generate.js';
import type { JobContext } from '../jobs/runner.js';
import type { Locale } from '../settings/contract.js';
import type { Clock } from '../shared/clock.js';
import type { DemoSize } from './contract.js';

export const defaultDemoSeed = 20260101;

export interface DemoJobOptions {
  dbPath: string;
  size: DemoSize;
  seed: number | undefined;
  locale: Locale;
  clock: Clock;
  nativeBinding: string | undefined;
  /** Swaps the finished file in; throws (and the file is discarded) if the shop became ready meanwhile. */
  swapIn: (builtPath: string) => void;
}

export function buildingPath(dbPath: string): string {
  return `${dbPath}.demo-building`;
}

export async function runDemoJob(ctx: JobContext, options: DemoJobOptions): Promise<void> {
  const path = buildingPath(options.dbPath);
  rmSync(path, { force: true });
  try {
    await generateDemoShop({
      path,
      size: options.size,
      seed: options.seed ?? defaultDemoSeed,
      locale: options.locale,
      now: options.clock.now(),
      nativeBinding: options.nativeBinding,
      signal: ctx.signal,
      onProgress: (phase, done, total) => ctx.progress(done, total, `jobs.phase.${phase}`),
    });
    ctx.throwIfCancelled();
    ctx.progress(1, 1, 'jobs.phase.swap');
    options.swapIn(path);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  }
}

// Drives an import the way the UI does: open a file, optionally remap or set
// options, apply as a job and wait for it to end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '../../../src/contract.js';
import type { JobInfo } from '../../../src/jobs/contract.js';
import type { ImportSession, ImportTargetId } from '../../../src/spreadsheets/contract.js';
import type { TestShop } from '../shop-harness.js';

export const fixturesDir = join(import.meta.dirname, '../../fixtures/spreadsheets');

export function fixture(name: string): Buffer {
  return readFileSync(join(fixturesDir, name));
}

export function openImport(
  shop: TestShop,
  target: ImportTargetId,
  fileName: string,
  content: Buffer | string,
  extra: Partial<MethodInput<'imports.open'>> = {},
): Promise<ImportSession> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return shop.ok('imports.open', { target, fileName, contentBase64: bytes.toString('base64'), ...extra });
}

/** Starts the apply job and resolves with its final state. */
export async function applyImport(shop: TestShop, sessionId: string, mode: 'all' | 'validOnly' = 'all'): Promise<JobInfo> {
  const finished = new Promise<JobInfo>((resolve) => {
    const stop = shop.core.on((event) => {
      if (event.name === 'job.progress' && event.payload.kind === 'imports.apply' && event.payload.status !== 'running') {
        stop();
        resolve(event.payload);
      }
    });
  });
  await shop.ok('imports.apply', { sessionId, mode });
  return finished;
}

export async function rows(shop: TestShop, sessionId: string, outcome?: 'create' | 'update' | 'unchanged' | 'skip' | 'error') {
  return (await shop.ok('imports.rows', { sessionId, outcome, limit: 1000 })).rows;
}

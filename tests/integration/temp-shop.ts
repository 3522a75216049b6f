// Temporary databases and cores for integration tests; every file is removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src/core.js';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { AppErrorShape } from '../../src/shared/envelope.js';

const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-test-'));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const testNow = '2026-11-20T10:00:00.000Z';

export function testCore(options: Partial<CoreOptions> = {}): Core {
  return createCore({
    dbPath: join(tempDir(), 'shop.db'),
    clock: fixedClock(testNow),
    checkOutputs: true,
    ...options,
  });
}

/** Calls the core and returns the value, failing the test with the error if the call failed. */
export async function ok<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as MethodOutput<M>;
}

/** Calls the core expecting an error envelope, and returns the error. */
export async function failure(core: Core, method: string, input: unknown): Promise<AppErrorShape> {
  const answer = await core.call(method, input);
  if (answer.ok) throw new Error(`${method} unexpectedly succeeded`);
  return answer.error;
}

// One writer per shop file: a second Shopdesk process (desktop app + serve
// mode, or two serve modes) is refused with a message naming the holder, and
// a lock left by a killed process does not lock the person out.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { lockPath } from '../../src/db/shop-lock.js';
import { buildingPath } from '../../src/shop/demo-job.js';
import { AppError } from '../../src/shared/app-error.js';
import { removeTempDirs, tempDir } from './temp-shop.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  removeTempDirs();
});

async function holdInChild(dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lock-child.ts'), dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve();
    });
    child.on('exit', () => reject(new Error(`the child ended: ${stderr}`)));
  });
  return child;
}

function openError(dbPath: string): AppError {
  try {
    const core = createCore({ dbPath, face: 'desktop', background: false });
    void core.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the second open was not refused');
}

describe('single writer per shop file', () => {
  it('refuses a second process, naming the one that holds the file, and takes over once it is gone', async () => {
    const dbPath = join(tempDir(), 'shop.db');
    const child = await holdInChild(dbPath);

    const refused = openError(dbPath);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details.key).toBe('shopLocked');
    expect(refused.details.params).toMatchObject({ face: 'serve', pid: child.pid, path: dbPath });
    expect(refused.message).toContain(`Shopdesk serve mode (process ${child.pid}`);
    expect(refused.message).toContain(dbPath);

    // Killed without a chance to clean up: the lock stays behind, but its process is gone.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(lockPath(dbPath))).toBe(true);
    const core = createCore({ dbPath, face: 'desktop', background: false });
    expect((await core.call('shop.status', {})).ok).toBe(true);
    await core.close();
    expect(existsSync(lockPath(dbPath))).toBe(false);
  }, 60_000);

  it('refuses a second core in the same process, and frees the file on close', async () => {
    const dbPath = join(tempDir(), 'shop.db');
    const first = createCore({ dbPath, background: false });
    expect(openError(dbPath).details.key).toBe('shopLocked');
    await first.close();
    const second = createCore({ dbPath, background: false });
    await second.close();
  });

  it('a garbled lock file (a crash while writing it) is stale once it is a few seconds old', async () => {
    const dbPath = join(tempDir(), 'shop.db');
    writeFileSync(lockPath(dbPath), '{"pid": 12');
    expect(openError(dbPath).details.key).toBe('shopLockBusy');
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dbPath), old, old);
    const core = createCore({ dbPath, background: false });
    await core.close();
  });

  it('removes the files of a demo build that was interrupted by a kill', async () => {
    const dbPath = join(tempDir(), 'shop.db');
    for (const suffix of ['', '-wal']) writeFileSync(`${buildingPath(dbPath)}${suffix}`, 'half a shop');
    const core = createCore({ dbPath, background: false });
    expect(existsSync(buildingPath(dbPath))).toBe(false);
    expect(existsSync(`${buildingPath(dbPath)}-wal`)).toBe(false);
    await core.close();
  });
});

// `npm run demo -- --out FILE` killed half way must not leave a valid-looking
// half shop at FILE: it builds beside the target and renames at the end.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { buildingPath } from '../../src/shop/demo-job.js';
import { removeTempDirs, tempDir } from './temp-shop.js';

afterEach(() => removeTempDirs());

const cli = join(import.meta.dirname, '../../src/demo/cli.ts');

function runDemo(out: string, killOn?: RegExp): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--size', 'small', '--out', out, '--now', '2026-11-20T10:00:00Z'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (killOn?.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

it('killed half way leaves nothing at --out; the next run replaces the leftovers and writes the whole shop', async () => {
  const out = join(tempDir(), 'demo.db');
  // Killed once orders are being written: catalog and stock exist, settings not yet.
  const killed = await runDemo(out, /^orders\s+\d+/m);
  expect(killed.code).toBeNull();
  expect(existsSync(out)).toBe(false);
  expect(existsSync(buildingPath(out))).toBe(true);

  const whole = await runDemo(out);
  expect(whole.code, whole.output).toBe(0);
  expect(existsSync(buildingPath(out))).toBe(false);
  const db = openDatabase(out, { readonly: true });
  try {
    expect(db.prepare('SELECT is_demo AS demo FROM shop_settings').get()).toEqual({ demo: 1 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM variants').get() as { n: number }).n).toBeGreaterThan(1000);
  } finally {
    db.close();
  }
}, 120_000);

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testShop } from '../shop-harness.js';
import { ok, removeTempDirs, testCore } from '../temp-shop.js';
import { addProducts, productCount } from './backup-fixture.js';

afterEach(() => removeTempDirs());

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

it('a kill -9 during a backup leaves the earlier backups intact and only a .partial, removed at the next start', async () => {
  const shop = testShop();
  await addProducts(shop, 50);
  const earlier = await shop.ok('backups.create', {});
  const earlierHash = sha(earlier.path);
  // A large file (200 MB of ballast in a side table) so the copy and its check take long enough to be killed in.
  shop.db.exec('CREATE TABLE ballast (blob BLOB)');
  shop.db.transaction(() => {
    for (let i = 0; i < 200; i += 1) shop.db.prepare('INSERT INTO ballast (blob) VALUES (randomblob(1048576))').run();
  })();
  await shop.close();
  const folder = join(shop.path, '..', 'backups');

  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'backup-kill-child.ts'), shop.path, folder], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('PARTIAL')) {
        child.kill('SIGKILL');
        resolve();
      } else if (text.includes('DONE') || text.includes('FAILED')) reject(new Error(`the backup ended before the kill: ${text}`));
    });
    child.on('exit', () => reject(new Error(`the child ended before copying: ${stderr}`)));
  });
  await new Promise((resolve) => child.on('exit', resolve));

  const left = readdirSync(folder);
  expect(left.some((name) => name.endsWith('.partial'))).toBe(true);
  expect(sha(earlier.path)).toBe(earlierHash);

  const core = testCore({ dbPath: shop.path });
  try {
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const listed = await ok(core, 'backups.list', {});
    expect(listed.backups.filter((entry) => entry.reason === 'manual').map((entry) => entry.id)).toEqual([earlier.id]);
    expect((await ok(core, 'backups.inspect', { path: earlier.path })).counts.products).toBe(50);
    expect(productCount(earlier.path)).toBe(50);
  } finally {
    await core.close();
  }
}, 120_000);

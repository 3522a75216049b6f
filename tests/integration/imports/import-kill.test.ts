import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

afterEach(() => removeTempDirs());

it('leaves the database unchanged when the process is killed in the middle of applying an import', async () => {
  const shop = testShop();
  const before = shop.db.prepare('SELECT (SELECT COUNT(*) FROM products) AS products, (SELECT COUNT(*) FROM change_sets) AS sets').get();
  await shop.close();

  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-child.ts'), shop.path, '60000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('WRITING')) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`the child ended before writing: ${stderr}`)));
  });
  await new Promise((resolve) => child.on('exit', resolve));

  const db = openDatabase(shop.path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM products) AS products, (SELECT COUNT(*) FROM change_sets) AS sets').get()).toEqual(before);
  } finally {
    db.close();
  }
}, 60_000);

it('leaves the database unchanged when the import job is cancelled while writing', async () => {
  const shop = testShop();
  try {
    const lines = ['SKU,Title,Price', ...Array.from({ length: 20_000 }, (_, i) => `C-${i},Cancelled ${i},9.90`)];
    const opened = await shop.ok('imports.open', { target: 'products', fileName: 'c.csv', contentBase64: Buffer.from(lines.join('\n')).toString('base64') });
    const ended = new Promise<string>((resolve) => {
      shop.core.on((event) => {
        if (event.name !== 'job.progress' || event.payload.kind !== 'imports.apply') return;
        if (event.payload.phase === 'jobs.phase.writing' && event.payload.status === 'running') void shop.call('jobs.cancel', { jobId: event.payload.id });
        if (event.payload.status !== 'running') resolve(event.payload.status);
      });
    });
    await shop.ok('imports.apply', { sessionId: opened.sessionId });
    expect(await ended).toBe('cancelled');
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM products) AS products, (SELECT COUNT(*) FROM change_sets) AS sets').get()).toEqual({ products: 0, sets: 0 });
    // The shop takes writes again once the import has ended.
    await shop.ok('imports.apply', { sessionId: opened.sessionId });
  } finally {
    await shop.close();
  }
}, 60_000);

it('answers another write with a translated "busy" while an import is being written, and takes it after', async () => {
  const shop = testShop();
  try {
    const lines = ['SKU,Title,Price', ...Array.from({ length: 20_000 }, (_, i) => `B-${i},Busy ${i},9.90`)];
    const opened = await shop.ok('imports.open', { target: 'products', fileName: 'b.csv', contentBase64: Buffer.from(lines.join('\n')).toString('base64') });
    let busy: Promise<unknown> | null = null;
    const ended = new Promise<string>((resolve) => {
      shop.core.on((event) => {
        if (event.name !== 'job.progress' || event.payload.kind !== 'imports.apply') return;
        if (event.payload.phase === 'jobs.phase.writing' && busy === null) busy = shop.call('settings.update', { name: 'Renamed' });
        if (event.payload.status !== 'running') resolve(event.payload.status);
      });
    });
    await shop.ok('imports.apply', { sessionId: opened.sessionId });
    expect(await ended).toBe('succeeded');
    expect(await busy).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { key: 'busy' } } });
    expect((await shop.ok('settings.update', { name: 'Renamed' })).name).toBe('Renamed');
  } finally {
    await shop.close();
  }
}, 60_000);

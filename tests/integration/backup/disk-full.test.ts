import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testShop } from '../shop-harness.js';
import { removeTempDirs, tempDir } from '../temp-shop.js';
import { addProducts, productCount } from './backup-fixture.js';

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) {
    execFileSync('umount', [dir]);
    rmdirSync(dir);
  }
  removeTempDirs();
});

/** A small tmpfs (needs root and mount, as in this project's CI); null where the machine does not allow it. */
function smallDisk(megabytes: number): string | null {
  const dir = join(tempDir(), 'small-disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    rmdirSync(dir);
    return null;
  }
  mounted.push(dir);
  return dir;
}

const disk = smallDisk(6);

it.skipIf(disk === null)('a backup onto a full disk answers diskFull, leaves no partial file and keeps the earlier backup', async () => {
  const folder = disk ?? '';
  const shop = testShop();
  try {
    await addProducts(shop, 20);
    await shop.ok('backups.settings.update', { folder });
    const earlier = await shop.ok('backups.create', {});
    shop.db.exec('CREATE TABLE ballast (blob BLOB)');
    shop.db.transaction(() => {
      for (let i = 0; i < 12; i += 1) shop.db.prepare('INSERT INTO ballast (blob) VALUES (randomblob(1048576))').run();
    })();
    const error = await shop.fail('backups.create', {});
    expect(error).toMatchObject({ code: 'ENVIRONMENT', details: { key: 'diskFull' } });
    expect(readdirSync(folder).sort()).toEqual([earlier.id, `${earlier.id}.json`].sort());
    expect(productCount(earlier.path)).toBe(20);
    expect((await shop.ok('backups.list', {})).backups.map((entry) => entry.id)).toEqual([earlier.id]);
    // A bulk edit that must be backed up first is refused, named, before it changes anything.
    await shop.ok('backups.settings.update', { bulkEditThreshold: 5 });
    const prices = shop.db.prepare('SELECT SUM(price) AS total FROM variants').get();
    const refused = await shop.fail('variants.bulkAction', {
      target: { filter: { filters: {}, quickSearch: '' } },
      action: { kind: 'priceChange', field: 'price', mode: 'percent', value: 10, rounding: '.99' },
    });
    expect(refused).toMatchObject({ code: 'ENVIRONMENT', details: { key: 'diskFull' } });
    expect(shop.db.prepare('SELECT SUM(price) AS total FROM variants').get()).toEqual(prices);
    // The shop itself is unharmed and takes writes.
    expect((await shop.ok('settings.update', { name: 'Still fine' })).name).toBe('Still fine');
  } finally {
    await shop.close();
  }
}, 60_000);

import { afterEach, expect, it } from 'vitest';
import { backupsSettled } from '../../../src/backup/backup-service.js';
import { openDatabase } from '../../../src/db/open.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { addProducts } from './backup-fixture.js';

afterEach(() => removeTempDirs());

const sumOfPrices = (path: string): number => {
  const db = openDatabase(path, { readonly: true });
  try {
    return (db.prepare('SELECT SUM(price) AS total FROM variants').get() as { total: number }).total;
  } finally {
    db.close();
  }
};

// The backup before a bulk edit of a shop file over 64 MB is taken from a snapshot: the edit goes
// ahead as soon as the snapshot is held, the copy is written and checked after — and still holds
// the prices as they were.
it('a bulk edit on a large shop goes ahead while its backup is written, and the backup holds the shop as it was before the edit', async () => {
  const shop = testShop();
  try {
    await addProducts(shop, 40);
    shop.db.exec('CREATE TABLE ballast (blob BLOB)');
    shop.db.transaction(() => {
      for (let i = 0; i < 66; i += 1) shop.db.prepare('INSERT INTO ballast (blob) VALUES (randomblob(1048576))').run();
    })();
    shop.db.pragma('wal_checkpoint(TRUNCATE)');
    await backupsSettled(shop.db.name);
    await shop.ok('backups.settings.update', { bulkEditThreshold: 10 });
    const before = sumOfPrices(shop.db.name);
    await shop.ok('variants.bulkAction', {
      target: { filter: { filters: {}, quickSearch: '' } },
      action: { kind: 'priceChange', field: 'price', mode: 'percent', value: 10, rounding: '.99' },
    });
    expect(sumOfPrices(shop.db.name)).toBeGreaterThan(before);
    await backupsSettled(shop.db.name);
    const backup = (await shop.ok('backups.list', {})).backups.find((entry) => entry.reason === 'beforeBulkEdit');
    expect(backup).toMatchObject({ check: 'ok', counts: { products: 40 } });
    expect(sumOfPrices(backup?.path ?? '')).toBe(before);
    // The audit log named the backup as soon as its snapshot was taken.
    const { rows } = await shop.ok('audit.list', {});
    expect(rows.find((row) => row.kind === 'backup' && row.subject === `backup:${backup?.id}`)?.summary).toContain('copied and checked in the background');
  } finally {
    await shop.close();
  }
});

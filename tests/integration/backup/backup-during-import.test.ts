import { afterEach, expect, it } from 'vitest';
import type { BackupEntry } from '../../../src/backup/contract.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { openImport } from '../imports/import-harness.js';
import { addProducts, productCount } from './backup-fixture.js';

afterEach(() => removeTempDirs());

it('a backup taken while an import is being written holds the shop as it was before the import, never half of it', async () => {
  const shop = testShop();
  try {
    await addProducts(shop, 10, 'BASE');
    const lines = ['SKU,Title,Price', ...Array.from({ length: 20_000 }, (_, i) => `IMP-${i},Imported ${i},9.90`)];
    const session = await openImport(shop, 'products', 'big.csv', lines.join('\n'));
    let backup: Promise<BackupEntry> | null = null;
    let importEndedFirst = false;
    const ended = new Promise<string>((resolve) => {
      shop.core.on((event) => {
        if (event.name !== 'job.progress' || event.payload.kind !== 'imports.apply') return;
        // The import's transaction is open on its own connection and rows are being written.
        if (event.payload.phase === 'jobs.phase.writing' && event.payload.done > 0 && backup === null) backup = shop.ok('backups.create', {});
        if (event.payload.status !== 'running') {
          importEndedFirst = backup === null;
          resolve(event.payload.status);
        }
      });
    });
    await shop.ok('imports.apply', { sessionId: session.sessionId });
    expect(await ended).toBe('succeeded');
    expect(importEndedFirst).toBe(false);
    const made = await (backup as unknown as Promise<BackupEntry>);
    expect(made.check).toBe('ok');
    // Either the shop before the import (the copy finished first) or after it (a commit restarts
    // the copy): never a part of the 20,000 rows.
    expect([10, 20_010]).toContain(made.counts.products);
    expect(productCount(made.path)).toBe(made.counts.products);
    expect((await shop.ok('products.list', {})).total).toBe(20_010);
  } finally {
    await shop.close();
  }
}, 120_000);

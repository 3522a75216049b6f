// A shop with products for backup tests, and reads of a backup file's counts.
import { openDatabase } from '../../../src/db/open.js';
import { applyImport, openImport } from '../imports/import-harness.js';
import type { TestShop } from '../shop-harness.js';

/** Imports `count` products (SKU prefix `prefix`) and waits for the import to finish. */
export async function addProducts(shop: TestShop, count: number, prefix = 'P'): Promise<void> {
  const lines = ['SKU,Title,Price', ...Array.from({ length: count }, (_, i) => `${prefix}-${i},Product ${prefix} ${i},${(i % 90) + 1}.50`)];
  const session = await openImport(shop, 'products', `${prefix}.csv`, lines.join('\n'));
  const job = await applyImport(shop, session.sessionId);
  if (job.status !== 'succeeded') throw new Error(`import ${prefix} ended ${job.status}`);
}

export function productCount(path: string): number {
  const db = openDatabase(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

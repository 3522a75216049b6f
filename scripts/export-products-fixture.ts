// For the round-trip fixture: a fresh shop with the canonical catalog
// (products-template-utf8.csv), exported from the Products grid as CSV the way
// the UI asks for it. scripts/make-spreadsheet-fixtures.sh edits two cells and
// re-saves it with LibreOffice, as a person would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../src/contract.js';
import { createCore } from '../src/core.js';

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: export-products-fixture.ts OUT.csv');
const core = createCore({ dbPath: join(mkdtempSync(join(tmpdir(), 'fixture-')), 'shop.db') });
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as MethodOutput<M>;
}
await call('shop.createEmpty', { name: 'Fixture shop', currency: 'USD', timeZone: 'UTC', locale: 'en' });
const file = readFileSync(join(import.meta.dirname, '../tests/fixtures/spreadsheets/products-template-utf8.csv'));
const session = await call('imports.open', { target: 'products', fileName: 'seed.csv', contentBase64: file.toString('base64') });
await new Promise<void>((resolve) => {
  core.on((event) => {
    if (event.name === 'job.progress' && event.payload.status !== 'running') resolve();
  });
  void call('imports.apply', { sessionId: session.sessionId });
});
const columns = [
  ['variantId', 'Variant ID', 'number'], ['sku', 'SKU', 'text'], ['title', 'Product', 'text'], ['variantTitle', 'Variant', 'text'], ['barcode', 'Barcode', 'text'],
  ['category', 'Category', 'text'], ['brand', 'Brand', 'text'], ['price', 'Price', 'money'], ['compareAtPrice', 'Compare-at', 'money'], ['cost', 'Cost', 'money'],
  ['weightGrams', 'Weight (g)', 'number'], ['onHand', 'On hand', 'number'], ['status', 'Status', 'text'],
] as const;
const exported = await call('exports.grid', {
  source: 'products.list',
  query: { sort: [{ column: 'sku', direction: 'asc' }] },
  columns: columns.map(([field, header, kind]) => ({ field, header, kind })),
  format: 'csv',
  fileName: 'Products',
});
writeFileSync(out, Buffer.from(exported.contentBase64, 'base64'));
await core.close();

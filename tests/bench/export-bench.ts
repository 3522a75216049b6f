// Grid export on the large demo shop: 100,000 product rows (the whole catalog,
// sorted by SKU, nine columns) to XLSX and to CSV through exports.grid, beside
// the list calls alone (the same pages through products.list) to show what the
// file writing costs. `npm run bench` runs it; on its own:
//   npx tsx tests/bench/export-bench.ts            on a fresh small demo shop
//   npx tsx tests/bench/export-bench.ts <shop.db>  on that shop
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../../src/core.js';
import type { MethodInput } from '../../src/contract.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { ms, printTable, timeOnce } from './measure.js';

export interface ExportFigures {
  rows: number;
  xlsxMs: number;
  csvMs: number;
  listOnlyMs: number;
}

const wantedRows = 100_000;
const columns: MethodInput<'exports.grid'>['columns'] = [
  { field: 'variantId', header: 'Variant ID', kind: 'number' },
  { field: 'sku', header: 'SKU', kind: 'text' },
  { field: 'title', header: 'Title', kind: 'text' },
  { field: 'variantTitle', header: 'Variant', kind: 'text' },
  { field: 'barcode', header: 'Barcode', kind: 'text' },
  { field: 'price', header: 'Price', kind: 'money' },
  { field: 'cost', header: 'Cost', kind: 'money' },
  { field: 'onHand', header: 'On hand', kind: 'number' },
  { field: 'updatedAt', header: 'Updated', kind: 'date' },
];
const query = { sort: [{ column: 'sku' as const, direction: 'asc' as const }] };

async function exportOnce(core: Core, format: 'xlsx' | 'csv'): Promise<{ ms: number; rows: number; bytes: number }> {
  let rows = 0;
  let bytes = 0;
  const time = await timeOnce(async () => {
    const answer = await core.call('exports.grid', { source: 'products.list', query, columns, format, fileName: 'bench' });
    if (!answer.ok) throw new Error(answer.error.message);
    const value = answer.value as { rows: number; contentBase64: string };
    rows = value.rows;
    bytes = Buffer.byteLength(value.contentBase64, 'base64');
  });
  return { ms: time, rows, bytes };
}

/** The pages exports.grid reads, through products.list alone (1,000 rows a page, its maximum). */
async function listOnly(core: Core, total: number): Promise<number> {
  return timeOnce(async () => {
    for (let offset = 0; offset < total; offset += 1000) {
      const answer = await core.call('products.list', { ...query, offset, limit: 1000 });
      if (!answer.ok) throw new Error(answer.error.message);
    }
  });
}

export async function benchExports(core: Core): Promise<ExportFigures> {
  await core.call('shop.status', {});
  const csv = await exportOnce(core, 'csv');
  const xlsx = await exportOnce(core, 'xlsx');
  const list = await listOnly(core, csv.rows);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const perSecond = (rows: number, time: number) => `${Math.round(rows / (time / 1000)).toLocaleString('en')} rows/s`;
  printTable(`Grid export: products, ${csv.rows} rows × ${columns.length} columns (one run each)`, ['what', 'time', 'size', 'speed'], [
    ['exports.grid → CSV (UTF-8 BOM)', ms(csv.ms), mb(csv.bytes), perSecond(csv.rows, csv.ms)],
    ['exports.grid → XLSX', ms(xlsx.ms), mb(xlsx.bytes), perSecond(xlsx.rows, xlsx.ms)],
    ['products.list pages alone (no file)', ms(list), '-', perSecond(csv.rows, list)],
  ]);
  if (csv.rows < wantedRows) console.log(`(this shop has ${csv.rows} variants; the large demo shop has ${wantedRows})`);
  return { rows: csv.rows, xlsxMs: xlsx.ms, csvMs: csv.ms, listOnlyMs: list };
}

async function standalone(path: string | undefined): Promise<void> {
  let dir: string | null = null;
  let dbPath = path ? resolve(path) : '';
  if (!path) {
    dir = mkdtempSync(join(tmpdir(), 'shopdesk-export-bench-'));
    dbPath = join(dir, 'small.db');
    console.log('Generating a small demo shop…');
    await generateDemoShop({ path: dbPath, size: 'small', seed: 20260101, locale: 'en', now: new Date('2026-11-20T12:00:00Z') });
  }
  const core = createCore({ dbPath, appVersion: 'bench', background: false });
  try {
    await benchExports(core);
  } finally {
    await core.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await standalone(process.argv[2]);
}

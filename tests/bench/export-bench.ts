// Grid export on the large demo shop: 100,000 product rows (the whole catalog,
// sorted by SKU, nine columns) to XLSX and to CSV through exports.grid, beside
// the list calls alone (the same pages through products.list, read by keyset
// page after page) and the bare scan (the grid's SELECT as one query, no pages,
// no file), median of three runs each, so the ratios hold on a busy machine.
// The peak RSS shows the memory staying flat: rows are written as they are read.
// `npm run bench` runs it; on its own:
//   npx tsx tests/bench/export-bench.ts            on a fresh small demo shop
//   npx tsx tests/bench/export-bench.ts <shop.db>  on that shop
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../../src/core.js';
import type { MethodInput } from '../../src/contract.js';
import { buildVariantPageSql } from '../../src/catalog/store.js';
import { variantListInputSchema } from '../../src/catalog/contract.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { ms, printTable, timeOnce } from './measure.js';

export interface ExportFigures {
  rows: number;
  xlsxMs: number;
  csvMs: number;
  listOnlyMs: number;
  bareMs: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const runs = 3;

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

/** The grid's own SELECT for every row, in one query on a read-only connection: the floor. */
function bareScan(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    const sql = buildVariantPageSql({ ...variantListInputSchema.parse(query), offset: 0, limit: -1 });
    const statement = db.prepare(sql.rowsSql);
    const start = performance.now();
    let rows = 0;
    for (const _row of statement.iterate(...sql.rowsParams)) rows += 1;
    if (rows === 0) throw new Error('no rows');
    return performance.now() - start;
  } finally {
    db.close();
  }
}

export async function benchExports(core: Core): Promise<ExportFigures> {
  await core.call('shop.status', {});
  const csvRuns: { ms: number; rows: number; bytes: number }[] = [];
  const xlsxRuns: { ms: number; rows: number; bytes: number }[] = [];
  const listRuns: number[] = [];
  const bareRuns: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    csvRuns.push(await exportOnce(core, 'csv'));
    xlsxRuns.push(await exportOnce(core, 'xlsx'));
    listRuns.push(await listOnly(core, csvRuns[0]?.rows ?? 0));
    bareRuns.push(bareScan(core.dbPath));
  }
  const csv = { ...(csvRuns[0] ?? { rows: 0, bytes: 0 }), ms: median(csvRuns.map((r) => r.ms)) };
  const xlsx = { ...(xlsxRuns[0] ?? { rows: 0, bytes: 0 }), ms: median(xlsxRuns.map((r) => r.ms)) };
  const list = median(listRuns);
  const bare = median(bareRuns);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const perSecond = (rows: number, time: number) => `${Math.round(rows / (time / 1000)).toLocaleString('en')} rows/s`;
  const toBare = (time: number) => `${(time / bare).toFixed(2)}x`;
  printTable(`Grid export: products, ${csv.rows} rows × ${columns.length} columns (median of ${runs})`, ['what', 'time', 'vs bare', 'size', 'speed'], [
    ['exports.grid → CSV (UTF-8 BOM)', ms(csv.ms), toBare(csv.ms), mb(csv.bytes), perSecond(csv.rows, csv.ms)],
    ['exports.grid → XLSX', ms(xlsx.ms), toBare(xlsx.ms), mb(xlsx.bytes), perSecond(xlsx.rows, xlsx.ms)],
    ['products.list pages alone (no file)', ms(list), toBare(list), '-', perSecond(csv.rows, list)],
    ['bare: the grid SELECT as one query', ms(bare), '1.00x', '-', perSecond(csv.rows, bare)],
  ]);
  console.log(`peak RSS of the process after the exports: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  if (csv.rows < wantedRows) console.log(`(this shop has ${csv.rows} variants; the large demo shop has ${wantedRows})`);
  return { rows: csv.rows, xlsxMs: xlsx.ms, csvMs: csv.ms, listOnlyMs: list, bareMs: bare };
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

// Spreadsheet import on a generated 100,000-row product file (25,000 products
// x 4 variants), as CSV and as XLSX, into an empty shop:
//  - preview (imports.open: read + map + plan every row) beside SheetJS's
//    parse-only time for the same bytes (target <= 1.5x);
//  - apply (the job: plan inside the transaction, products, variants,
//    categories, tags, one change-set item per created row) beside a bare
//    bulk insert of the same rows and items with prepared statements in one
//    transaction (target <= 2x);
//  - memory (RSS and V8 heap): before the preview, after it, after the apply,
//    with the session still open once V8 has collected, and after the session
//    is closed (imports.close, as the Import page does when the person leaves
//    it) at once and once collected, plus the process's peak. Each format runs
//    in a process of its own, on a file generated beforehand by another one, so
//    the peak is the import's: not the generator's rows (a 75 MB heap floor),
//    not SheetJS writing the XLSX, not the other format's import. No forced
//    GC (global.gc is not there in the app): V8's memory reducer collects on its
//    own some 10-40 s after allocation stops, so the idle readings wait for it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import type { MethodOutput } from '../../src/contract.js';
import { createCore, type Core } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { ms, printTable, ratio, timeOnce } from './measure.js';

/** 25,000 products x 4 variants = 100,000 rows; `IMPORT_BENCH_PRODUCTS` makes a smaller sanity run. */
const products = Number(process.env.IMPORT_BENCH_PRODUCTS ?? 25_000);
const header = ['Handle', 'Title', 'Brand', 'Category', 'Tags', 'Option1 name', 'Option1 value', 'Option2 name', 'Option2 value', 'SKU', 'Price', 'Compare-at price', 'Cost', 'Weight (g)'];
const colours = ['Red', 'Blue'];
const sizes = ['M', 'L'];

export interface ImportFigures {
  rows: number;
  formats: { format: string; bytes: number; parseMs: number; previewMs: number; applyMs: number; bareMs: number; peakMb: number; memory: MemoryFigures }[];
}

/** Resident set and V8 heap in MB at each step of one import. */
export interface MemoryFigures {
  before: Reading;
  afterPreview: Reading;
  afterApply: Reading;
  /** The session still open, after V8 collected on its own: what an open session keeps. */
  openIdle: Reading;
  afterClose: Reading;
  /** Closed, after V8 collected on its own: what the app keeps. */
  closedIdle: Reading;
  /** The import process's largest resident set, read once the session is closed (before the parse-only and bare-insert runs). */
  peakRssMb: number;
}

interface Reading {
  rssMb: number;
  heapMb: number;
  /** Idle seconds waited for a collection (0: read at once). */
  waitedS?: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reading after two idle seconds (the event loop free, as between a person's clicks). */
async function settledReading(): Promise<Reading> {
  await sleep(2000);
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapMb: mb(usage.heapUsed) };
}

/** Idles until V8 runs a full collection on its own (seen through perf_hooks' gc entries), at most `maxSeconds`. */
async function collectedReading(maxSeconds: number): Promise<Reading> {
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      const major = (entry: PerformanceEntry & { detail?: unknown }) => (entry.detail as { kind?: number } | undefined)?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR;
      if (list.getEntries().some(major)) done();
    });
    observer.observe({ entryTypes: ['gc'] });
    const timer = setTimeout(done, maxSeconds * 1000);
  });
  await sleep(500);
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapMb: mb(usage.heapUsed), waitedS: Math.round((performance.now() - started) / 1000) };
}

function rowsOf(): (string | number)[][] {
  const rows: (string | number)[][] = [header];
  for (let p = 0; p < products; p += 1) {
    for (const colour of colours) {
      for (const size of sizes) {
        const price = 10 + (p % 90);
        rows.push([`bench-${p}`, `Bench product ${p}`, `Brand ${p % 40}`, `Bench > Group ${p % 25}`, `tag${p % 7}, tag${p % 11}`, 'Colour', colour, 'Size', size, `BP-${p}-${colour}-${size}`, `${price}.90`, `${price + 10}.00`, `${Math.floor(price / 2)}.50`, 100 + (p % 400)]);
      }
    }
  }
  return rows;
}

function csvBytes(rows: (string | number)[][]): Buffer {
  return Buffer.from(rows.map((row) => row.map((cell) => (typeof cell === 'string' && cell.includes(',') ? `"${cell}"` : String(cell))).join(',')).join('\r\n'), 'utf8');
}

function xlsxBytes(rows: (string | number)[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Products');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function emptyShop(path: string): Promise<Core> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const core = createCore({ dbPath: path, appVersion: 'bench', background: false });
  const created = await core.call('shop.createEmpty', { name: 'Import bench', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  if (!created.ok) throw new Error(created.error.message);
  return core;
}

function applyJob(core: Core, sessionId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = core.on((event) => {
      if (event.name !== 'job.progress' || event.payload.kind !== 'imports.apply' || event.payload.status === 'running') return;
      stop();
      if (event.payload.status === 'succeeded') resolve();
      else reject(new Error(event.payload.error?.message ?? event.payload.status));
    });
    void core.call('imports.apply', { sessionId }).then((answer) => {
      if (!answer.ok) reject(new Error(answer.error.message));
    });
  });
}

/** The same rows and change-set items written with prepared statements, values already parsed. */
function bareInsert(path: string, rows: (string | number)[][]): number {
  const db = openDatabase(path);
  const at = new Date().toISOString();
  try {
    const insertCategory = db.prepare('INSERT INTO categories (parent_id, name, path, created_at) VALUES (?, ?, ?, ?)');
    const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?)');
    const link = db.prepare('INSERT OR IGNORE INTO product_tags (product_id, tag_id) VALUES (?, ?)');
    const insertProduct = db.prepare(
      `INSERT INTO products (handle, title, description, brand, category_id, status, option1_name, option2_name, created_at, updated_at)
       VALUES (?, ?, '', ?, ?, 'active', 'Colour', 'Size', ?, ?)`,
    );
    const insertVariant = db.prepare(
      `INSERT INTO variants (product_id, sku, option1, option2, price, compare_at_price, cost, weight_grams, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const item = db.prepare(
      "INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value) VALUES (?, ?, ?, '$row', 'false', 'true')",
    );
    return performanceOf(() =>
      db.transaction(() => {
        const setId = Number(db.prepare("INSERT INTO change_sets (kind, summary, actor, created_at) VALUES ('import', 'bench', 'bench', ?)").run(at).lastInsertRowid);
        const root = Number(insertCategory.run(null, 'Bench', 'Bench', at).lastInsertRowid);
        item.run(setId, 'categories', root);
        const categories = new Map<string, number>();
        const tags = new Map<string, number>();
        let productId = 0;
        let handle = '';
        let position = 0;
        for (const row of rows.slice(1)) {
          const [h, title, brand, category, tagList, , colour, , size, sku, price, compare, cost, grams] = row as string[];
          if (h !== handle) {
            handle = h ?? '';
            let categoryId = categories.get(category ?? '');
            if (categoryId === undefined) {
              categoryId = Number(insertCategory.run(root, (category ?? '').split(' > ')[1] ?? '', category, at).lastInsertRowid);
              categories.set(category ?? '', categoryId);
              item.run(setId, 'categories', categoryId);
            }
            productId = Number(insertProduct.run(handle, title, brand, categoryId, at, at).lastInsertRowid);
            item.run(setId, 'products', productId);
            for (const name of (tagList ?? '').split(', ')) {
              let tagId = tags.get(name);
              if (tagId === undefined) {
                tagId = Number(insertTag.run(name).lastInsertRowid);
                tags.set(name, tagId);
              }
              link.run(productId, tagId);
            }
            position = 0;
          }
          position += 1;
          const variantId = Number(
            insertVariant.run(productId, sku, colour, size, Math.round(Number(price) * 100), Math.round(Number(compare) * 100), Math.round(Number(cost) * 100), Number(grams), position, at, at)
              .lastInsertRowid,
          );
          item.run(setId, 'variants', variantId);
        }
      })(),
    );
  } finally {
    db.close();
  }
}

function performanceOf(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const formats = [
  { format: 'CSV', name: 'products.csv' },
  { format: 'XLSX', name: 'products.xlsx' },
] as const;

/** Child process: writes the two files into `dir`. */
function generateFiles(dir: string): void {
  const rows = rowsOf();
  writeFileSync(join(dir, 'products.csv'), csvBytes(rows));
  writeFileSync(join(dir, 'products.xlsx'), xlsxBytes(rows));
}

/** Child process: one format's import, measured from a fresh process, then its baselines. */
async function benchOneFormat(dir: string, format: (typeof formats)[number]): Promise<ImportFigures['formats'][number]> {
  const core = await emptyShop(join(dir, 'import.db'));
  let sessionId = '';
  let dataRows = 0;
  const before = await settledReading();
  let bytes = 0;
  const previewMs = await timeOnce(async () => {
    // Read inside the timing, as the app receives it: base64 from the page.
    const file = readFileSync(join(dir, format.name));
    bytes = file.length;
    const opened = await core.call('imports.open', { target: 'products', fileName: format.name, contentBase64: file.toString('base64') });
    if (!opened.ok) throw new Error(opened.error.message);
    const session = opened.value as MethodOutput<'imports.open'>;
    if (session.counts.create !== session.dataRows) throw new Error(`expected every row to create: ${JSON.stringify(session.counts)}`);
    sessionId = session.sessionId;
    dataRows = session.dataRows;
  });
  if (dataRows !== products * 4) throw new Error(`expected ${products * 4} rows, read ${dataRows}`);
  const afterPreview = await settledReading();
  const applyMs = await timeOnce(() => applyJob(core, sessionId));
  const afterApply = await settledReading();
  const openIdle = await collectedReading(60);
  const closed = await core.call('imports.close', { sessionId });
  if (!closed.ok) throw new Error(closed.error.message);
  const afterClose = await settledReading();
  const closedIdle = await collectedReading(45);
  const memory: MemoryFigures = { before, afterPreview, afterApply, openIdle, afterClose, closedIdle, peakRssMb: peakMb() };
  await core.close();
  const content = readFileSync(join(dir, format.name));
  const parseMs = await timeOnce(() => XLSX.read(content, { type: 'buffer' }));
  const bare = await emptyShop(join(dir, 'bare.db'));
  await bare.close();
  const bareMs = bareInsert(join(dir, 'bare.db'), rowsOf());
  return { format: format.format, bytes, parseMs, previewMs, applyMs, bareMs, peakMb: memory.peakRssMb, memory };
}

const self = new URL(import.meta.url).pathname;

/** Runs this file in a fresh process (same loader as this one) and returns what it prints last. */
function child(args: string[]): string {
  const output = execFileSync(process.execPath, [...process.execArgv, self, ...args], {
    env: { ...process.env, IMPORT_BENCH_CHILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return output.toString('utf8').trim().split('\n').at(-1) ?? '';
}

export async function benchImports(dir: string): Promise<ImportFigures> {
  mkdirSync(dir, { recursive: true });
  child(['--generate', dir]);
  const figures: ImportFigures = { rows: products * 4, formats: [] };
  for (const format of formats) {
    figures.formats.push(JSON.parse(child(['--format', format.format, dir])) as ImportFigures['formats'][number]);
  }
  for (const format of formats) rmSync(join(dir, format.name), { force: true });
  printTable(`Import of ${figures.rows.toLocaleString('en')} product rows into an empty shop`, ['file', 'size', 'SheetJS parse', 'preview', 'ratio', 'apply', 'bare insert', 'ratio', 'peak RSS'], figures.formats.map((f) => [
    f.format,
    `${(f.bytes / 1024 / 1024).toFixed(1)} MB`,
    ms(f.parseMs),
    ms(f.previewMs),
    ratio(f.previewMs, f.parseMs),
    ms(f.applyMs),
    ms(f.bareMs),
    ratio(f.applyMs, f.bareMs),
    `${f.peakMb} MB`,
  ]));
  const reading = (r: Reading) => `${r.rssMb} MB (heap ${r.heapMb})${r.waitedS === undefined ? '' : ` ${r.waitedS} s`}`;
  const columns = ['file', 'before', 'after preview', 'peak', 'after apply', 'still open, collected', 'after close', 'closed, collected'];
  printTable('Import memory: RSS (V8 heap) in MB, idle seconds waited for V8 to collect on its own', columns, figures.formats.map((f) => [
    f.format,
    reading(f.memory.before),
    reading(f.memory.afterPreview),
    `${f.memory.peakRssMb} MB`,
    reading(f.memory.afterApply),
    reading(f.memory.openIdle),
    reading(f.memory.afterClose),
    reading(f.memory.closedIdle),
  ]));
  return figures;
}

const [mode, modeArg, modeDir] = process.argv.slice(2);
if (process.env['IMPORT_BENCH_CHILD'] === '1' && mode === '--generate' && modeArg) generateFiles(modeArg);
else if (process.env['IMPORT_BENCH_CHILD'] === '1' && mode === '--format' && modeDir) {
  const format = formats.find((f) => f.format === modeArg);
  if (!format) throw new Error(`unknown format ${modeArg ?? ''}`);
  console.log(JSON.stringify(await benchOneFormat(modeDir, format)));
} else if (process.argv[1]?.endsWith('import-bench.ts')) await benchImports(join('.tmp', 'bench', 'imports'));

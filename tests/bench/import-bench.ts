// Spreadsheet import on a generated 100,000-row product file (25,000 products
// x 4 variants), as CSV and as XLSX, into an empty shop:
//  - preview (imports.open: read + map + plan every row) beside SheetJS's
//    parse-only time for the same bytes (target <= 1.5x);
//  - apply (the job: plan inside the transaction, products, variants,
//    categories, tags, one change-set item per created row) beside a bare
//    bulk insert of the same rows and items with prepared statements in one
//    transaction (target <= 2x);
//  - the process's peak memory after each.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { MethodOutput } from '../../src/contract.js';
import { createCore, type Core } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { ms, printTable, ratio, timeOnce } from './measure.js';

const products = 25_000;
const header = ['Handle', 'Title', 'Brand', 'Category', 'Tags', 'Option1 name', 'Option1 value', 'Option2 name', 'Option2 value', 'SKU', 'Price', 'Compare-at price', 'Cost', 'Weight (g)'];
const colours = ['Red', 'Blue'];
const sizes = ['M', 'L'];

export interface ImportFigures {
  rows: number;
  formats: { format: string; bytes: number; parseMs: number; previewMs: number; applyMs: number; bareMs: number; peakMb: number }[];
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

export async function benchImports(dir: string): Promise<ImportFigures> {
  mkdirSync(dir, { recursive: true });
  const rows = rowsOf();
  const files = [
    { format: 'CSV', name: 'products.csv', bytes: csvBytes(rows) },
    { format: 'XLSX', name: 'products.xlsx', bytes: xlsxBytes(rows) },
  ];
  const figures: ImportFigures = { rows: rows.length - 1, formats: [] };
  for (const file of files) {
    const parseMs = await timeOnce(() => XLSX.read(file.bytes, { type: 'buffer' }));
    const core = await emptyShop(join(dir, 'import.db'));
    let sessionId = '';
    const previewMs = await timeOnce(async () => {
      const opened = await core.call('imports.open', { target: 'products', fileName: file.name, contentBase64: file.bytes.toString('base64') });
      if (!opened.ok) throw new Error(opened.error.message);
      const session = opened.value as MethodOutput<'imports.open'>;
      if (session.counts.create !== rows.length - 1) throw new Error(`expected every row to create: ${JSON.stringify(session.counts)}`);
      sessionId = session.sessionId;
    });
    const applyMs = await timeOnce(() => applyJob(core, sessionId));
    await core.close();
    const bare = await emptyShop(join(dir, 'bare.db'));
    await bare.close();
    const bareMs = bareInsert(join(dir, 'bare.db'), rows);
    figures.formats.push({ format: file.format, bytes: file.bytes.length, parseMs, previewMs, applyMs, bareMs, peakMb: peakMb() });
  }
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
  return figures;
}

if (process.argv[1]?.endsWith('import-bench.ts')) await benchImports(join('.tmp', 'bench', 'imports'));

// The demo shop generator: user-visible facts of a generated small shop.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoShop, type DemoSummary } from '../../../src/demo/generate.js';

const NOW = new Date('2026-03-01T04:00:00Z'); // 12:00 in Shanghai
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-demo-'));
let db: Database.Database;
let summary: DemoSummary;

function one<T>(sql: string, ...params: unknown[]): T {
  return db.prepare(sql).get(...params) as T;
}
function num(sql: string, ...params: unknown[]): number {
  return Object.values(one<Record<string, number>>(sql, ...params))[0] ?? Number.NaN;
}
/** Orders per local (Shanghai) day between two dates inclusive, averaged over the days. */
function dailyAverage(from: string, to: string): number {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return num(`SELECT count(*) FROM orders WHERE date(placed_at, '+8 hours') BETWEEN ? AND ?`, from, to) / days;
}

beforeAll(async () => {
  const path = join(dir, 'small-zh.db');
  summary = await generateDemoShop({ path, size: 'small', seed: 20260101, locale: 'zh-CN', now: NOW });
  db = new Database(path, { readonly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('generated small demo shop', () => {
  it('has the promised sizes and settings', () => {
    expect(num('SELECT count(*) FROM products')).toBeGreaterThan(400);
    expect(num('SELECT count(*) FROM products')).toBeLessThan(600);
    expect(num('SELECT count(*) FROM variants')).toBe(1500);
    expect(num('SELECT count(*) FROM locations')).toBe(3);
    expect(num('SELECT count(*) FROM suppliers')).toBe(15);
    expect(num('SELECT count(*) FROM customers')).toBe(5000);
    const lines = num('SELECT count(*) FROM order_lines');
    expect(lines).toBeGreaterThan(36_000);
    expect(lines).toBeLessThan(44_000);
    expect(summary.orderLines).toBe(lines);
    expect(summary.orders).toBe(num('SELECT count(*) FROM orders'));
    expect(summary.movements).toBe(num('SELECT count(*) FROM stock_movements'));
    const shop = one<Record<string, unknown>>('SELECT * FROM shop_settings');
    expect(shop).toMatchObject({ id: 1, is_demo: 1, demo_seed: 20260101, demo_size: 'small', currency: 'CNY', time_zone: 'Asia/Shanghai', locale: 'zh-CN' });
    expect(String(shop.name)).toContain('演示店铺');
    expect(num(`SELECT count(*) FROM change_sets WHERE kind = 'demo' AND actor = 'demo-generator'`)).toBe(1);
    expect(num(`SELECT count(*) FROM products WHERE title GLOB '*[a-z]*' AND title NOT GLOB '*[^ -~]*'`)).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('keeps the stock ledger and stock levels consistent, never negative', () => {
    expect(num(`SELECT count(*) FROM stock_levels sl JOIN (SELECT variant_id, location_id, sum(delta) AS total FROM stock_movements
      GROUP BY variant_id, location_id) m USING (variant_id, location_id) WHERE sl.on_hand <> m.total`)).toBe(0);
    expect(num(`SELECT count(*) FROM (SELECT DISTINCT variant_id, location_id FROM stock_movements) m
      LEFT JOIN stock_levels sl USING (variant_id, location_id) WHERE sl.variant_id IS NULL`)).toBe(0);
    expect(num(`SELECT count(*) FROM variants v WHERE on_hand_total <> (SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = v.id)`)).toBe(0);
    expect(num('SELECT count(*) FROM stock_levels WHERE on_hand < 0 OR on_hand < committed')).toBe(0);
    // Running balance over time, per variant × location.
    expect(num(`SELECT min(balance) FROM (SELECT sum(delta) OVER (PARTITION BY variant_id, location_id ORDER BY occurred_at, id) AS balance FROM stock_movements)`)).toBeGreaterThanOrEqual(0);
    expect(num(`SELECT count(*) FROM stock_movements WHERE reason = 'initial'`)).toBe(num('SELECT count(*) FROM stock_levels'));
    for (const reason of ['receive', 'sale', 'return', 'adjustment', 'damage']) {
      expect(num('SELECT count(*) FROM stock_movements WHERE reason = ?', reason)).toBeGreaterThan(0);
    }
    expect(num(`SELECT count(*) FROM variants WHERE on_hand_total = 0 AND status = 'active'`)).toBeGreaterThan(0);
  });

  it('writes what it did and its own ledger notes as keys, read in any language later', () => {
    const set = one<{ summary: string; summary_key: string; summary_params: string }>(`SELECT summary, summary_key, summary_params FROM change_sets WHERE kind = 'demo'`);
    // The English text is kept for logs; the key and numbers are what the screens render.
    expect(set.summary_key).toBe('demo');
    expect(JSON.parse(set.summary_params)).toEqual({ variants: 1500, orders: summary.orders });
    expect(set.summary).toBe(`Demo shop generated: ${new Intl.NumberFormat('en').format(1500)} variants, ${new Intl.NumberFormat('en').format(summary.orders)} orders`);
    // Discontinued items' rest goes back to the supplier, noted as a key instead of English words.
    expect(num(`SELECT count(*) FROM stock_movements WHERE reason_code = 'return_to_supplier' AND note = 'note:discontinuedReturned'`)).toBeGreaterThan(0);
    expect(num(`SELECT count(*) FROM stock_movements WHERE note IS NOT NULL AND note NOT LIKE 'note:%'`)).toBe(0);
  });

  it('gives valid, unique EAN-13 barcodes to most variants', () => {
    const codes = (db.prepare('SELECT barcode FROM variants WHERE barcode IS NOT NULL').pluck().all() as string[]);
    expect(codes.length).toBeGreaterThan(1300);
    expect(codes.length).toBeLessThan(1500);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^\d{13}$/);
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
      expect(Number(code[12])).toBe((10 - (sum % 10)) % 10);
    }
    expect(num(`SELECT count(*) FROM variants WHERE cost * 100 < price * 29 OR cost * 100 > price * 61`)).toBe(0);
  });

  it('has consistent order totals and plausible statuses', () => {
    expect(num(`SELECT count(*) FROM orders o JOIN (SELECT order_id, sum(quantity * unit_price) s, sum(discount) d FROM order_lines GROUP BY order_id) l
      ON l.order_id = o.id WHERE o.subtotal <> l.s OR o.discount_total <> l.d OR o.total <> o.subtotal - o.discount_total + o.shipping`)).toBe(0);
    expect(num('SELECT count(*) FROM orders WHERE id NOT IN (SELECT order_id FROM order_lines)')).toBe(0);
    const cancelled = num(`SELECT avg(status = 'cancelled') FROM orders`);
    expect(cancelled).toBeGreaterThanOrEqual(0.03);
    expect(cancelled).toBeLessThanOrEqual(0.05);
    expect(num(`SELECT count(*) FROM orders WHERE status = 'cancelled' AND cancelled_at IS NULL`)).toBe(0);
    expect(num(`SELECT count(*) FROM orders WHERE status = 'fulfilled' AND (fulfilled_at IS NULL OR fulfilled_at < placed_at)`)).toBe(0);
    expect(num(`SELECT count(*) FROM orders WHERE customer_id IS NULL AND channel_id <> (SELECT id FROM channels WHERE platform = 'pos')`)).toBe(0);
    expect(num(`SELECT count(*) FROM orders WHERE placed_at > ?`, NOW.toISOString())).toBe(0);
  });

  it('keeps open orders in the last two days with their stock committed', () => {
    const twoDaysAgo = new Date(NOW.getTime() - 2 * 86_400_000).toISOString();
    expect(num(`SELECT count(*) FROM orders WHERE status = 'open'`)).toBeGreaterThan(0);
    expect(num(`SELECT count(*) FROM orders WHERE status = 'open' AND placed_at < ?`, twoDaysAgo)).toBe(0);
    expect(num(`SELECT count(*) FROM orders WHERE status = 'fulfilled' AND placed_at >= ?`, twoDaysAgo)).toBe(0);
    expect(num(`SELECT count(*) FROM stock_levels sl LEFT JOIN (SELECT l.variant_id, o.location_id, sum(l.quantity) AS qty FROM order_lines l
      JOIN orders o ON o.id = l.order_id WHERE o.status = 'open' GROUP BY 1, 2) c USING (variant_id, location_id)
      WHERE sl.committed <> coalesce(c.qty, 0)`)).toBe(0);
    expect(num(`SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM stock_levels sl WHERE sl.variant_id = l.variant_id AND sl.location_id = o.location_id)`)).toBe(0);
  });

  it('follows the seasons: 11.11, Chinese New Year, weekends', () => {
    expect(dailyAverage('2025-11-11', '2025-11-11')).toBeGreaterThan(2 * dailyAverage('2025-10-01', '2025-10-31'));
    expect(dailyAverage('2025-01-26', '2025-02-01')).toBeLessThan(dailyAverage('2025-01-01', '2025-01-31'));
    const perDay = db.prepare(`SELECT strftime('%w', placed_at, '+8 hours') AS wd, count(*) * 1.0 / count(DISTINCT date(placed_at, '+8 hours')) AS avg
      FROM orders WHERE placed_at < '2026-02-01' GROUP BY wd`).all() as { wd: string; avg: number }[];
    const mean = (days: string[]): number => perDay.filter((r) => days.includes(r.wd)).reduce((s, r) => s + r.avg, 0) / days.length;
    expect(mean(['0', '6'])).toBeGreaterThan(mean(['1', '2', '3', '4']));
    // Growth: the last twelve months sell more than the first twelve.
    expect(num(`SELECT count(*) FROM orders WHERE placed_at >= '2025-03-01'`)).toBeGreaterThan(num(`SELECT count(*) FROM orders WHERE placed_at < '2025-03-01'`));
  });

  it('has mostly one-off customers and a loyal minority', () => {
    const rows = db.prepare(`SELECT count(*) AS n FROM orders WHERE customer_id IS NOT NULL AND status <> 'cancelled' GROUP BY customer_id`).pluck().all() as number[];
    const repeat = rows.filter((n) => n >= 2).length / rows.length;
    expect(repeat).toBeGreaterThan(0.15);
    expect(repeat).toBeLessThan(0.45);
    expect(rows.filter((n) => n >= 4).length / rows.length).toBeGreaterThan(0.04);
    expect(num('SELECT count(DISTINCT lower(email)) FROM customers')).toBe(5000);
  });

  it('returns differ by category: fit for apparel, defects for electronics, transit for fragile home goods', () => {
    const groups = db.prepare(`SELECT top.path AS category, rr.reason_group AS grp, rl.reason_code AS code, count(*) AS n
      FROM return_lines rl JOIN return_reasons rr ON rr.code = rl.reason_code JOIN order_lines l ON l.id = rl.order_line_id
      JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id JOIN categories c ON c.id = p.category_id
      JOIN categories top ON top.id = c.parent_id GROUP BY 1, 2, 3`).all() as { category: string; grp: string; code: string; n: number }[];
    const share = (category: string, pick: (r: { grp: string; code: string }) => boolean): number => {
      const rows = groups.filter((r) => r.category === category);
      return rows.filter(pick).reduce((s, r) => s + r.n, 0) / rows.reduce((s, r) => s + r.n, 0);
    };
    expect(share('服装', (r) => r.grp === 'fit')).toBeGreaterThan(0.5);
    expect(share('数码配件', (r) => r.grp === 'fit')).toBe(0);
    expect(share('数码配件', (r) => r.code === 'defective')).toBeGreaterThan(0.3);
    expect(share('家居', (r) => r.code === 'damaged_in_transit')).toBeGreaterThan(0.25);
    const returnRate = (category: string): number => num(`SELECT 1.0 * (SELECT count(*) FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
      JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id JOIN categories c ON c.id = p.category_id JOIN categories t ON t.id = c.parent_id WHERE t.path = @c)
      / (SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
      JOIN categories c ON c.id = p.category_id JOIN categories t ON t.id = c.parent_id WHERE t.path = @c AND o.status = 'fulfilled')`, { c: category });
    expect(returnRate('服装')).toBeGreaterThan(0.05);
    expect(returnRate('服装')).toBeLessThan(0.1);
    expect(returnRate('数码配件')).toBeLessThan(returnRate('服装'));
    expect(num(`SELECT count(*) FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
      WHERE rl.refund_amount > l.quantity * l.unit_price - l.discount OR rl.quantity > l.quantity`)).toBe(0);
    expect(num(`SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.status <> 'fulfilled'
      OR r.returned_at < datetime(o.fulfilled_at, '+3 days') OR r.returned_at > ?`, NOW.toISOString())).toBe(0);
  });

  it('quotes supplier prices in the supplier’s currency at a realistic rate, and remembers that rate', () => {
    // The Chinese demo shop is in CNY; a few suppliers invoice in USD at about 7.2 yuan to the dollar.
    const byCurrency = db
      .prepare(`SELECT s.currency, count(*) AS items, avg(si.cost * 1.0 / v.cost) AS ratio, min(si.cost * 1.0 / v.cost) AS low, max(si.cost * 1.0 / v.cost) AS high
        FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id JOIN variants v ON v.id = si.variant_id WHERE v.cost > 0 GROUP BY s.currency`)
      .all() as { currency: string; items: number; ratio: number; low: number; high: number }[];
    const usd = byCurrency.find((row) => row.currency === 'USD');
    const cny = byCurrency.find((row) => row.currency === 'CNY');
    expect(usd?.items).toBeGreaterThan(50);
    // Preferred items cost the variant's cost converted; second suppliers −5 % … +10 % around it.
    expect(usd?.low).toBeGreaterThan(0.95 / 7.3);
    expect(usd?.high).toBeLessThan(1.1 / 7.1);
    expect(cny?.ratio).toBeGreaterThan(0.99);
    expect(cny?.ratio).toBeLessThan(1.05);
    // Receipts from a USD supplier are valued at the remembered rate (yuan per dollar), so stock costs stay in CNY.
    const rates = db.prepare('SELECT currency, rate FROM supplier_exchange_rates').all() as { currency: string; rate: number }[];
    expect(rates.length).toBe(num(`SELECT count(*) FROM suppliers WHERE currency <> 'CNY'`));
    for (const row of rates) expect(row).toEqual({ currency: 'USD', rate: 7.2 });
    expect(num(`SELECT count(*) FROM stock_movements WHERE reason = 'receive' AND unit_cost <> (SELECT cost FROM variants WHERE id = variant_id)`)).toBe(0);
  });

  it('has dead stock: on hand but no sale in the last 90 days', () => {
    const cutoff = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();
    expect(num(`SELECT count(*) FROM variants v WHERE on_hand_total > 0 AND EXISTS (SELECT 1 FROM order_lines l WHERE l.variant_id = v.id)
      AND NOT EXISTS (SELECT 1 FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.variant_id = v.id AND o.placed_at >= ?)`, cutoff)).toBeGreaterThan(10);
  });
});

function tableHash(path: string): string {
  const handle = new Database(path, { readonly: true });
  const hash = createHash('sha256');
  const tables = handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  for (const table of tables) {
    const columns = (handle.pragma(`table_info("${table}")`) as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    hash.update(table);
    for (const row of handle.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  handle.close();
  return hash.digest('hex');
}

describe('generation contract', () => {
  it('is deterministic for the same seed, size and now', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    const options = { size: 'small' as const, seed: 7, locale: 'en' as const, now: new Date('2025-12-20T15:00:00Z') };
    await generateDemoShop({ ...options, path: a });
    await generateDemoShop({ ...options, path: b });
    expect(tableHash(a)).toBe(tableHash(b));
    const en = new Database(a, { readonly: true });
    expect(en.prepare('SELECT currency, time_zone FROM shop_settings').get()).toEqual({ currency: 'USD', time_zone: 'America/New_York' });
    en.close();
  });

  it('deletes the file when cancelled', async () => {
    const path = join(dir, 'cancel.db');
    const controller = new AbortController();
    const run = generateDemoShop({
      path, size: 'small', seed: 1, locale: 'en', now: NOW, signal: controller.signal,
      onProgress: (phase) => {
        if (phase === 'orders') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(path + suffix)).toBe(false);
  });

  it('refuses an existing path and leaves it alone', async () => {
    const path = join(dir, 'existing.db');
    writeFileSync(path, 'keep me');
    await expect(generateDemoShop({ path, size: 'small', seed: 1, locale: 'en', now: NOW })).rejects.toThrow(/exist/);
    expect(existsSync(path)).toBe(true);
  });
});

// The weekly operations health report on a small shop whose numbers are
// worked out by hand below (shop time zone UTC; "now" is Friday 20 November
// 2026, so the last complete week is Monday 9 – Sunday 15 November).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openDatabase } from '../../../src/db/open.js';
import { startReportScheduler } from '../../../src/reports/scheduler.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

// Catalog fixture on hand (no later movements): HOD-M 12 (cost 21.00), HOD-L 0 (21.00), TEA 40 (50.00), MUG 3 (no cost), SOCK 7 (4.00).
// Orders:
//   E  11 Nov 2025  C3  SOCK 3 × 12.90                 — the same week last year: 38.70
//   F   1 Oct 2026  C2  TEA 1 × 128.00
//   D   4 Nov 2026  C1  HOD-M 2 × 59.99, cost 21.00     — last week: 119.98
//   A  10 Nov       C1  TEA 2 × 128.00, cost 50.00
//   B  12 Nov       C2  HOD-L 1 × 59.99 − 9.99, cost 21.00
//   C  13 Nov       C3  CANCELLED TEA 5 × 128.00        — counts nowhere
// Refund on 14 Nov: one unit of D at 59.99 (dated when it happens: this week).
// This week: GMV 256.00 + 59.99 = 315.99, discounts 9.99, refunds 59.99 → net sales 246.01; 2 orders, 3 units.
// Supplier 杭州茶业: PO1 sent 1 Oct, promised 10 Oct, closed short 12 Oct (late), 8 of 10 received;
//   PO2 sent 20 Oct, promised 1 Nov, received in full 30 Oct (on time), 5 of 5 → on time 1 of 2, fill 13 of 15.
function seedShop(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    const id = (sku: string) => (db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
    const location = (db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
    db.prepare("INSERT INTO customers (id, email, name, created_at) VALUES (1, 'c1@x', 'C1', ?), (2, 'c2@x', 'C2', ?), (3, 'c3@x', 'C3', ?)").run(at, at, at);
    const order = db.prepare(
      `INSERT INTO orders (id, channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
       VALUES (?, 1, ?, ?, ${location}, ?, ?, 'USD', 0, ?, 0)`,
    );
    const line = db.prepare("INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, 'X', 'X', ?, ?, ?, ?)");
    order.run(5, 'E', 3, 'fulfilled', '2025-11-11T10:00:00.000Z', 0);
    line.run(51, 5, id('SOCK_7'), 3, 1290, 0, 400);
    order.run(6, 'F', 2, 'fulfilled', '2026-10-01T10:00:00.000Z', 0);
    line.run(61, 6, id('TEA-100'), 1, 12800, 0, 5000);
    order.run(4, 'D', 1, 'fulfilled', '2026-11-04T10:00:00.000Z', 0);
    line.run(41, 4, id('HOD-001-BLK-M'), 2, 5999, 0, 2100);
    order.run(1, 'A', 1, 'fulfilled', '2026-11-10T10:00:00.000Z', 0);
    line.run(11, 1, id('TEA-100'), 2, 12800, 0, 5000);
    order.run(2, 'B', 2, 'fulfilled', '2026-11-12T10:00:00.000Z', 999); // the line's discount is the order's discount
    line.run(21, 2, id('HOD-001-BLK-L'), 1, 5999, 999, 2100);
    order.run(3, 'C', 3, 'cancelled', '2026-11-13T10:00:00.000Z', 0);
    line.run(31, 3, id('TEA-100'), 5, 12800, 0, 5000);
    db.prepare("INSERT INTO returns (id, order_id, returned_at) VALUES (1, 4, '2026-11-14T10:00:00.000Z')").run();
    db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (1, 41, 1, 'defective', 5999)").run();

    db.prepare("INSERT INTO suppliers (id, name, currency, created_at, updated_at) VALUES (1, '杭州茶业', 'USD', ?, ?)").run(at, at);
    const po = db.prepare(
      `INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, expected_at, created_at, updated_at, sent_at, received_at, closed_at, actor)
       VALUES (?, ?, 1, ${location}, ?, 'USD', ?, ?, ?, ?, ?, ?, 'test')`,
    );
    po.run(1, 'PO-1', 'closed', '2026-10-10T00:00:00.000Z', '2026-10-01T00:00:00.000Z', at, '2026-10-01T00:00:00.000Z', null, '2026-10-12T10:00:00.000Z');
    po.run(2, 'PO-2', 'received', '2026-11-01T00:00:00.000Z', '2026-10-20T00:00:00.000Z', at, '2026-10-20T00:00:00.000Z', '2026-10-30T10:00:00.000Z', null);
    const poLine = db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES (?, ?, ?, ?, 5000)');
    poLine.run(1, id('TEA-100'), 10, 8);
    poLine.run(2, id('TEA-100'), 5, 5);
    // Last receipts 11 Oct and 30 Oct: 10 days after sending each → actual lead time 10 days.
    db.prepare(`INSERT INTO receipts (purchase_order_id, location_id, received_at, actor) VALUES (1, ${location}, '2026-10-11T10:00:00.000Z', 'test'), (2, ${location}, '2026-10-30T10:00:00.000Z', 'test')`).run();
  })();
  db.close();
}

type Rows = (string | number | null)[][];
function sheet(book: XLSX.WorkBook, name: string): Rows {
  const ws = book.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}: ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<(string | number | null)[]>(ws, { header: 1, defval: null });
}
const row = (rows: Rows, label: string) => rows.find((r) => r[0] === label) ?? [];

describe('weekly operations health report', () => {
  it('writes the last complete week as PDF and XLSX into the reports folder, with hand-computed numbers', async () => {
    shop = testShop(seedShop);
    const reportsDir = join(dirname(shop.path), 'reports');
    const entry = await shop.ok('reports.generate', { language: 'en' });
    expect(entry).toMatchObject({ id: '2026-11-09-en', week: { from: '2026-11-09', to: '2026-11-15' }, language: 'en', createdAt: '2026-11-20T10:00:00.000Z' });
    expect(entry.pdfPath).toBe(join(reportsDir, 'weekly-report-2026-11-09-en.pdf'));
    expect(entry.xlsxPath).toBe(join(reportsDir, 'weekly-report-2026-11-09-en.xlsx'));
    expect(entry.pages).toBeGreaterThanOrEqual(2);

    const pdf = readFileSync(entry.pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b(?!s)/g)?.length).toBe(entry.pages);
    // The bundled CJK font is embedded (as a subset), so Chinese names render.
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);

    const book = XLSX.read(readFileSync(entry.xlsxPath));
    expect(book.SheetNames).toEqual(['Summary', 'Daily', 'Top products', 'Bottom products', 'Segments', 'Stock health', 'Stock-outs', 'Dead stock', 'Promotions', 'Open alerts', 'Suppliers']);

    const summary = sheet(book, 'Summary');
    // Net sales: this week 246.01, last week 119.98 (+126.03 = +105.04 %), last year 38.70.
    const net = row(summary, 'Net sales (USD)');
    expect(net.slice(1, 3)).toEqual([246.01, 119.98]);
    expect(net[3]).toBeCloseTo(12603 / 11998, 10);
    expect(net[4]).toBe(38.7);
    expect(net[5]).toBeCloseTo((24601 - 3870) / 3870, 10);
    expect(row(summary, 'GMV (USD)').slice(1, 3)).toEqual([315.99, 119.98]);
    expect(row(summary, 'Orders').slice(1, 3)).toEqual([2, 1]);
    expect(row(summary, 'Units sold').slice(1, 3)).toEqual([3, 2]);

    // Per day, Monday first; the refund of last week's order lands on Saturday 14 November.
    expect(sheet(book, 'Daily').slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2026-11-09', 0, 0],
      ['2026-11-10', 256, 0],
      ['2026-11-11', 0, 119.98],
      ['2026-11-12', 50, 0],
      ['2026-11-13', 0, 0],
      ['2026-11-14', -59.99, 0],
      ['2026-11-15', 0, 0],
    ]);
    // Cloud Hoodie: 50.00 sold this week − 59.99 refunded = −9.99.
    expect(sheet(book, 'Top products').slice(1).map((r) => r.slice(0, 4))).toEqual([
      [1, '龙井绿茶 Longjing tea', 256, 2],
      [2, 'Cloud Hoodie', -9.99, 1],
    ]);

    // RFM as of Sunday 8 November: C1 recent, low spend → New / promising; C2 (128.00, 38 days) → Can't lose them;
    // C3 (38.70, 362 days) → Hibernating. C1 and C2 ordered this week; C3's only order this week was cancelled.
    const segments = sheet(book, 'Segments').slice(2).filter((r) => r[1] !== 0);
    expect(segments).toEqual([
      ["Can't lose them", 1, 1, 1],
      ['New / promising', 1, 1, 1],
      ['Hibernating', 1, 0, 0],
    ]);

    // Sell-through 3 ÷ (3 + 62 on hand); SKUs sold 2 (TEA, HOD-L) of 4 in stock; COGS 121.00 − 21.00 returned = 100.00,
    // stock value 252.00 + 2,000.00 + 28.00 = 2,280.00 → days of inventory 2,280 × 7 ÷ 100 = 159.6.
    const health = sheet(book, 'Stock health');
    expect(row(health, 'Sell-through')[1]).toBeCloseTo(3 / 65, 12);
    expect(row(health, 'Active-selling rate')[1]).toBe(0.5);
    expect(row(health, 'Days of inventory')[1]).toBeCloseTo(159.6, 10);

    // HOD-L: nothing available and sold this week.
    expect(sheet(book, 'Stock-outs').slice(2)).toEqual([['HOD-001-BLK-L', 'Cloud Hoodie · Black · L', 0, 1]]);
    // In stock with no sale for 180 days: MUG never sold, SOCK last sold 11 Nov 2025 (369 days).
    expect(sheet(book, 'Dead stock').slice(2).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['MUG-50%', 'never', null, 3],
      ['SOCK_7', '2025-11-11', 369, 7],
    ]);
    expect(sheet(book, 'Suppliers').slice(2)).toEqual([['杭州茶业', 2, 2, 0.5, 13 / 15, 10]]);

    // Listed, and downloadable as the same bytes.
    const listed = await shop.ok('reports.list', {});
    expect(listed.lastCompleteWeek).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(listed.reports).toEqual([entry]);
    const file = await shop.ok('reports.file', { id: '2026-11-09-en', format: 'pdf' });
    expect(file).toMatchObject({ fileName: 'weekly-report-2026-11-09-en.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('keeps one report per week and language: the Chinese one beside the English one, the same language replaced', async () => {
    shop = testShop(seedShop);
    const first = await shop.ok('reports.generate', { week: '2026-11-09', language: 'en' });
    // The scheduler's call keeps an existing report of that language as it is.
    expect(await shop.ok('reports.generate', { onlyIfMissing: true, language: 'en' })).toEqual(first);
    const second = await shop.ok('reports.generate', { week: '2026-11-09', language: 'zh-CN' });
    expect(second).toMatchObject({ id: '2026-11-09-zh-CN', language: 'zh-CN' });
    expect(second.pdfPath).not.toBe(first.pdfPath);
    expect((await shop.ok('reports.list', {})).reports).toEqual([first, second]);
    // The English files are untouched by the Chinese report.
    expect(readFileSync(first.pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const english = XLSX.read(Buffer.from((await shop.ok('reports.file', { id: '2026-11-09-en', format: 'xlsx' })).contentBase64, 'base64'));
    expect(english.SheetNames).toContain('Summary');
    // The same week and language again replaces that report only.
    const again = await shop.ok('reports.generate', { week: '2026-11-09', language: 'zh-CN' });
    expect(again.pdfPath).toBe(second.pdfPath);
    expect((await shop.ok('reports.list', {})).reports.map((r) => r.id)).toEqual(['2026-11-09-en', '2026-11-09-zh-CN']);
    expect(readdirSync(join(dirname(shop.path), 'reports')).sort()).toEqual([
      'weekly-report-2026-11-09-en.json', 'weekly-report-2026-11-09-en.pdf', 'weekly-report-2026-11-09-en.xlsx',
      'weekly-report-2026-11-09-zh-CN.json', 'weekly-report-2026-11-09-zh-CN.pdf', 'weekly-report-2026-11-09-zh-CN.xlsx',
    ]);

    const xlsx = await shop.ok('reports.file', { id: '2026-11-09-zh-CN', format: 'xlsx' });
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(book.SheetNames).toContain('客户分层');
    expect(row(sheet(book, '概览'), '净销售额 (USD)').slice(1, 3)).toEqual([246.01, 119.98]);
    expect(sheet(book, '客户分层').slice(2).map((r) => r[0])).toContain('一般发展客户');

    // An earlier week is a report of its own: last week (2–8 November) had D only.
    const earlier = await shop.ok('reports.generate', { week: '2026-11-02', language: 'en' });
    expect((await shop.ok('reports.list', {})).reports.map((r) => r.id)).toEqual(['2026-11-09-en', '2026-11-09-zh-CN', '2026-11-02-en']);
    expect(row(sheet(XLSX.read(readFileSync(earlier.xlsxPath)), 'Summary'), 'Net sales (USD)').slice(1, 3)).toEqual([119.98, 0]);
  });

  it('lists a report an older version saved under the week alone, keeps it for its language and replaces it by a new one', async () => {
    shop = testShop(seedShop);
    const dir = join(dirname(shop.path), 'reports');
    const current = await shop.ok('reports.generate', { week: '2026-11-09', language: 'zh-CN' });
    // What an older build wrote: files named by the Monday only, the language inside the JSON.
    for (const extension of ['pdf', 'xlsx']) copyFileSync(current[`${extension as 'pdf' | 'xlsx'}Path`], join(dir, `weekly-report-2026-11-02.${extension}`));
    writeFileSync(join(dir, 'weekly-report-2026-11-02.json'), JSON.stringify({ id: '2026-11-02', week: { from: '2026-11-02', to: '2026-11-08' }, language: 'zh-CN', createdAt: '2026-11-10T08:00:00.000Z', pages: 2 }));
    expect((await shop.ok('reports.list', {})).reports.map((r) => r.id)).toEqual(['2026-11-09-zh-CN', '2026-11-02']);
    expect((await shop.ok('reports.file', { id: '2026-11-02', format: 'pdf' })).fileName).toBe('weekly-report-2026-11-02.pdf');
    // An English report of that week is written beside it; a Chinese one takes its place.
    await shop.ok('reports.generate', { week: '2026-11-02', language: 'en' });
    expect((await shop.ok('reports.list', {})).reports.map((r) => r.id)).toEqual(['2026-11-09-zh-CN', '2026-11-02-en', '2026-11-02']);
    await shop.ok('reports.generate', { week: '2026-11-02', language: 'zh-CN' });
    expect((await shop.ok('reports.list', {})).reports.map((r) => r.id)).toEqual(['2026-11-09-zh-CN', '2026-11-02-en', '2026-11-02-zh-CN']);
    expect(existsSync(join(dir, 'weekly-report-2026-11-02.json'))).toBe(false);
    expect(existsSync(join(dir, 'weekly-report-2026-11-02.pdf'))).toBe(false);
  });

  it('says where the stock history starts for a week before it, instead of stock figures (the fixture counted its stock on 1 Nov)', async () => {
    shop = testShop(seedShop);
    const before = await shop.ok('reports.generate', { week: '2026-10-19', language: 'zh-CN' });
    const health = sheet(XLSX.read(readFileSync(before.xlsxPath)), '库存健康');
    expect(health[1]?.[0]).toBe('库存记录始于 2026年11月1日：本周的库存没有记录，因此不提供库存指标。');
    // Rebuilt from the ledger the week would read 0 SKUs in stock and no dead stock: no values instead.
    expect(row(health, '售罄率')[1]).toBeNull();
    expect(row(health, '有库存的 SKU')[1]).toBeNull();
    expect(row(health, '呆滞库存（≥ 180 天无销售）')[1]).toBeNull();
    expect(sheet(XLSX.read(readFileSync(before.xlsxPath)), '呆滞库存')[0]?.[0]).toBe(health[1]?.[0]);
    // The week of 26 Oct – 1 Nov ends after the count: figures, the week's opening stock taken from 1 Nov.
    const partly = await shop.ok('reports.generate', { week: '2026-10-26', language: 'en' });
    const partial = sheet(XLSX.read(readFileSync(partly.xlsxPath)), 'Stock health');
    expect(partial[1]?.[0]).toBe('Stock history starts Nov 1, 2026: the stock at the start of the week is taken from then.');
    expect(row(partial, 'SKUs in stock')[1]).toBe(4);
  });

  it('refuses a week that does not start on a Monday or has not ended, and writes nothing', async () => {
    shop = testShop(seedShop);
    const notMonday = await shop.fail('reports.generate', { week: '2026-11-10' });
    expect(notMonday).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'week', key: 'reportWeekNotMonday' }] } });
    const notOver = await shop.fail('reports.generate', { week: '2026-11-16' });
    expect(notOver).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'week', key: 'reportWeekNotOver' }] } });
    expect(existsSync(join(dirname(shop.path), 'reports'))).toBe(false);
    expect((await shop.ok('reports.list', {})).reports).toEqual([]);
    expect(await shop.fail('reports.file', { id: '2026-11-09-en', format: 'pdf' })).toMatchObject({ code: 'NOT_FOUND', details: { key: 'reportNotFound' } });
  });

  it('lists the open alerts, most severe first, in the report language', async () => {
    const explanation = (title: object, causes: object[]) =>
      JSON.stringify({
        title,
        metric: { key: 'alerts.metric.available', params: { sku: 'HOD-001-BLK-L' } },
        unit: 'units',
        value: 0,
        baseline: null,
        baselineText: { key: 'alerts.baseline.soldRecently', params: { units: 1, days: 28 } },
        change: null,
        changeRatio: null,
        band: null,
        causes,
        action: { kind: 'openProduct', productId: 1 },
        window: { from: '2026-10-18', to: '2026-11-14' },
      });
    shop = testShop((path) => {
      seedShop(path);
      const db = openDatabase(path);
      const insert = db.prepare(
        "INSERT INTO alerts (rule, subject_type, subject_id, fingerprint, status, severity, raised_at, checked_at, explanation) VALUES (?, 'variant', '1', ?, ?, ?, ?, ?, ?)",
      );
      const stockOut = explanation({ key: 'alerts.title.stockOut', params: { sku: 'HOD-001-BLK-L', product: 'Cloud Hoodie' } }, [{ key: 'alerts.cause.nothingOnOrder', params: {} }]);
      insert.run('stockOut', 'a', 'seen', 'warning', '2026-11-13T08:00:00.000Z', '2026-11-13T08:00:00.000Z', stockOut);
      insert.run('stockOut', 'b', 'new', 'critical', '2026-11-12T08:00:00.000Z', '2026-11-12T08:00:00.000Z', stockOut);
      // Resolved: not in the report.
      insert.run('stockOut', 'c', 'resolved', 'critical', '2026-11-14T08:00:00.000Z', '2026-11-14T08:00:00.000Z', stockOut);
      db.close();
    });
    const english = sheet(XLSX.read(readFileSync((await shop.ok('reports.generate', { language: 'en' })).xlsxPath)), 'Open alerts');
    expect(english).toEqual([
      ['Alert', 'Detail', 'Raised'],
      ['HOD-001-BLK-L (Cloud Hoodie) is out of stock', 'Nothing is on order', '2026-11-12T08:00:00.000Z'],
      ['HOD-001-BLK-L (Cloud Hoodie) is out of stock', 'Nothing is on order', '2026-11-13T08:00:00.000Z'],
    ]);
    const chinese = sheet(XLSX.read(readFileSync((await shop.ok('reports.generate', { language: 'zh-CN' })).xlsxPath)), '未处理的预警');
    expect(chinese[1]?.slice(0, 2)).toEqual(['HOD-001-BLK-L（Cloud Hoodie）已缺货', '没有在途采购']);
  });

  it('the scheduler checks soon after start and then on every tick, and stops cleanly', async () => {
    shop = testShop(seedShop);
    let calls = 0;
    const scheduler = startReportScheduler({
      ensureLastWeek: async () => {
        calls += 1;
        await shop.ok('reports.generate', { onlyIfMissing: true });
      },
      firstDelayMs: 1,
      everyMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await scheduler.stop();
    const stoppedAt = calls;
    expect(stoppedAt).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(stoppedAt);
    // The first tick wrote the missing week; the next ones kept it.
    expect((await shop.ok('reports.list', {})).reports.map((r) => [r.id, r.language])).toEqual([['2026-11-09-en', 'en']]);
  });
});

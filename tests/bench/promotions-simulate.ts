// Pre-launch simulation of a category promotion of ~5,000 SKUs over 14 days on the large demo
// shop (issue 15: under 1 s), beside one bare SQL scan of every order line (the yardstick the
// analytics bench uses), and of a shop-wide one beside it. The promotions are written with SQL into
// `dbPath`, which must be a copy the bench may change:  tsx tests/bench/promotions-simulate.ts /tmp/copy-of-large.db
import type { MethodOutput } from '../../src/contract.js';
import { createCore } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { Envelope } from '../../src/shared/envelope.js';
import { median, ms, printTable, ratio } from './measure.js';

/** The large demo shop's "now" (it was generated with it): the promotion starts the next day. */
const shopNow = '2026-11-20T12:00:00.000Z';
const targetSkus = 5000;

export interface PromotionsSimulateFigures {
  skus: number;
  simulateMs: number;
  bareScanMs: number;
}

export async function benchPromotionsSimulate(dbPath: string): Promise<PromotionsSimulateFigures> {
  const core = createCore({ dbPath, appVersion: 'bench', background: false, clock: fixedClock(shopNow) });
  try {
    // Migrations run when the core opens the file; seed once it has.
    const ready = await core.call('shop.status', {});
    if (!ready.ok) throw new Error(`shop.status: ${ready.error.message}`);
    const db = openDatabase(dbPath);
    // The leaf category whose variants come closest to 5,000.
    const category = db
      .prepare<[number], { id: number; path: string; variants: number }>(
        `SELECT c.id, c.path, COUNT(v.id) AS variants FROM categories c JOIN products p ON p.category_id = c.id JOIN variants v ON v.product_id = p.id
         WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)
         GROUP BY c.id ORDER BY ABS(COUNT(v.id) - ?) LIMIT 1`,
      )
      .get(targetSkus);
    if (!category) throw new Error('the bench shop has no categories');
    const promotionId = Number(
      db
        .prepare(
          `INSERT INTO promotions (name, type, status, starts_at, ends_at, scope, rule, uplift_assumption_bp, created_at, updated_at)
           VALUES ('Bench category sale', 'percent_off', 'draft', '2026-11-21T00:00:00.000Z', '2026-12-05T00:00:00.000Z', 'targets',
             '{"type":"percent_off","percentOffBp":2000}', 3000, ?, ?)`,
        )
        .run(shopNow, shopNow).lastInsertRowid,
    );
    db.prepare("INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, 'category', ?)").run(promotionId, category.id);
    // And the whole shop (100,000 SKUs): the baseline's history from the hourly rollups.
    const shopWideId = Number(
      db
        .prepare(
          `INSERT INTO promotions (name, type, status, starts_at, ends_at, scope, rule, uplift_assumption_bp, created_at, updated_at)
           VALUES ('Bench shop-wide sale', 'percent_off', 'draft', '2026-11-21T00:00:00.000Z', '2026-12-05T00:00:00.000Z', 'shop',
             '{"type":"percent_off","percentOffBp":2000}', 3000, ?, ?)`,
        )
        .run(shopNow, shopNow).lastInsertRowid,
    );
    const bareScanMs = await median(() => db.prepare('SELECT COUNT(*), SUM(quantity * unit_price), SUM(quantity), SUM(discount) FROM order_lines').get(), 5);
    db.close();

    let shortfalls = 0;
    let rows = 0;
    const simulateMs = await median(async () => {
      const answer = (await core.call('promotions.simulate', { promotionId })) as Envelope<MethodOutput<'promotions.simulate'>>;
      if (!answer.ok) throw new Error(`promotions.simulate: ${answer.error.message}`);
      shortfalls = answer.value.shortfallCount;
      rows = answer.value.totals.skus;
    }, 5);
    let shopSkus = 0;
    const shopWideMs = await median(async () => {
      const answer = (await core.call('promotions.simulate', { promotionId: shopWideId })) as Envelope<MethodOutput<'promotions.simulate'>>;
      if (!answer.ok) throw new Error(`promotions.simulate: ${answer.error.message}`);
      shopSkus = answer.value.totals.skus;
    }, 5);
    printTable(
      `Promotion simulation (${category.path}: ${rows} SKUs, 14 days; ${shortfalls} short of stock)`,
      ['what', 'median of 5', 'vs bare scan', 'target'],
      [
        ['bare scan of all order lines', ms(bareScanMs), '1.00x', '-'],
        ['promotions.simulate (baseline, uplift, prices, stock cover)', ms(simulateMs), ratio(simulateMs, bareScanMs), '< 1000 ms'],
        [`  the same, shop-wide (${shopSkus} SKUs)`, ms(shopWideMs), ratio(shopWideMs, bareScanMs), '-'],
      ],
    );
    return { skus: rows, simulateMs, bareScanMs };
  } finally {
    await core.close();
  }
}

if (process.argv[1]?.endsWith('promotions-simulate.ts')) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx tests/bench/promotions-simulate.ts <copy of large.db>');
  await benchPromotionsSimulate(path);
}

// Evaluation of a promotion over the large demo shop's million order lines (issue 15: under 1 s),
// beside one bare SQL scan of every order line (the yardstick the analytics bench uses). Two past
// promotions are written with SQL into `dbPath`, which must be a copy the bench may change: a
// shop-wide one and one on the biggest top-level category, each over 30 days of the history
// with 14 days after it.   tsx tests/bench/promotions-evaluate.ts /tmp/copy-of-large.db
import { createCore } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { promotionBaseline } from '../../src/promotions/baseline.js';
import { evaluatePromotion, type BaselineSource } from '../../src/promotions/evaluation-service.js';
import { fixedClock } from '../../src/shared/clock.js';
import { median, ms, printTable, ratio } from './measure.js';

/** The large demo shop's "now" (it was generated with it). */
const shopNow = '2026-11-20T12:00:00.000Z';
const startsAt = '2026-09-01T00:00:00.000Z';
const endsAt = '2026-10-01T00:00:00.000Z';

export interface PromotionsEvaluateFigures {
  /** The slower of the shop-wide and the category evaluation. */
  slowestMs: number;
  bareScanMs: number;
}

export async function benchPromotionsEvaluate(dbPath: string): Promise<PromotionsEvaluateFigures> {
  const core = createCore({ dbPath, appVersion: 'bench', background: false, clock: fixedClock(shopNow) });
  try {
    // Migrations run when the core opens the file; seed once it has.
    const ready = await core.call('shop.status', {});
    if (!ready.ok) throw new Error(`shop.status: ${ready.error.message}`);
  } finally {
    await core.close();
  }
  const db = openDatabase(dbPath);
  try {
    const insert = db.prepare(
      `INSERT INTO promotions (name, type, status, starts_at, ends_at, scope, rule, created_at, updated_at, started_at, finished_at)
       VALUES (?, 'percent_off', 'ended', ?, ?, ?, '{"type":"percent_off","percentOffBp":1500}', ?, ?, ?, ?)`,
    );
    const shopWide = Number(insert.run('Bench shop-wide sale', startsAt, endsAt, 'shop', shopNow, shopNow, startsAt, endsAt).lastInsertRowid);
    const category = db
      .prepare<[], { id: number; path: string }>(
        `SELECT c.id, c.path FROM categories c WHERE c.parent_id IS NULL
         ORDER BY (SELECT COUNT(*) FROM categories k JOIN products p ON p.category_id = k.id JOIN variants v ON v.product_id = p.id
                   WHERE k.id = c.id OR k.path LIKE c.path || ' > %') DESC LIMIT 1`,
      )
      .get();
    if (!category) throw new Error('the bench shop has no categories');
    const byCategory = Number(insert.run(`Bench ${category.path} sale`, startsAt, endsAt, 'targets', shopNow, shopNow, startsAt, endsAt).lastInsertRowid);
    db.prepare("INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, 'category', ?)").run(byCategory, category.id);

    const bareScanMs = await median(() => db.prepare('SELECT COUNT(*), SUM(quantity * unit_price), SUM(quantity), SUM(discount) FROM order_lines').get(), 5);
    const now = new Date(shopNow);
    const rows: string[][] = [['bare scan of all order lines', ms(bareScanMs), '1.00x', '-']];
    let slowestMs = 0;
    for (const [label, id] of [
      ['shop-wide', shopWide],
      [category.path, byCategory],
    ] as const) {
      let summary = '';
      const evaluateMs = await median(() => {
        const e = evaluatePromotion(db, id, now);
        summary = `${e.orders} orders, ${e.units} units, lift ${e.liftPercent === null ? 'n/a' : `${(e.liftPercent * 100).toFixed(1)} %`}, ROI ${e.roi === null ? 'n/a' : e.roi.toFixed(2)}`;
      }, 5);
      const headlineMs = await median(() => evaluatePromotion(db, id, now, { headline: true, simulate: null }), 5);
      // The split: the forecast baseline (baseline.ts, 44 days fitted on two years) against the rest.
      const baselineMs = await median(() => promotionBaseline(db, id, startsAt.slice(0, 10), 44), 5);
      const none: BaselineSource = { promoted: () => ({ daily: [], byVariant: new Map(), wape: null }), variants: () => ({ daily: [], byVariant: new Map(), wape: null }) };
      const withoutBaselineMs = await median(() => evaluatePromotion(db, id, now, { baselines: none }), 5);
      slowestMs = Math.max(slowestMs, evaluateMs);
      rows.push([`evaluatePromotion, ${label} (${summary})`, ms(evaluateMs), ratio(evaluateMs, bareScanMs), '< 1000 ms']);
      rows.push([`  headline only (results list, weekly report)`, ms(headlineMs), ratio(headlineMs, bareScanMs), '-']);
      rows.push([`  of which the forecast baseline (promotionBaseline)`, ms(baselineMs), ratio(baselineMs, bareScanMs), '-']);
      rows.push([`  everything but the baseline (attribution, pull-forward, customers, rows)`, ms(withoutBaselineMs), ratio(withoutBaselineMs, bareScanMs), '-']);
    }
    printTable(`Promotion evaluation (30 days ${startsAt.slice(0, 10)} – ${endsAt.slice(0, 10)}, 14 days after)`, ['what', 'median of 5', 'vs bare scan', 'target'], rows);
    return { slowestMs, bareScanMs };
  } finally {
    db.close();
  }
}

if (process.argv[1]?.endsWith('promotions-evaluate.ts')) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx tests/bench/promotions-evaluate.ts <copy of large.db>');
  await benchPromotionsEvaluate(path);
}

// Conflict and margin check of a shop-wide promotion over the large demo shop (100,000 variants),
// against a bare SQL pass computing the same effective prices (issue 15: ≤ 2x).
//  - check(): a shop-wide 20 % off (stackable), overlapping a 满减 on the largest top-level
//    category (stackable, with its subcategories) and an exclusive flash sale on 5 SKUs. Median of 5.
//  - bare: one hand-written SELECT over every variant giving its price alone and in each
//    combination it can meet (20 %; 20 % then the 满减's deepest share on the category; the flash
//    price on the flash SKUs), with the category list and SKU list fixed in the text. Min of 5,
//    interleaved with the check's runs.
// Works on the path it is given, which must be a copy (it migrates it and writes promotions):
//   npx tsx tests/bench/promotions-guard.ts /tmp/guard-large.db
import { openDatabase, type Db } from '../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/db/migrate.js';
import { createGuardService } from '../../src/promotions/guard-service.js';
import type { PromotionRule } from '../../src/promotions/rules.js';
import { systemClock } from '../../src/shared/clock.js';
import { ms, printTable, ratio, timeOnce } from './measure.js';

export interface PromotionsGuardFigures {
  variants: number;
  conflicts: number;
  breaches: number;
  checkMs: number;
  bareMs: number;
}

const at = '2026-11-20T12:00:00.000Z';
const window = { startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-12-15T00:00:00.000Z' };
const manjian: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }, { minSpend: 30000, amountOff: 4500 }] };
const flash: PromotionRule = { type: 'flash_sale', salePrice: { kind: 'percent', percentOffBp: 5000 }, perSkuCap: 100, perCustomerCap: 1 };

function insertPromotion(db: Db, name: string, rule: PromotionRule, stacking: string, priority: number, status: string, targets: [string, number][]): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO promotions (name, type, status, starts_at, ends_at, stacking, priority, scope, all_channels, rule, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(name, rule.type, status, window.startsAt, window.endsAt, stacking, priority, targets.length > 0 ? 'targets' : 'shop', JSON.stringify(rule), at, at).lastInsertRowid,
  );
  for (const [kind, target] of targets) db.prepare('INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, ?, ?)').run(id, kind, target);
  return id;
}

/** The same effective prices, hand-written: 20 % everywhere, the 满减's 15 % share (45 off 300) after it in the category, the flash price on its SKUs. */
function bareSql(categoryIds: readonly number[], flashIds: readonly number[]): string {
  return `SELECT v.id, v.cost,
      (v.price * 8000 + 5000) / 10000 AS alone,
      CASE WHEN p.category_id IN (${categoryIds.join(', ')})
        THEN (v.price * 8000 + 5000) / 10000 - (2 * ((v.price * 8000 + 5000) / 10000) * 3 + 20) / 40 END AS with_tiers,
      CASE WHEN v.id IN (${flashIds.join(', ')}) THEN (v.price * 5000 + 5000) / 10000 END AS flash
    FROM variants v JOIN products p ON p.id = v.product_id`;
}

export async function benchPromotionsGuard(dbPath: string): Promise<PromotionsGuardFigures> {
  const db = openDatabase(dbPath);
  try {
    migrate(db, dbPath, loadMigrations(defaultMigrationsDir()), systemClock);
    const top = db
      .prepare<[], { id: number }>(
        `WITH RECURSIVE tree (root, id) AS (SELECT id, id FROM categories WHERE parent_id IS NULL
           UNION ALL SELECT t.root, c.id FROM categories c JOIN tree t ON c.parent_id = t.id)
         SELECT t.root AS id FROM tree t JOIN products p ON p.category_id = t.id JOIN variants v ON v.product_id = p.id
         GROUP BY t.root ORDER BY COUNT(*) DESC LIMIT 1`,
      )
      .get();
    if (!top) throw new Error('The bench shop has no categories.');
    const categoryIds = db
      .prepare<[number], { id: number }>(
        'WITH RECURSIVE tree (id) AS (SELECT ? UNION ALL SELECT c.id FROM categories c JOIN tree t ON c.parent_id = t.id) SELECT id FROM tree',
      )
      .all(top.id)
      .map((r) => r.id);
    const flashIds = db.prepare<[], { id: number }>('SELECT id FROM variants ORDER BY id LIMIT 5').all().map((r) => r.id);

    const shopWide = insertPromotion(db, 'Bench 20 % off', { type: 'percent_off', percentOffBp: 2000 }, 'stackable', 100, 'draft', []);
    insertPromotion(db, 'Bench 满减', manjian, 'stackable', 50, 'scheduled', [['category', top.id]]);
    insertPromotion(db, 'Bench flash', flash, 'exclusive', 10, 'scheduled', flashIds.map((id): [string, number] => ['variant', id]));

    const guard = createGuardService(db);
    const result = guard.check({ promotionId: shopWide });
    const bare = db.prepare(bareSql(categoryIds, flashIds));
    bare.all();
    // Interleaved, so both see the same load on a shared machine.
    const checkTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      checkTimes.push(await timeOnce(() => guard.check({ promotionId: shopWide })));
      bareTimes.push(await timeOnce(() => bare.all()));
    }
    const checkMs = [...checkTimes].sort((a, b) => a - b)[2] ?? 0;
    const bareMs = Math.min(...bareTimes);

    printTable(`Promotions: conflict and margin check, shop-wide promotion over ${result.variantCount.toLocaleString('en')} variants`, ['run', 'time', 'against bare SQL'], [
      [`check() (${result.conflictCount.toLocaleString('en')} shared SKUs, ${result.breachCount.toLocaleString('en')} breaches), median of 5`, ms(checkMs), ratio(checkMs, bareMs)],
      ['bare SQL pass, same effective prices, min of 5', ms(bareMs), '1.00x'],
    ]);
    return { variants: result.variantCount, conflicts: result.conflictCount, breaches: result.breachCount, checkMs, bareMs };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx tests/bench/promotions-guard.ts <path-to-a-copy-of-large.db>');
  await benchPromotionsGuard(path);
}

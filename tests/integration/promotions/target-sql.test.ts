// Which variants a promotion applies to (target-sql.ts): each target kind, subcategories, shop scope.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { promotionVariantsCte } from '../../../src/promotions/target-sql.js';

const at = '2026-01-01T00:00:00.000Z';
let db: Db;
afterEach(() => db.close());

function shop(): Db {
  db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date(at) });
  db.exec(`
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (1, NULL, 'Apparel', 'Apparel', '${at}'), (2, 1, 'Hoodies', 'Apparel > Hoodies', '${at}'), (3, NULL, 'Toys', 'Toys', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'h', 'Hoodie', 2, '${at}', '${at}'), (2, 't', 'Toy', 3, '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, created_at, updated_at) VALUES (1, 1, 'H-S', 100, '${at}', '${at}'), (2, 1, 'H-M', 100, '${at}', '${at}'), (3, 2, 'T-1', 50, '${at}', '${at}');
    INSERT INTO tags (id, name) VALUES (1, 'sale');
    INSERT INTO product_tags (product_id, tag_id) VALUES (2, 1);`);
  return db;
}

function promotion(id: number, scope: 'shop' | 'targets', targets: [string, number][] = []): void {
  db.prepare(
    `INSERT INTO promotions (id, name, type, starts_at, ends_at, scope, rule, created_at, updated_at)
     VALUES (?, 'p', 'percent_off', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z', ?, '{"type":"percent_off","percentOffBp":1000}', ?, ?)`,
  ).run(id, scope, at, at);
  for (const [kind, target] of targets) db.prepare('INSERT INTO promotion_targets VALUES (?, ?, ?)').run(id, kind, target);
}

const variantsOf = (id: number): number[] =>
  db
    .prepare<[number], { v: number }>(`WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte} SELECT variant_id AS v FROM promo_variants ORDER BY v`)
    .all(id)
    .map((r) => r.v);

describe('promotion targets', () => {
  it('resolves shop scope, parent categories with their subcategories, products, variants and tags', () => {
    shop();
    promotion(1, 'shop');
    promotion(2, 'targets', [['category', 1]]);
    promotion(3, 'targets', [['product', 2], ['variant', 2]]);
    promotion(4, 'targets', [['tag', 1]]);
    expect(variantsOf(1)).toEqual([1, 2, 3]);
    expect(variantsOf(2)).toEqual([1, 2]);
    expect(variantsOf(3)).toEqual([2, 3]);
    expect(variantsOf(4)).toEqual([3]);
  });
});

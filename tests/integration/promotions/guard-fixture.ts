// A small migrated shop for the guard tests: a category tree, a few SKUs with and without cost,
// two channels, and a helper that inserts promotions directly (not through the services).
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import type { PromotionRule, PromotionStatus, Stacking, TargetKind } from '../../../src/promotions/rules.js';

export const at = '2026-01-01T00:00:00.000Z';
export const feb1 = '2026-02-01T00:00:00.000Z';
export const feb8 = '2026-02-08T00:00:00.000Z';
export const feb15 = '2026-02-15T00:00:00.000Z';

/**
 * Apparel (1) > Hoodies (2); Toys (3). Variants: 1 H-S 100.00 cost 60.00 (Hoodies), 2 H-M 100.00
 * no cost (Hoodies), 3 T-1 50.00 cost 30.00 (Toys), 4 TEE 20.00 cost 10.00 (Apparel).
 * Channels 1 Shopify and 2 POS, no fee. Shop floor 10 % (the migration's default).
 */
export function guardShop(): Db {
  const db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date(at) });
  db.exec(`
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (1, NULL, 'Apparel', 'Apparel', '${at}'),
      (2, 1, 'Hoodies', 'Apparel > Hoodies', '${at}'), (3, NULL, 'Toys', 'Toys', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'h', 'Hoodie', 2, '${at}', '${at}'),
      (2, 't', 'Toy', 3, '${at}', '${at}'), (3, 'tee', 'Tee', 1, '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES (1, 1, 'H-S', 10000, 6000, '${at}', '${at}'),
      (2, 1, 'H-M', 10000, NULL, '${at}', '${at}'), (3, 2, 'T-1', 5000, 3000, '${at}', '${at}'), (4, 3, 'TEE', 2000, 1000, '${at}', '${at}');
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'shopify', 'Shopify', 'shopify', '${at}'), (2, 'pos', 'POS', 'pos', '${at}');`);
  return db;
}

export interface PromotionSeed {
  rule: PromotionRule;
  status?: PromotionStatus;
  startsAt?: string;
  endsAt?: string;
  stacking?: Stacking;
  priority?: number;
  /** Omitted: the whole shop. */
  targets?: [TargetKind, number][];
  /** Omitted: all channels. */
  channels?: number[];
  name?: string;
}

export function insertPromotion(db: Db, id: number, seed: PromotionSeed): void {
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, stacking, priority, scope, all_channels, rule, created_at, updated_at)
     VALUES (@id, @name, @type, @status, @startsAt, @endsAt, @stacking, @priority, @scope, @allChannels, @rule, @at, @at)`,
  ).run({
    id,
    name: seed.name ?? `Promotion ${id}`,
    type: seed.rule.type,
    status: seed.status ?? 'scheduled',
    startsAt: seed.startsAt ?? feb1,
    endsAt: seed.endsAt ?? feb15,
    stacking: seed.stacking ?? 'stackable',
    priority: seed.priority ?? 100,
    scope: seed.targets ? 'targets' : 'shop',
    allChannels: seed.channels ? 0 : 1,
    rule: JSON.stringify(seed.rule),
    at,
  });
  for (const [kind, target] of seed.targets ?? []) db.prepare('INSERT INTO promotion_targets VALUES (?, ?, ?)').run(id, kind, target);
  for (const channel of seed.channels ?? []) db.prepare('INSERT INTO promotion_channels VALUES (?, ?)').run(id, channel);
}

export const percentOff = (percentOffBp: number): PromotionRule => ({ type: 'percent_off', percentOffBp });

// A small shop for the promotion lifecycle tests: a catalog to target, two channels, a bundle, and
// the promotion services wired to fakes of the guard / runner / audience that record their calls.
import type { Db } from '../../../src/db/open.js';
import type { CheckResult, PromotionFields } from '../../../src/promotions/contract.js';
import { createLifecycleService } from '../../../src/promotions/lifecycle-service.js';
import type { PromotionDeps } from '../../../src/promotions/promotion-deps.js';
import { createPromotionService } from '../../../src/promotions/promotion-service.js';
import type { Clock } from '../../../src/shared/clock.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { testNow } from '../temp-shop.js';
import { AppError } from '../../../src/shared/app-error.js';

const at = '2026-01-01T00:00:00.000Z';

/** Catalog: Apparel > Tees (product 1: TEE-S 1000 cost 800, TEE-M 1000 cost 800), Mugs (product 2: MUG 500), bundle GIFTSET = TEE-S + MUG; tag 'summer' on the mug; channels 1 Shopify, 2 POS. */
export function seedCatalog(db: Db): void {
  db.exec(`
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (1, NULL, 'Apparel', 'Apparel', '${at}'), (2, 1, 'Tees', 'Apparel > Tees', '${at}'), (3, NULL, 'Mugs', 'Mugs', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES
      (1, 'tee', 'Tee', 2, '${at}', '${at}'), (2, 'mug', 'Mug', 3, '${at}', '${at}'), (3, 'gift-set', 'Gift set', NULL, '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES
      (1, 1, 'TEE-S', 1000, 800, '${at}', '${at}'), (2, 1, 'TEE-M', 1000, 800, '${at}', '${at}'),
      (3, 2, 'MUG', 500, 200, '${at}', '${at}'), (4, 3, 'GIFTSET', 1300, 1000, '${at}', '${at}');
    INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (4, 1, 1), (4, 3, 1);
    INSERT INTO tags (id, name) VALUES (1, 'summer');
    INSERT INTO product_tags (product_id, tag_id) VALUES (2, 1);
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'shopify', 'Shopify', 'shopify', '${at}'), (2, 'pos', 'POS', 'pos', '${at}');
    INSERT INTO customers (id, name, created_at) VALUES (1, 'Ann', '${at}'), (2, 'Bo', '${at}');`);
}

/** A clock the test moves. */
export function movableClock(iso = testNow): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next) => void (now = new Date(next)) };
}

export interface DepCalls {
  check: unknown[];
  advance: string[];
  clearPrices: { promotionId: number; at: string }[];
  freeze: { promotionId: number; asOf: string }[];
}

/** One breach as the guard reports it: TEE-S at 750 against cost 800 is a margin of −6.67 %, under the 10 % floor. */
export const teeBreach = { variantId: 1, sku: 'TEE-S', title: 'Tee', regularPrice: 1000, unitPrice: 750, cost: 800, fee: 0, marginBp: -667, floorBp: 1000, promotionIds: [1] };

export function checkResult(breaches: number): CheckResult {
  return {
    variantCount: 2,
    conflictCount: 0,
    conflicts: [],
    breachCount: breaches,
    breaches: breaches > 0 ? [teeBreach] : [],
    noCostCount: 0,
    truncated: false,
    note: null,
  };
}

/**
 * Fakes that record calls. `advance` does what the runner promises for starts (scheduled ->
 * running once starts_at has passed), so the lifecycle's effect can be seen in the row.
 */
export function fakeDeps(db: Db, options: { breaches?: number } = {}): { deps: PromotionDeps; calls: DepCalls } {
  const calls: DepCalls = { check: [], advance: [], clearPrices: [], freeze: [] };
  const deps: PromotionDeps = {
    check: (_db, input) => {
      calls.check.push(input);
      return checkResult(options.breaches ?? 0);
    },
    advance: (_db, now) => {
      calls.advance.push(now.toISOString());
      const started = db
        .prepare<[string, string], { id: number }>(`UPDATE promotions SET status = 'running', started_at = ? WHERE status = 'scheduled' AND starts_at <= ? RETURNING id`)
        .all(now.toISOString(), now.toISOString())
        .map((r) => r.id);
      return { started, ended: [] };
    },
    clearPrices: (_db, promotionId, at) => {
      calls.clearPrices.push({ promotionId, at });
      return 0;
    },
    pushPlan: () => [],
    freezeAudience: (_db, promotionId, asOf) => {
      calls.freeze.push({ promotionId, asOf: asOf.toISOString() });
      return { treatment: 0, control: 0 };
    },
  };
  return { deps, calls };
}

export interface LifecycleShop {
  shop: TestShop;
  clock: ReturnType<typeof movableClock>;
  calls: DepCalls;
  promotions: ReturnType<typeof createPromotionService>;
  lifecycle: ReturnType<typeof createLifecycleService>;
}

/** A seeded test shop; the services run on the side connection with fake deps (History undo goes through the core). */
export function lifecycleShop(options: { breaches?: number } = {}): LifecycleShop {
  const shop = testShop();
  seedCatalog(shop.db);
  const clock = movableClock();
  const { deps, calls } = fakeDeps(shop.db, options);
  const promotions = createPromotionService(shop.db, clock, deps);
  const lifecycle = createLifecycleService(shop.db, clock, promotions, deps);
  return { shop, clock, calls, promotions, lifecycle };
}

/** A 25 %-off draft on the tees from 2026-12-01 to 2026-12-08 (UTC), every channel. */
export function teeSale(overrides: Partial<PromotionFields> = {}): PromotionFields {
  return {
    name: 'Tee week',
    startsAt: '2026-12-01T00:00:00.000Z',
    endsAt: '2026-12-08T00:00:00.000Z',
    stacking: 'exclusive',
    priority: 100,
    targets: { scope: 'targets', items: [{ kind: 'product', id: 1 }] },
    channels: 'all',
    rule: { type: 'percent_off', percentOffBp: 2500 },
    segmentCode: null,
    controlShareBp: 0,
    upliftAssumptionBp: null,
    note: null,
    ...overrides,
  };
}

export const row = (db: Db, id: number) =>
  db
    .prepare<[number], { status: string; name: string; rule: string; scope: string; all_channels: number; override_reason: string | null; override_by: string | null; finished_at: string | null; ends_at: string }>(
      'SELECT status, name, rule, scope, all_channels, override_reason, override_by, finished_at, ends_at FROM promotions WHERE id = ?',
    )
    .get(id);

/** The AppError `run` throws (a test of a refusal); fails when it does not refuse. */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

// SQL of the conflict finder and margin guard (guard-service.ts). The checked promotion's own
// prices, margins and breach counts are computed set-based in one pass over its variants
// (target-sql.ts), with each category's margin floor resolved once by a recursive walk down the
// category tree; only the SKUs it shares with overlapping promotions come back to JS. The price
// and margin formulas here are the pricing engine's (pricing/unit-price.ts, pricing/rounding.ts)
// written in SQL: tests/integration/promotions/guard-rounding.test.ts checks they agree.
// Portable SQL (WITH RECURSIVE, CASE, integer division on non-negative operands).
import type { Db } from '../db/open.js';
import type { UnitFormula } from './pricing/unit-price.js';
import { promotionRuleSchema, type PromotionRule, type PromotionType, type Stacking } from './rules.js';
import { promotionVariantsCte } from './target-sql.js';

/** A promotion that overlaps the checked one in time and channels (scheduled or running). */
export interface OverlappingPromotion {
  id: number;
  name: string;
  type: PromotionType;
  stacking: Stacking;
  priority: number;
  rule: PromotionRule;
}

/** One SKU the checked promotion shares with overlapping ones (its title: titles()). */
export interface SharedSkuRow {
  variantId: number;
  /** Sum of the bits of the other promotions that share it. */
  mask: number;
  sku: string;
  regularPrice: number;
  cost: number | null;
  floorBp: number;
}

/** One step of the lower-bound chain: a promotion's formula, applied where its bit is set (null: always). */
export interface SharedStep {
  formula: UnitFormula;
  bit: number | null;
}

export interface BreachSqlRow {
  variantId: number;
  sku: string;
  title: string;
  regularPrice: number;
  unitPrice: number;
  cost: number;
  fee: number;
  marginBp: number;
  floorBp: number;
}

/** Parameters every pass binds: the promotion, the shop floor, the fee and the price formula's. */
type PassParams = Record<string, number>;

/**
 * better-sqlite3 binds a JS number as REAL, which would turn the integer divisions below into
 * fractions; a BigInt binds as INTEGER.
 */
function asIntegers(params: PassParams): Record<string, bigint> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, BigInt(value)]));
}

/** The unit price of `v.price` under a formula, as SQL with named parameters (pricing/unit-price.ts). */
function priceSql(formula: UnitFormula): { sql: string; params: PassParams } {
  switch (formula.kind) {
    case 'percent':
      return { sql: '(v.price * (10000 - @bp) + 5000) / 10000', params: { bp: formula.percentOffBp } };
    case 'amount':
      return { sql: 'CASE WHEN v.price > @amount THEN v.price - @amount ELSE 0 END', params: { amount: formula.amountOff } };
    case 'fixed':
      return { sql: 'CASE WHEN v.price < @fixed THEN v.price ELSE @fixed END', params: { fixed: formula.price } };
    case 'share':
      return {
        sql: 'CASE WHEN @num >= @den THEN 0 ELSE v.price - (2 * v.price * @num + @den) / (2 * @den) END',
        params: { num: formula.num, den: formula.den },
      };
    case 'group':
      return {
        sql: '(2 * (@buy * v.price + @get * ((v.price * (10000 - @bp) + 5000) / 10000)) + @buy + @get) / (2 * (@buy + @get))',
        params: { buy: formula.buy, get: formula.get, bp: formula.percentOffBp },
      };
    case 'none':
      return { sql: 'v.price', params: {} };
  }
}

// Nearest floor up the tree: a top-level category takes its own floor or the shop's, a child its
// own or its parent's. Products without a category take the shop floor.
const categoryFloorCte = `cat_floor (id, floor_bp) AS (
    SELECT c.id, COALESCE(f.min_margin_bp, @shopFloor) FROM categories c
      LEFT JOIN category_margin_floors f ON f.category_id = c.id WHERE c.parent_id IS NULL
    UNION ALL
    SELECT c.id, COALESCE(f.min_margin_bp, cf.floor_bp) FROM categories c JOIN cat_floor cf ON c.parent_id = cf.id
      LEFT JOIN category_margin_floors f ON f.category_id = c.id
  )`;

/**
 * The checked promotion's variants (promo_ids holds only it: filtering on promotion_id here would
 * let SQLite drive the join from products and probe every pair per product) with their price, fee and margin. Margin as metrics: half-up
 * of (price − cost − fee) × 10000 ÷ price, i.e. floor((2n + p) ÷ 2p), written for negative n
 * with integer division; price 0 → −10000; no cost → NULL (not checked). fee = price × @feeBp ÷ 10000, half-up.
 */
function marginsCte(price: string, shopWide: boolean): string {
  // Shop-wide: every variant (target-sql.ts's shop scope) without building and deduplicating the
  // 100,000 pairs first; otherwise the promotion's variants from target-sql.ts.
  const variants = shopWide ? 'variants v' : 'promo_variants pv JOIN variants v ON v.id = pv.variant_id';
  return `priced AS (
    SELECT v.id, v.sku, pr.title, v.price AS regular, v.cost, COALESCE(cf.floor_bp, @shopFloor) AS floor_bp, ${price} AS unit_price
    FROM ${variants} JOIN products pr ON pr.id = v.product_id
      LEFT JOIN cat_floor cf ON cf.id = pr.category_id
  ),
  feed AS (SELECT priced.*, (unit_price * @feeBp + 5000) / 10000 AS fee FROM priced),
  twice AS (SELECT feed.*, 2 * (unit_price - cost - fee) * 10000 + unit_price AS x FROM feed),
  margins AS (
    SELECT twice.*, CASE WHEN cost IS NULL THEN NULL WHEN unit_price = 0 THEN -10000
      WHEN x >= 0 THEN x / (2 * unit_price) ELSE -((-x + 2 * unit_price - 1) / (2 * unit_price)) END AS margin_bp
    FROM twice
  )`;
}

const overlapWhere = `o.id <> @promotionId AND o.status IN ('scheduled', 'running')
  AND o.starts_at < @endsAt AND o.ends_at > @startsAt
  AND (@allChannels = 1 OR o.all_channels = 1 OR EXISTS (
    SELECT 1 FROM promotion_channels a JOIN promotion_channels b ON b.channel_id = a.channel_id
    WHERE a.promotion_id = @promotionId AND b.promotion_id = o.id))`;

export interface CheckedWindow {
  promotionId: number;
  startsAt: string;
  endsAt: string;
  allChannels: number;
}

export function createGuardStore(db: Db) {
  const overlapping = db.prepare<[CheckedWindow], { id: number; name: string; type: PromotionType; stacking: Stacking; priority: number; rule: string }>(
    `SELECT o.id, o.name, o.type, o.stacking, o.priority, o.rule FROM promotions o WHERE ${overlapWhere} ORDER BY o.priority, o.id`,
  );
  const window = db.prepare<[number], { startsAt: string; endsAt: string; allChannels: number; scope: string }>(
    'SELECT starts_at AS startsAt, ends_at AS endsAt, all_channels AS allChannels, scope FROM promotions WHERE id = ?',
  );
  // The highest fee of the channels in scope (all channels: of every channel); unknown fee = 0.
  const feeAll = db.prepare<[], { fee: number | null }>('SELECT MAX(COALESCE(fee_bp, 0)) AS fee FROM channels');
  const feeOf = db.prepare<[number], { fee: number | null }>(
    'SELECT MAX(COALESCE(c.fee_bp, 0)) AS fee FROM promotion_channels pc JOIN channels c ON c.id = pc.channel_id WHERE pc.promotion_id = ?',
  );
  const shopFloor = db.prepare<[], { floor: number }>('SELECT min_margin_bp AS floor FROM promotion_settings WHERE id = 1');
  const variantCost = db.prepare<[number], { cost: number | null }>('SELECT cost FROM variants WHERE id = ?');
  const variantPrice = db.prepare<[number], { price: number }>('SELECT price FROM variants WHERE id = ?');
  const titles = db.prepare<[string], { id: number; title: string }>(
    'SELECT v.id, p.title FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (SELECT value FROM json_each(?))',
  );
  const catalogBundle = db.prepare<[number], { variantId: number; quantity: number }>(
    'SELECT component_variant_id AS variantId, quantity FROM bundle_components WHERE bundle_variant_id = ? ORDER BY component_variant_id',
  );

  const shopWide = (promotionId: number): boolean => windowOf(promotionId).scope === 'shop';
  /** The CTEs in front of a pass over the checked promotion's variants. */
  const passHead = (promotionId: number): string =>
    shopWide(promotionId)
      ? `WITH RECURSIVE ${categoryFloorCte},`
      : `WITH RECURSIVE promo_ids (id) AS (SELECT @promotionId), ${promotionVariantsCte}, ${categoryFloorCte},`;

  function windowOf(promotionId: number): CheckedWindow & { scope: string } {
    const row = window.get(promotionId);
    if (!row) throw new Error(`promotion ${promotionId} vanished during the check`);
    return { promotionId, ...row };
  }

  return {
    /** Scheduled or running promotions overlapping the checked one in time and channels. */
    overlapping(promotionId: number): OverlappingPromotion[] {
      const { scope: _scope, ...checked } = windowOf(promotionId);
      return overlapping.all(checked).map((row) => ({ ...row, rule: promotionRuleSchema.parse(JSON.parse(row.rule)) }));
    },
    feeBp(promotionId: number): number {
      const all = windowOf(promotionId).allChannels === 1;
      return (all ? feeAll.get() : feeOf.get(promotionId))?.fee ?? 0;
    },
    shopFloorBp: (): number => shopFloor.get()?.floor ?? 0,
    variantCost: (variantId: number): number | null => variantCost.get(variantId)?.cost ?? null,
    /** Components of a bundle_price rule: the catalog bundle's, or the listed ones. */
    bundleComponents(rule: Extract<PromotionRule, { type: 'bundle_price' }>): { variantId: number; quantity: number }[] {
      return rule.bundleVariantId !== null ? catalogBundle.all(rule.bundleVariantId) : rule.components;
    },
    regularPrice: (variantId: number): number => variantPrice.get(variantId)?.price ?? 0,
    /** Product titles of a few variants (the listed conflicts). */
    titles(variantIds: readonly number[]): Map<number, string> {
      return new Map(titles.all(JSON.stringify(variantIds)).map((r) => [r.id, r.title]));
    },

    /** Counts over the checked promotion's variants at its own (deepest) unit price. */
    aggregate(promotionId: number, formula: UnitFormula, feeBp: number, floorBp: number): { variantCount: number; noCostCount: number; breachCount: number } {
      const price = priceSql(formula);
      const row = db
        .prepare<[Record<string, bigint>], { variantCount: number; noCostCount: number; breachCount: number }>(
          `${passHead(promotionId)} ${marginsCte(price.sql, shopWide(promotionId))}
           SELECT COUNT(*) AS variantCount, COALESCE(SUM(CASE WHEN cost IS NULL THEN 1 ELSE 0 END), 0) AS noCostCount,
             COALESCE(SUM(CASE WHEN margin_bp < floor_bp THEN 1 ELSE 0 END), 0) AS breachCount
           FROM margins`,
        )
        .get(asIntegers({ ...price.params, promotionId, feeBp, shopFloor: floorBp }));
      return row ?? { variantCount: 0, noCostCount: 0, breachCount: 0 };
    },

    /** The worst `limit` breaches at the checked promotion's own price, most negative margin first. */
    breaches(promotionId: number, formula: UnitFormula, feeBp: number, floorBp: number, limit: number): BreachSqlRow[] {
      const price = priceSql(formula);
      return db
        .prepare<[Record<string, bigint>], BreachSqlRow>(
          `${passHead(promotionId)} ${marginsCte(price.sql, shopWide(promotionId))}
           SELECT id AS variantId, sku, title, regular AS regularPrice, unit_price AS unitPrice, cost, fee, margin_bp AS marginBp, floor_bp AS floorBp
           FROM margins WHERE margin_bp < floor_bp ORDER BY margin_bp, id LIMIT @limit`,
        )
        .all(asIntegers({ ...price.params, promotionId, feeBp, shopFloor: floorBp, limit }));
    },

    /**
     * The SKUs the checked promotion shares with the `others`, each with the bits of the others it
     * shares (`mask`), and how many there are. Only those that may breach come back, plus the first
     * `listLimit` by SKU: `chain` (the checked promotion and every other in stacking order, each
     * other applied only where its bit is set) gives a lower bound of every combination's price,
     * since each formula lowers a price and keeps the order of prices (pricing/unit-price.ts); a
     * SKU whose bound margin is at or above its floor cannot breach in any combination.
     */
    sharedSkus(promotionId: number, others: readonly { id: number; bit: number }[], chain: readonly SharedStep[], feeBp: number, floorBp: number, listLimit: number): { total: number; rows: SharedSkuRow[] } {
      if (others.length === 0) return { total: 0, rows: [] };
      const shopWide = windowOf(promotionId).scope === 'shop';
      const params: PassParams = { promotionId, feeBp, shopFloor: floorBp, limit: listLimit };
      others.forEach((o, i) => {
        params[`o${i}`] = o.id;
        params[`b${i}`] = o.bit;
      });
      const ids = others.map((_, i) => `SELECT @o${i}`).join(' UNION ALL ');
      const bits = others.map((_, i) => `WHEN @o${i} THEN @b${i}`).join(' ');
      // A shop-wide check covers every variant: the others' variants are all shared.
      const shared = shopWide
        ? `SELECT o.variant_id, SUM(CASE o.promotion_id ${bits} ELSE 0 END) AS mask FROM promo_variants o GROUP BY o.variant_id`
        : `SELECT o.variant_id, SUM(CASE o.promotion_id ${bits} ELSE 0 END) AS mask
           FROM promo_variants mine JOIN promo_variants o ON o.variant_id = mine.variant_id AND o.promotion_id <> @promotionId
           WHERE mine.promotion_id = @promotionId GROUP BY o.variant_id`;
      const steps = chain.map((step, i) => {
        const price = priceSql(step.formula);
        for (const [name, value] of Object.entries(price.params)) params[`s${i}_${name}`] = value;
        const applied = price.sql.replaceAll('v.price', 'p').replace(/@(\w+)/g, `@s${i}_$1`);
        if (step.bit !== null) params[`s${i}_bit`] = step.bit;
        const expr = step.bit === null ? applied : `CASE WHEN (mask / @s${i}_bit) % 2 = 1 THEN ${applied} ELSE p END`;
        return `s${i + 1} AS (SELECT variant_id, mask, sku, regular, cost, floor_bp, ${expr} AS p FROM s${i})`;
      });
      const last = `s${chain.length}`;
      const sql = `WITH RECURSIVE promo_ids (id) AS (${shopWide ? ids : `SELECT @promotionId UNION ALL ${ids}`}),
          ${promotionVariantsCte}, ${categoryFloorCte},
          shared AS (${shared}),
          s0 AS (SELECT s.variant_id, s.mask, v.sku, v.price AS regular, v.cost, COALESCE(cf.floor_bp, @shopFloor) AS floor_bp, v.price AS p
            FROM shared s JOIN variants v ON v.id = s.variant_id JOIN products pr ON pr.id = v.product_id
              LEFT JOIN cat_floor cf ON cf.id = pr.category_id),
          ${steps.join(',\n')},
          bfee AS (SELECT ${last}.*, (p * @feeBp + 5000) / 10000 AS fee FROM ${last}),
          btwice AS (SELECT bfee.*, 2 * (p - cost - fee) * 10000 + p AS x FROM bfee),
          bounded AS (SELECT variant_id, mask, sku, regular, cost, floor_bp, CASE WHEN cost IS NULL THEN NULL WHEN p = 0 THEN -10000
            WHEN x >= 0 THEN x / (2 * p) ELSE -((-x + 2 * p - 1) / (2 * p)) END AS margin_bp FROM btwice)
        SELECT variant_id AS variantId, sku, regular AS regularPrice, cost, floor_bp AS floorBp, mask, 0 AS total FROM bounded WHERE margin_bp < floor_bp
        UNION
        SELECT * FROM (SELECT variant_id, sku, regular, cost, floor_bp, mask, 0 FROM bounded ORDER BY sku LIMIT @limit)
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM shared`;
      const all = db.prepare<[Record<string, bigint>], SharedSkuRow & { total: number }>(sql).all(asIntegers(params));
      const rows = all.filter((row) => row.variantId !== null).map(({ total: _total, ...row }) => row);
      return { total: all.find((row) => row.variantId === null)?.total ?? 0, rows };
    },

    /** Runs `work` inside a savepoint that is always rolled back: nothing it writes stays. */
    rolledBack<T>(work: () => T): T {
      db.exec('SAVEPOINT guard_check');
      try {
        return work();
      } finally {
        db.exec('ROLLBACK TO guard_check');
        db.exec('RELEASE guard_check');
      }
    },
  };
}
export type GuardStore = ReturnType<typeof createGuardStore>;

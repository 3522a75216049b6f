// SQL of running promotions (runner.ts): the status moves at start and end, the flash-sale caps,
// and the set-based recompute of promotion_prices for a set of variants. The recompute works in
// three connection-local TEMP tables so a shop-wide promotion over 100,000 variants is a handful
// of statements, never a loop over rows:
//   promotion_recalc          the variants being recomputed: the price so far (from the regular one), the
//                             promotion that set it, and its stacking state (0 nothing applied
//                             yet, 1 stackable ones applied, 2 won by an exclusive one);
//   promotion_recalc_targets  (promotion, variant) pairs of the running 'targets' promotions,
//                             limited to those variants (a shop-wide one applies to every row, so
//                             its 100,000 pairs are never written out);
//   promotion_recalc_excluded flash-sale pairs whose cap is reached;
//   promotion_recalc_ids      the promotions whose variants go into promotion_recalc (changed ones).
// One UPDATE per running price promotion, in stacking order (pricing/stacking.ts: the first one
// that applies, if exclusive, applies alone; otherwise the stackable ones, each on the price the
// previous left, exclusive ones after a stackable one skipped), applies it to its variants, and a
// final DELETE + upsert writes only what differs (so the outbox triggers fire only on real changes).
// Portable SQL (temp tables, WITH RECURSIVE, integer division truncating toward zero, upsert).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { PromotionType } from './rules.js';
import { promotionVariantsCte } from './target-sql.js';

/** A running promotion as the runner needs it: its rule still JSON text (runner.ts parses it). */
export interface RunningPromotionRow {
  id: number;
  type: PromotionType;
  stacking: 'exclusive' | 'stackable';
  priority: number;
  rule: string;
  scope: 'shop' | 'targets';
  startedAt: string | null;
}

export interface PendingPromotionRow {
  id: number;
  status: 'scheduled' | 'running';
  startsAt: string;
  endsAt: string;
}

/** How one promotion turns the price before it into its own, with values bound as parameters. */
export type PriceStep =
  | { kind: 'percent'; bp: number }
  | { kind: 'amount'; amount: number }
  | { kind: 'fixed'; price: number };

/** The price-setting types (rules.ts constants, never input) as SQL literals. */
const priceTypesSql = (types: readonly PromotionType[]): string => types.map((t) => `'${t}'`).join(', ');

/**
 * The new price of a row from `base` (the price so far, at first the regular one), as
 * pricing/unit-price.ts applyFormula computes it: percent off rounds half up to the minor unit —
 * (p × (10000 − bp) + 5000) ÷ 10000 in integers, exact for p ≥ 0; amount off never goes below 0;
 * a fixed price never raises the price it is applied to. Parameters are cast: a bound JS number
 * is a REAL to SQLite, which would turn the division into a fractional one.
 */
function stepSql(step: PriceStep, base: string): { sql: string; params: number[] } {
  switch (step.kind) {
    case 'percent':
      return { sql: `(${base} * (10000 - CAST(? AS INTEGER)) + 5000) / 10000`, params: [step.bp] };
    case 'amount':
      return { sql: `CASE WHEN ${base} > CAST(? AS INTEGER) THEN ${base} - CAST(? AS INTEGER) ELSE 0 END`, params: [step.amount, step.amount] };
    default:
      return { sql: `CASE WHEN ${base} > CAST(? AS INTEGER) THEN CAST(? AS INTEGER) ELSE ${base} END`, params: [step.price, step.price] };
  }
}

export function createRunnerStore(db: Db, priceTypes: readonly PromotionType[]) {
  // Connection-local scratch tables (TEMP: never in the shop file, never seen by another connection).
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS promotion_recalc (
      variant_id INTEGER PRIMARY KEY, price INTEGER NOT NULL,
      promotion_id INTEGER, state INTEGER NOT NULL DEFAULT 0);
    CREATE TEMP TABLE IF NOT EXISTS promotion_recalc_targets (
      promotion_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, PRIMARY KEY (promotion_id, variant_id));
    CREATE TEMP TABLE IF NOT EXISTS promotion_recalc_excluded (
      promotion_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, PRIMARY KEY (promotion_id, variant_id));
    CREATE TEMP TABLE IF NOT EXISTS promotion_recalc_ids (id INTEGER PRIMARY KEY);`);
  const types = priceTypesSql(priceTypes);

  // Compared in runner.ts as instants (Date.parse), so a window stored with an offset still starts
  // on time; the scheduled and running promotions are a short list.
  const pending = db.prepare<[], PendingPromotionRow>(
    "SELECT id, status, starts_at AS startsAt, ends_at AS endsAt FROM promotions WHERE status IN ('scheduled', 'running') ORDER BY id",
  );
  const markStarted = db.prepare<[string, string, number]>(
    "UPDATE promotions SET status = 'running', started_at = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'",
  );
  const markEnded = db.prepare<[string, string, number]>(
    "UPDATE promotions SET status = 'ended', finished_at = ?, updated_at = ? WHERE id = ? AND status IN ('scheduled', 'running')",
  );
  // Sale prices left by a promotion that no longer runs (cancelled by a path that did not clear them).
  const stale = db.prepare<[], { id: number }>(
    "SELECT DISTINCT pp.promotion_id AS id FROM promotion_prices pp JOIN promotions p ON p.id = pp.promotion_id WHERE p.status <> 'running'",
  );
  const typeOf = db.prepare<[number], { type: PromotionType }>('SELECT type FROM promotions WHERE id = ?');
  const runningPriced = db.prepare<[number], RunningPromotionRow>(
    `SELECT id, type, stacking, priority, rule, scope, started_at AS startedAt FROM promotions
     WHERE status = 'running' AND type IN (${types}) AND id <> ? ORDER BY priority, id`,
  );

  const clearScratch = db.prepare('DELETE FROM promotion_recalc');
  const clearTargets = db.prepare('DELETE FROM promotion_recalc_targets');
  const clearIds = db.prepare('DELETE FROM promotion_recalc_ids');
  const clearExcluded = db.prepare('DELETE FROM promotion_recalc_excluded');
  const anyShopWide = db.prepare<[], { id: number }>(
    "SELECT p.id FROM promotion_recalc_ids i JOIN promotions p ON p.id = i.id WHERE p.scope = 'shop' LIMIT 1",
  );
  const addAllVariants = db.prepare('INSERT INTO promotion_recalc (variant_id, price) SELECT id, price FROM variants WHERE true ON CONFLICT DO NOTHING');
  const addId = db.prepare<[number]>('INSERT INTO promotion_recalc_ids (id) VALUES (?) ON CONFLICT DO NOTHING');
  // The variants of the named promotions, plus those whose sale price one of them set.
  const addTargetsOfIds = db.prepare(
    `INSERT INTO promotion_recalc (variant_id, price)
     WITH RECURSIVE promo_ids (id) AS (SELECT id FROM promotion_recalc_ids), ${promotionVariantsCte}
     SELECT v.id, v.price FROM variants v WHERE v.id IN (SELECT variant_id FROM promo_variants)
       OR v.id IN (SELECT pp.variant_id FROM promotion_prices pp JOIN promotion_recalc_ids i ON i.id = pp.promotion_id)
     ON CONFLICT DO NOTHING`,
  );
  const addVariant = db.prepare<[number]>(
    'INSERT INTO promotion_recalc (variant_id, price) SELECT id, price FROM variants WHERE id = ? ON CONFLICT DO NOTHING',
  );
  // Pairs of every running 'targets' price promotion (but the excluded one) over the variants being recomputed.
  const loadTargets = db.prepare<[number]>(
    `INSERT INTO promotion_recalc_targets (promotion_id, variant_id)
     WITH RECURSIVE promo_ids (id) AS (
       SELECT id FROM promotions WHERE status = 'running' AND type IN (${types}) AND scope = 'targets' AND id <> ?), ${promotionVariantsCte}
     SELECT pv.promotion_id, pv.variant_id FROM promo_variants pv JOIN promotion_recalc r ON r.variant_id = pv.variant_id
     WHERE true ON CONFLICT DO NOTHING`,
  );
  const exclude = db.prepare<[number, number]>(
    'INSERT INTO promotion_recalc_excluded (promotion_id, variant_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const deleteGone = db.prepare(
    'DELETE FROM promotion_prices WHERE variant_id IN (SELECT variant_id FROM promotion_recalc WHERE promotion_id IS NULL)',
  );
  // Only rows whose price or deciding promotion changed are touched (the outbox triggers follow).
  const upsert = db.prepare<[string]>(
    `INSERT INTO promotion_prices (variant_id, promotion_id, price, applied_at)
     SELECT variant_id, promotion_id, price, ? FROM promotion_recalc WHERE promotion_id IS NOT NULL
     ON CONFLICT (variant_id) DO UPDATE SET price = excluded.price, promotion_id = excluded.promotion_id, applied_at = excluded.applied_at
     WHERE promotion_prices.price <> excluded.price OR promotion_prices.promotion_id <> excluded.promotion_id`,
  );
  const countOf = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM promotion_prices WHERE promotion_id = ?');

  // Units of each variant of a flash sale sold since it started (non-cancelled orders, on the
  // promotion's channels), for the variants that reached the cap. CROSS JOIN keeps the order of the
  // loops (portable syntax, SQLite does not reorder it): the orders placed since the start by their
  // index first, then their lines — never every line of the targeted variants' history.
  const capped = db.prepare<[number, string, number, number], { variantId: number }>(
    `WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte},
     sold (variant_id, units) AS (
       SELECT ol.variant_id, SUM(ol.quantity) FROM promotions p CROSS JOIN orders o CROSS JOIN order_lines ol
       WHERE p.id = (SELECT id FROM promo_ids) AND o.placed_at >= ? AND o.status <> 'cancelled' AND ol.order_id = o.id
         AND (p.all_channels = 1 OR o.channel_id IN (SELECT pc.channel_id FROM promotion_channels pc WHERE pc.promotion_id = p.id))
       GROUP BY ol.variant_id)
     SELECT variant_id AS variantId FROM sold
     WHERE units >= ? AND variant_id IN (SELECT variant_id FROM promo_variants)
     ORDER BY variant_id LIMIT ?`,
  );

  // Connected channels in scope, and whether any of the promotion's variants is linked there
  // (a shop-wide one: any link at all, without listing every variant).
  const pushChannels = db.prepare<[number], { id: number; name: string; linked: number }>(
    `WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte}
     SELECT c.id, c.name,
       CASE WHEN p.scope = 'shop' THEN EXISTS (SELECT 1 FROM channel_links l WHERE l.channel_id = c.id)
         ELSE EXISTS (SELECT 1 FROM channel_links l WHERE l.channel_id = c.id AND l.variant_id IN (SELECT variant_id FROM promo_variants))
       END AS linked
     FROM channels c JOIN promotions p ON p.id = (SELECT id FROM promo_ids)
     WHERE c.settings IS NOT NULL AND c.sync_status IN ('connected', 'failing')
       AND (p.all_channels = 1 OR c.id IN (SELECT pc.channel_id FROM promotion_channels pc WHERE pc.promotion_id = p.id))
     ORDER BY c.name, c.id`,
  );

  const stepStatements = new Map<string, Statement<number[]>>();
  const prepared = (sql: string) => {
    let statement = stepStatements.get(sql);
    if (!statement) {
      statement = db.prepare<number[]>(sql);
      stepStatements.set(sql, statement);
    }
    return statement;
  };

  return {
    /** Scheduled and running promotions with their windows. */
    pending: (): PendingPromotionRow[] => pending.all(),
    markStarted: (id: number, at: string): boolean => markStarted.run(at, at, id).changes > 0,
    markEnded: (id: number, at: string): boolean => markEnded.run(at, at, id).changes > 0,
    staleIds: (): number[] => stale.all().map((r) => r.id),
    typeOf: (id: number): PromotionType | undefined => typeOf.get(id)?.type,
    /** Running price-setting promotions in stacking order (priority, then id), without `exceptId`. */
    runningPriced: (exceptId = 0): RunningPromotionRow[] => runningPriced.all(exceptId),
    /** Variants of a flash sale whose units sold since `since` reached `cap` (at most `limit`). */
    cappedVariants: (promotionId: number, since: string, cap: number, limit = 1_000_000): number[] =>
      capped.all(promotionId, since, cap, limit).map((r) => r.variantId),
    /** Starts a recompute: empties the scratch tables. */
    beginRecalc(): void {
      clearScratch.run();
      clearTargets.run();
      clearIds.run();
      clearExcluded.run();
    },
    /** Adds the variants of these promotions (targets, and rows they priced) to the recompute. */
    addVariantsOf(promotionIds: readonly number[]): void {
      if (promotionIds.length === 0) return;
      clearIds.run();
      for (const id of promotionIds) addId.run(id);
      // A shop-wide one: every variant, straight from the table.
      if (anyShopWide.get()) addAllVariants.run();
      else addTargetsOfIds.run();
    },
    addVariant(variantId: number): void {
      addVariant.run(variantId);
    },
    /** Loads which running price promotions (but `exceptId`) apply to the variants being recomputed. */
    loadTargets(exceptId: number): void {
      loadTargets.run(exceptId);
    },
    /** A flash sale no longer prices this variant (its cap is reached). */
    exclude(promotionId: number, variantId: number): void {
      exclude.run(promotionId, variantId);
    },
    /**
     * Applies one promotion (called in stacking order) to its variants: an exclusive one only where
     * nothing applied before, alone (state 2); a stackable one where no exclusive one won, on the
     * price so far (state 1).
     */
    applyStep(promotion: { id: number; exclusive: boolean; shopWide: boolean; hasExclusions: boolean }, step: PriceStep): void {
      const price = stepSql(step, 'price');
      const params = [...price.params, promotion.id];
      let sql = `UPDATE promotion_recalc SET price = ${price.sql}, promotion_id = ?, state = ${promotion.exclusive ? 2 : 1}
        WHERE ${promotion.exclusive ? 'state = 0' : 'state < 2'}`;
      if (!promotion.shopWide) {
        sql += ' AND variant_id IN (SELECT variant_id FROM promotion_recalc_targets WHERE promotion_id = ?)';
        params.push(promotion.id);
      }
      if (promotion.hasExclusions) {
        sql += ' AND variant_id NOT IN (SELECT variant_id FROM promotion_recalc_excluded WHERE promotion_id = ?)';
        params.push(promotion.id);
      }
      prepared(sql).run(...params);
    },
    /** Writes the recomputed prices: rows without a promotion deleted, changed ones upserted. */
    commitRecalc(at: string): void {
      deleteGone.run();
      upsert.run(at);
      clearScratch.run();
      clearTargets.run();
      clearIds.run();
      clearExcluded.run();
    },
    priceRowsOf: (promotionId: number): number => countOf.get(promotionId)?.n ?? 0,
    /** Connected channels in the promotion's scope, and whether any of its variants is linked there. */
    pushChannels: (promotionId: number) => pushChannels.all(promotionId).map((c) => ({ id: c.id, name: c.name, linked: c.linked === 1 })),
  };
}

export type RunnerStore = ReturnType<typeof createRunnerStore>;

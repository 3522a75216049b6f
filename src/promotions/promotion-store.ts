// SQL for promotions' own writes and lists: the promotion row, its targets and channels, the
// lookups that check what a promotion refers to, and what the undo of a promotion change set
// reads and writes. Reading one promotion parsed: promotion-reader.ts; which variants a
// promotion covers: target-sql.ts. Column names written here come only from the whitelist below.
import type { Db } from '../db/open.js';
import { promotionColumnsSql, type PromotionSqlRow } from './promotion-reader.js';
import type { PromotionStatus, TargetKind } from './rules.js';
import { promotionVariantsCte } from './target-sql.js';

/** Columns a promotion change set may change (and its undo restore). */
export const promotionColumnNames = [
  'name', 'type', 'status', 'starts_at', 'ends_at', 'stacking', 'priority', 'scope', 'all_channels', 'rule',
  'segment_code', 'control_share_bp', 'uplift_assumption_bp', 'override_reason', 'override_by', 'override_at',
  'note', 'started_at', 'finished_at',
] as const;
export type PromotionColumn = (typeof promotionColumnNames)[number];
export type ColumnValue = string | number | null;

export type NewPromotionRow = Omit<PromotionSqlRow, 'id'>;

export interface PromotionListFilter {
  status?: readonly PromotionStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: string | undefined;
  offset: number;
  limit: number;
}

export interface CouponCodeRow {
  id: number;
  code: string;
  customerId: number | null;
  createdAt: string;
}

const targetTables: Record<TargetKind | 'channel', string> = {
  product: 'products',
  variant: 'variants',
  category: 'categories',
  tag: 'tags',
  channel: 'channels',
};

function isColumn(name: string): name is PromotionColumn {
  return (promotionColumnNames as readonly string[]).includes(name);
}

export function createPromotionStore(db: Db) {
  const insert = db.prepare<[NewPromotionRow & { id: number | null }]>(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, stacking, priority, scope, all_channels, rule,
       segment_code, control_share_bp, uplift_assumption_bp, override_reason, override_by, override_at, note,
       created_at, updated_at, started_at, finished_at)
     VALUES (@id, @name, @type, @status, @startsAt, @endsAt, @stacking, @priority, @scope, @allChannels, @rule,
       @segmentCode, @controlShareBp, @upliftAssumptionBp, @overrideReason, @overrideBy, @overrideAt, @note,
       @createdAt, @updatedAt, @startedAt, @finishedAt)`,
  );
  const rawRow = db.prepare<[number], NewPromotionRow & { id: number }>(`SELECT ${promotionColumnsSql} FROM promotions WHERE id = ?`);
  const deleteRow = db.prepare<[number]>('DELETE FROM promotions WHERE id = ?');
  const deleteTargets = db.prepare<[number]>('DELETE FROM promotion_targets WHERE promotion_id = ?');
  const insertTarget = db.prepare<[number, string, number]>('INSERT OR IGNORE INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, ?, ?)');
  const deleteChannels = db.prepare<[number]>('DELETE FROM promotion_channels WHERE promotion_id = ?');
  const insertChannel = db.prepare<[number, number]>('INSERT OR IGNORE INTO promotion_channels (promotion_id, channel_id) VALUES (?, ?)');
  const deleteAudience = db.prepare<[number]>('DELETE FROM promotion_audience WHERE promotion_id = ?');
  const codesOf = db.prepare<[number], CouponCodeRow>(
    'SELECT id, code, customer_id AS customerId, created_at AS createdAt FROM coupon_codes WHERE promotion_id = ? ORDER BY id',
  );
  const insertCode = db.prepare<[number, number, string, number | null, string]>(
    'INSERT INTO coupon_codes (id, promotion_id, code, customer_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const isBundle = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM bundle_components WHERE bundle_variant_id = ?');
  const channelsOf = db.prepare<[string], { promotionId: number; id: number; name: string }>(
    `SELECT pc.promotion_id AS promotionId, c.id, c.name FROM promotion_channels pc JOIN channels c ON c.id = pc.channel_id
     WHERE pc.promotion_id IN (SELECT value FROM json_each(?)) ORDER BY c.name, c.id`,
  );
  // Variant counts for a list page. A promotion targeting one kind only is counted by aggregate,
  // exactly (a variant has one product, a product one category; the recursive category set is
  // distinct), which is what almost every promotion is; mixed kinds and tags go through
  // target-sql.ts. Resolving each variant for a page of category promotions over 100k variants took
  // seconds; the aggregates take tens of milliseconds.
  const targetKinds = db.prepare<[string], { promotionId: number; kinds: number; kind: TargetKind }>(
    `SELECT promotion_id AS promotionId, COUNT(DISTINCT kind) AS kinds, MIN(kind) AS kind FROM promotion_targets
     WHERE promotion_id IN (SELECT value FROM json_each(?)) GROUP BY promotion_id`,
  );
  const categoryCounts = db.prepare<[string], { promotionId: number; n: number }>(
    `WITH RECURSIVE promo_ids (id) AS (SELECT value FROM json_each(?)),
     promo_categories (promotion_id, category_id) AS (
       SELECT t.promotion_id, t.target_id FROM promotion_targets t JOIN promo_ids i ON i.id = t.promotion_id WHERE t.kind = 'category'
       UNION
       SELECT pc.promotion_id, c.id FROM categories c JOIN promo_categories pc ON c.parent_id = pc.category_id
     ),
     per_category (category_id, n) AS (
       SELECT p.category_id, COUNT(*) FROM products p JOIN variants v ON v.product_id = p.id
       WHERE p.category_id IN (SELECT category_id FROM promo_categories) GROUP BY p.category_id
     )
     SELECT pc.promotion_id AS promotionId, SUM(c.n) AS n FROM promo_categories pc JOIN per_category c ON c.category_id = pc.category_id
     GROUP BY pc.promotion_id`,
  );
  const productCounts = db.prepare<[string], { promotionId: number; n: number }>(
    `SELECT t.promotion_id AS promotionId, COUNT(*) AS n FROM promotion_targets t JOIN variants v ON v.product_id = t.target_id
     WHERE t.kind = 'product' AND t.promotion_id IN (SELECT value FROM json_each(?)) GROUP BY t.promotion_id`,
  );
  const variantTargetCounts = db.prepare<[string], { promotionId: number; n: number }>(
    `SELECT t.promotion_id AS promotionId, COUNT(*) AS n FROM promotion_targets t JOIN variants v ON v.id = t.target_id
     WHERE t.kind = 'variant' AND t.promotion_id IN (SELECT value FROM json_each(?)) GROUP BY t.promotion_id`,
  );
  const resolvedCounts = db.prepare<[string], { promotionId: number; n: number }>(
    `WITH RECURSIVE promo_ids (id) AS (SELECT value FROM json_each(?)), ${promotionVariantsCte}
     SELECT promotion_id AS promotionId, COUNT(*) AS n FROM promo_variants GROUP BY promotion_id`,
  );
  const allVariants = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM variants');
  const variantsById = db.prepare<[string], { variantId: number; sku: string; title: string }>(
    `SELECT v.id AS variantId, v.sku, p.title FROM variants v JOIN products p ON p.id = v.product_id
     WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.id`,
  );
  const labels = db.prepare<[number], { kind: string; id: number; label: string | null }>(
    `SELECT t.kind, t.target_id AS id, CASE t.kind
       WHEN 'product' THEN (SELECT p.title FROM products p WHERE p.id = t.target_id)
       WHEN 'variant' THEN (SELECT v.sku || ' · ' || p.title FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = t.target_id)
       WHEN 'category' THEN (SELECT c.path FROM categories c WHERE c.id = t.target_id)
       WHEN 'tag' THEN (SELECT g.name FROM tags g WHERE g.id = t.target_id)
     END AS label
     FROM promotion_targets t WHERE t.promotion_id = ? ORDER BY t.kind, t.target_id`,
  );
  const itemsOf = db.prepare<[number, string], { entityId: number; field: string; beforeValue: string | null; afterValue: string | null }>(
    'SELECT entity_id AS entityId, field, before_value AS beforeValue, after_value AS afterValue FROM change_set_items WHERE change_set_id = ? AND entity = ? ORDER BY id',
  );

  /** `WHERE …` and its parameters for a list filter. */
  function where(filter: PromotionListFilter): { sql: string; params: (string | number)[] } {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status && filter.status.length > 0) {
      clauses.push(`p.status IN (${filter.status.map(() => '?').join(', ')})`);
      params.push(...filter.status);
    }
    // Windows are half-open [starts_at, ends_at): overlapping [from, to).
    if (filter.from !== undefined) {
      clauses.push('p.ends_at > ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      clauses.push('p.starts_at < ?');
      params.push(filter.to);
    }
    if (filter.search !== undefined && filter.search.trim() !== '') {
      clauses.push("LOWER(p.name) LIKE ? ESCAPE '\\'");
      params.push(`%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  return {
    /** Inserts a row; `id` null takes a new id (undo of a removal puts the old one back). */
    insert: (row: NewPromotionRow, id: number | null = null): number => Number(insert.run({ ...row, id }).lastInsertRowid),
    raw: (id: number): (NewPromotionRow & { id: number }) | undefined => rawRow.get(id),
    delete: (id: number): boolean => deleteRow.run(id).changes > 0,
    /** Sets whitelisted columns and stamps updated_at. */
    setColumns(id: number, values: Partial<Record<PromotionColumn, ColumnValue>>, at: string): void {
      const names = Object.keys(values).filter(isColumn);
      if (names.length === 0) return;
      const sql = `UPDATE promotions SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @updatedAt WHERE id = @id`;
      db.prepare(sql).run({ ...values, updatedAt: at, id });
    },
    replaceTargets(id: number, items: readonly { kind: TargetKind; id: number }[]): void {
      deleteTargets.run(id);
      for (const item of items) insertTarget.run(id, item.kind, item.id);
    },
    replaceChannels(id: number, channelIds: readonly number[]): void {
      deleteChannels.run(id);
      for (const channelId of channelIds) insertChannel.run(id, channelId);
    },
    clearAudience: (id: number): number => deleteAudience.run(id).changes,
    couponCodes: (id: number): CouponCodeRow[] => codesOf.all(id),
    insertCouponCodes(id: number, codes: readonly CouponCodeRow[]): void {
      for (const code of codes) insertCode.run(code.id, id, code.code, code.customerId, code.createdAt);
    },
    /** Ids of `kind` among `ids` that do not exist. */
    missing(kind: TargetKind | 'channel', ids: readonly number[]): Set<number> {
      if (ids.length === 0) return new Set();
      const found = db
        .prepare<[string], { id: number }>(`SELECT id FROM ${targetTables[kind]} WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify([...new Set(ids)]));
      const existing = new Set(found.map((r) => r.id));
      return new Set(ids.filter((id) => !existing.has(id)));
    },
    /** A catalog bundle is a variant with bundle_components. */
    isBundle: (variantId: number): boolean => (isBundle.get(variantId)?.n ?? 0) > 0,
    list(filter: PromotionListFilter): { rows: (NewPromotionRow & { id: number })[]; total: number } {
      const { sql, params } = where(filter);
      const rows = db
        .prepare<(string | number)[], NewPromotionRow & { id: number }>(
          `SELECT ${promotionColumnsSql} FROM promotions p ${sql}
           ORDER BY p.starts_at, p.id LIMIT ? OFFSET ?`,
        )
        .all(...params, filter.limit, filter.offset);
      const total = db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM promotions p ${sql}`).get(...params)?.n ?? 0;
      return { rows, total };
    },
    /** Variants each promotion applies to now; `shopWide` are the ids of scope 'shop'. */
    variantCounts(ids: readonly number[], shopWide: readonly number[]): Map<number, number> {
      const counts = new Map<number, number>();
      const wide = new Set(shopWide);
      const byKind = new Map<string, number[]>();
      for (const row of targetKinds.all(JSON.stringify(ids.filter((id) => !wide.has(id))))) {
        const group = row.kinds === 1 && row.kind !== 'tag' ? row.kind : 'resolved';
        byKind.set(group, [...(byKind.get(group) ?? []), row.promotionId]);
      }
      const statements = { category: categoryCounts, product: productCounts, variant: variantTargetCounts, resolved: resolvedCounts };
      for (const [group, statement] of Object.entries(statements)) {
        const groupIds = byKind.get(group);
        if (groupIds) for (const r of statement.all(JSON.stringify(groupIds))) counts.set(r.promotionId, r.n);
      }
      if (wide.size > 0) {
        const n = allVariants.get()?.n ?? 0;
        for (const id of wide) counts.set(id, n);
      }
      return counts;
    },
    channelNames(ids: readonly number[]): Map<number, { id: number; name: string }[]> {
      const byPromotion = new Map<number, { id: number; name: string }[]>();
      if (ids.length === 0) return byPromotion;
      for (const row of channelsOf.all(JSON.stringify(ids))) {
        const list = byPromotion.get(row.promotionId) ?? [];
        list.push({ id: row.id, name: row.name });
        byPromotion.set(row.promotionId, list);
      }
      return byPromotion;
    },
    targetLabels: (id: number) => labels.all(id),
    /** SKU and product title of the given variants (those that still exist). */
    variantLabels: (ids: readonly number[]) => (ids.length === 0 ? [] : variantsById.all(JSON.stringify(ids))),
    /** A change set's items of one entity, for the promotions' undo hook. */
    changeSetItems: (changeSetId: number, entity: string) => itemsOf.all(changeSetId, entity),
  };
}
export type PromotionStore = ReturnType<typeof createPromotionStore>;

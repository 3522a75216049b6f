// SQL of the pre-launch simulation and its draft POs. Per-SKU reads are set-based over the
// variant set baseline-store.ts loads (temp.promotion_variant_set): one statement gives every
// variant's prices and stock position, whatever the number of SKUs.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { variantTitleSql } from '../catalog/store.js';
import { baselineStoreOf } from './baseline-store.js';
import { promotionRuleSchema, type PromotionRule, type PromotionType } from './rules.js';

export interface VariantFacts {
  variantId: number;
  sku: string;
  title: string;
  price: number;
  cost: number | null;
  /** Σ (on hand − committed) over all locations. */
  available: number;
  /** Σ stock_levels.incoming: what sent purchase orders still bring (0004_purchasing.sql). */
  incoming: number;
}

export interface PastPromotion {
  id: number;
  name: string;
  rule: PromotionRule;
}

export interface SupplierChoice {
  variantId: number;
  sku: string;
  supplierId: number;
  supplierName: string;
  supplierSku: string | null;
  unitCost: number;
  packSize: number;
  moq: number;
}

function build(db: Db) {
  baselineStoreOf(db); // creates the temp set table the statements below read
  // CROSS JOIN keeps the set as the outer loop (SQLite's planner knows nothing of the temp table);
  // each variant's stock is one range on the stock_levels key (variant_id, location_id), summed
  // while the set is walked in id order, so the grouping needs no sort.
  const facts = db.prepare<[], VariantFacts>(
    `SELECT v.id AS variantId, v.sku,
       p.title || CASE WHEN ${variantTitleSql} <> '' THEN ' — ' || ${variantTitleSql} ELSE '' END AS title, v.price, v.cost,
       COALESCE(SUM(sl.on_hand - sl.committed), 0) AS available, COALESCE(SUM(sl.incoming), 0) AS incoming
     FROM temp.promotion_variant_set s CROSS JOIN variants v CROSS JOIN products p LEFT JOIN stock_levels sl ON sl.variant_id = v.id
     WHERE v.id = s.variant_id AND p.id = v.product_id
     GROUP BY s.variant_id`,
  );
  const past = db.prepare<[string, number, string], { id: number; name: string; rule: string }>(
    `SELECT id, name, rule FROM promotions WHERE type = ? AND status = 'ended' AND id <> ? AND ends_at <= ? ORDER BY starts_at, id`,
  );
  const variantCost = db.prepare<[number], { cost: number | null }>('SELECT cost FROM variants WHERE id = ?');
  const variantPrice = db.prepare<[number], { price: number }>('SELECT price FROM variants WHERE id = ?');
  const bundleRegularSum = db.prepare<[number], { total: number | null }>(
    `SELECT SUM(v.price * bc.quantity) AS total FROM bundle_components bc JOIN variants v ON v.id = bc.component_variant_id
     WHERE bc.bundle_variant_id = ?`,
  );
  // The supplier item reorder suggestions use (reorder-candidates.ts): preferred, else cheapest, else the oldest.
  const supplier = db.prepare<[number], SupplierChoice>(
    `SELECT v.id AS variantId, v.sku, s.id AS supplierId, s.name AS supplierName, si.supplier_sku AS supplierSku,
       si.cost AS unitCost, si.pack_size AS packSize, si.moq
     FROM variants v JOIN supplier_items si ON si.id = (
       SELECT x.id FROM supplier_items x WHERE x.variant_id = v.id ORDER BY x.is_preferred DESC, x.cost, x.id LIMIT 1)
     JOIN suppliers s ON s.id = si.supplier_id
     WHERE v.id = ?`,
  );
  // The location reorder suggestions default to: the first active warehouse, else store.
  const defaultLocation = db.prepare<[], { id: number }>(
    "SELECT id FROM locations WHERE active = 1 AND kind <> 'transit' ORDER BY kind <> 'warehouse', id LIMIT 1",
  );
  const poNumber = db.prepare<[number], { number: string }>('SELECT number FROM purchase_orders WHERE id = ?');
  const locale = db.prepare<[], { locale: string }>('SELECT locale FROM shop_settings WHERE id = 1');

  return {
    /** Prices, cost and stock position of every variant in the loaded set. */
    variantFacts: (): VariantFacts[] => facts.all(),
    /** Ended (not cancelled) promotions of a type, other than `exceptId`, that ended by `now`. */
    pastPromotions(type: PromotionType, exceptId: number, now: string): PastPromotion[] {
      return past.all(type, exceptId, now).map((row) => ({ id: row.id, name: row.name, rule: promotionRuleSchema.parse(JSON.parse(row.rule)) }));
    },
    variantCost: (id: number): number | null => variantCost.get(id)?.cost ?? null,
    /** Σ regular price × quantity of a catalog bundle's components, or of listed components (null: unknown). */
    bundleRegularSum(bundleVariantId: number | null, components: readonly { variantId: number; quantity: number }[]): number | null {
      if (bundleVariantId !== null) return bundleRegularSum.get(bundleVariantId)?.total ?? null;
      let total = 0;
      for (const c of components) {
        const found = variantPrice.get(c.variantId);
        if (!found) return null;
        total += found.price * c.quantity;
      }
      return components.length > 0 ? total : null;
    },
    supplierOf: (variantId: number): SupplierChoice | undefined => supplier.get(variantId),
    defaultLocationId: (): number | null => defaultLocation.get()?.id ?? null,
    poNumber: (id: number): string => poNumber.get(id)?.number ?? '',
    locale: (): 'en' | 'zh-CN' => z.enum(['en', 'zh-CN']).catch('en').parse(locale.get()?.locale),
  };
}

export const simulationStoreOf = perDatabase(build);
export type SimulationStore = ReturnType<typeof build>;

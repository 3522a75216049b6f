// What a channel may sell of a linked variant, read from the local ledger's levels: on hand −
// committed over the local locations that feed the remote location (channel_location_map; a NULL
// local location, or no mapping at all, means all local stock), then the channel's buffer / share
// / cap with the link's per-product overrides (available-to-sell.ts). A bundle holds no stock of
// its own: it is min over components of floor(component available ÷ quantity), like the catalogue's
// bundles.availability, over the same locations. A running gift-with-purchase promotion holds its
// gift's reserve back (what is left of it: the reserve minus the gifts given since the start, i.e.
// fully discounted lines of that SKU), so the channels cannot sell the units set aside as gifts.
import type { Db } from '../db/open.js';
import { availableToSell, type ChannelStockRule, type ProductOverride } from './available-to-sell.js';

/** Local locations feeding one remote location; null: every local location. */
export type LocalScope = readonly number[] | null;

export interface RemoteLocationFeed {
  remoteLocationId: string;
  scope: LocalScope;
}

interface MapRow {
  remoteLocationId: string;
  locationId: number | null;
}

export function createStockSource(db: Db) {
  const mapRows = db.prepare<[number], MapRow>(
    'SELECT remote_location_id AS remoteLocationId, location_id AS locationId FROM channel_location_map WHERE channel_id = ? ORDER BY remote_location_id',
  );
  const allLevels = db.prepare<[number], { available: number }>(
    'SELECT COALESCE(SUM(on_hand - committed), 0) AS available FROM stock_levels WHERE variant_id = ?',
  );
  const levelsAt = db.prepare<[number, string], { available: number }>(
    'SELECT COALESCE(SUM(on_hand - committed), 0) AS available FROM stock_levels WHERE variant_id = ? AND location_id IN (SELECT value FROM json_each(?))',
  );
  const giftReserve = db.prepare<[number, number], { reserved: number }>(
    `SELECT COALESCE(SUM(CASE WHEN r.reserve > r.given THEN r.reserve - r.given ELSE 0 END), 0) AS reserved FROM (
       SELECT json_extract(p.rule, '$.reserveQuantity') AS reserve,
              (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
               WHERE l.variant_id = ? AND o.placed_at >= p.starts_at AND o.status <> 'cancelled'
                 AND l.discount >= l.quantity * l.unit_price) AS given
       FROM promotions p
       WHERE p.type = 'gift_with_purchase' AND p.status = 'running' AND json_extract(p.rule, '$.giftVariantId') = ?) r`,
  );
  const components = db.prepare<[number], { variantId: number; quantity: number }>(
    'SELECT component_variant_id AS variantId, quantity FROM bundle_components WHERE bundle_variant_id = ? ORDER BY component_variant_id',
  );

  function plainAvailable(variantId: number, scope: LocalScope): number {
    const row = scope === null ? allLevels.get(variantId) : levelsAt.get(variantId, JSON.stringify(scope));
    return (row?.available ?? 0) - (giftReserve.get(variantId, variantId)?.reserved ?? 0);
  }

  return {
    /** The channel's remote locations and what feeds each; empty when nothing is mapped. */
    feeds(channelId: number): RemoteLocationFeed[] {
      return mapRows.all(channelId).map((row) => ({ remoteLocationId: row.remoteLocationId, scope: row.locationId === null ? null : [row.locationId] }));
    },
    /** One figure for the whole channel (platforms with stock per variant): the union of all mapped local stock. */
    channelScope(channelId: number): LocalScope {
      const rows = mapRows.all(channelId);
      if (rows.length === 0 || rows.some((row) => row.locationId === null)) return null;
      return [...new Set(rows.map((row) => row.locationId ?? 0))];
    },
    /** On hand − committed over the scope (may be negative when oversold); bundles computed from components. */
    localAvailable(variantId: number, scope: LocalScope): number {
      const parts = components.all(variantId);
      if (parts.length === 0) return plainAvailable(variantId, scope);
      // Negative component availability builds no bundles rather than "minus" bundles.
      return Math.min(...parts.map((part) => Math.max(0, Math.floor(plainAvailable(part.variantId, scope) / part.quantity))));
    },
    /** Units to publish for the variant on one remote location (or the whole channel). */
    toPublish(variantId: number, scope: LocalScope, rule: ChannelStockRule, override: ProductOverride): number {
      return availableToSell(this.localAvailable(variantId, scope), rule, override);
    },
  };
}

export type StockSource = ReturnType<typeof createStockSource>;

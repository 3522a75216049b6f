// Vendure variants: the Admin API fields the connector reads, and their mapping to RemoteVariant.
// Also the list helpers shared with the order pull (skip cursors, the strict `after` filter).
import { z } from 'zod';
import { ConnectorError, type RemoteVariant } from '../../connector.js';
import { vendureId, vendureTimestamp } from './orders.js';
import { vendureReasons as R } from './reasons.js';
const id = vendureId;
export const list = <T extends z.ZodType>(item: T) => z.object({ totalItems: z.number().int().nonnegative(), items: z.array(item) });

export const variantSchema = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  price: z.number().int(),
  priceWithTax: z.number().int(),
  stockOnHand: z.number().int(),
  stockAllocated: z.number().int(),
  trackInventory: z.string(),
  updatedAt: vendureTimestamp,
  product: z.object({ id, name: z.string() }),
});
export type VendureVariant = z.infer<typeof variantSchema>;
export const variantFields = 'id sku name price priceWithTax stockOnHand stockAllocated trackInventory updatedAt product { id name }';

/** A variant's stock as a shop can sell it, the figure Shopdesk pushes and compares. */
export const saleable = (variant: Pick<VendureVariant, 'stockOnHand' | 'stockAllocated'>): number => variant.stockOnHand - variant.stockAllocated;

/** Vendure's `after` is strict; one second earlier keeps "at or after" with whole-second stamps. */
export function afterFilter(since: string, overlapSeconds: number): string {
  return new Date(Date.parse(since) - Math.max(1, overlapSeconds) * 1000).toISOString();
}

export function offset(cursor: string | null): number {
  const skip = cursor === null ? 0 : Number(cursor);
  if (!Number.isInteger(skip) || skip < 0) throw new ConnectorError('invalid_answer', { key: R.badCursor, params: { cursor: String(cursor) } });
  return skip;
}

/**
 * The price as the merchant enters it: a channel with pricesIncludeTax takes and shows gross
 * prices (`price` is then the net Vendure derives), so that is what Shopdesk compares and pushes.
 */
export const merchantPrice = (variant: VendureVariant, pricesIncludeTax: boolean): number => (pricesIncludeTax ? variant.priceWithTax : variant.price);

export function toRemoteVariant(variant: VendureVariant, pricesIncludeTax: boolean): RemoteVariant {
  return {
    remoteVariantId: variant.id,
    remoteProductId: variant.product.id,
    remoteInventoryItemId: null,
    productTitle: variant.product.name,
    variantTitle: variant.name,
    sku: variant.sku || null,
    // Vendure has no barcode field without a custom field.
    barcode: null,
    price: merchantPrice(variant, pricesIncludeTax),
    compareAtPrice: null,
    quantity: variant.trackInventory === 'FALSE' ? null : saleable(variant),
    updatedAt: new Date(variant.updatedAt).toISOString(),
  };
}

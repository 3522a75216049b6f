// How WooCommerce records map onto the connector's ids. A simple product carries its own stock
// and price, so it is its own variant: remoteVariantId "123". A variation is written through its
// parent (products/{parent}/variations/batch), so its id carries the parent: "123/456".
export type WooTarget = { kind: 'product'; productId: number } | { kind: 'variation'; productId: number; variationId: number };

export function variantIdOf(productId: number, variationId: number): string {
  return variationId > 0 ? `${productId}/${variationId}` : String(productId);
}

/** Null when the id is not one this connector issued. */
export function parseVariantId(id: string): WooTarget | null {
  const match = /^(\d+)(?:\/(\d+))?$/.exec(id);
  if (!match) return null;
  const productId = Number(match[1]);
  if (match[2] === undefined) return { kind: 'product', productId };
  return { kind: 'variation', productId, variationId: Number(match[2]) };
}

/** The single synthetic location: WooCommerce keeps one stock figure per product/variation. */
export const wooLocationId = 'default';

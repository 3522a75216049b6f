// Reads: testConnection, locations, variants (cursor pages, updated-since via search).
import type { ConnectionReport, Page, PageRequest, RemoteLocation, RemoteVariant } from '../../connector.js';
import type { ShopifyClient } from './client.js';
import { decimalToMinor } from '../../money.js';
import {
  locationsCost, locationsQuery, shopCost, shopQuery, variantProductsCost, variantProductsQuery, variantsCost, variantsQuery,
} from './queries.js';
import {
  type LocationsData, locationsDataSchema, type ShopData, shopDataSchema, variantNodeSchema, type VariantProductsData, variantProductsDataSchema,
  variantsDataSchema,
} from './schemas.js';

const pageMax = 250;
/** testConnection counts products by paging variants (no count query); beyond this it says "at least". */
const countPagesMax = 20;

export function clampFirst(limit: number, max = pageMax): number {
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** Shopify compares search bounds to the second; a whole-second bound says what is meant. */
export function searchTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export async function testConnection(client: ShopifyClient, apiVersion: string): Promise<ConnectionReport> {
  let after: string | null = null;
  let locations = 0;
  let shop: ShopData['shop'] | undefined;
  do {
    const { data }: { data: ShopData } = await client.request({ query: shopQuery, variables: { first: pageMax, after }, estimatedCost: shopCost(pageMax), data: shopDataSchema });
    shop = data.shop;
    locations += data.locations.nodes.length;
    after = data.locations.pageInfo.hasNextPage ? data.locations.pageInfo.endCursor : null;
  } while (after !== null);

  const products = new Set<string>();
  let pages = 0;
  let complete = true;
  do {
    const { data }: { data: VariantProductsData } = await client.request({
      query: variantProductsQuery, variables: { first: pageMax, after }, estimatedCost: variantProductsCost(pageMax), data: variantProductsDataSchema,
    });
    for (const node of data.productVariants.nodes) products.add(node.product.id);
    pages += 1;
    after = data.productVariants.pageInfo.hasNextPage ? data.productVariants.pageInfo.endCursor : null;
    if (after !== null && pages >= countPagesMax) {
      complete = false;
      after = null;
    }
  } while (after !== null);
  return {
    shopName: shop?.name ?? '',
    locations,
    products: products.size,
    details: { apiVersion, currency: shop?.currencyCode ?? '', productCount: complete ? 'exact' : 'at least' },
  };
}

export async function listLocations(client: ShopifyClient): Promise<RemoteLocation[]> {
  const out: RemoteLocation[] = [];
  let after: string | null = null;
  do {
    const { data }: { data: LocationsData } = await client.request({ query: locationsQuery, variables: { first: pageMax, after }, estimatedCost: locationsCost(pageMax), data: locationsDataSchema });
    for (const node of data.locations.nodes) out.push({ remoteLocationId: node.id, name: node.name, active: node.isActive });
    after = data.locations.pageInfo.hasNextPage ? data.locations.pageInfo.endCursor : null;
  } while (after !== null);
  return out;
}

/**
 * One page of variants sorted by UPDATED_AT. A node that does not match the expected shape is
 * skipped (the linker sees fewer candidates, never a crash); the whole page fails only when the
 * page itself is malformed.
 */
export async function listVariants(client: ShopifyClient, page: PageRequest, currencyDigits: number): Promise<Page<RemoteVariant> & { skipped: number }> {
  const first = clampFirst(page.limit);
  const q = page.updatedSince === null ? null : `updated_at:>='${searchTime(Date.parse(page.updatedSince))}'`;
  const { data } = await client.request({
    query: variantsQuery, variables: { first, after: page.cursor, q }, estimatedCost: variantsCost(first), data: variantsDataSchema,
  });
  const items: RemoteVariant[] = [];
  let skipped = 0;
  for (const raw of data.productVariants.nodes) {
    const parsed = variantNodeSchema.safeParse(raw);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    const node = parsed.data;
    items.push({
      remoteVariantId: node.id,
      remoteProductId: node.product.id,
      remoteInventoryItemId: node.inventoryItem.id,
      productTitle: node.product.title,
      variantTitle: node.title,
      sku: node.sku === '' ? null : node.sku,
      barcode: node.barcode === '' ? null : node.barcode,
      price: decimalToMinor(node.price, currencyDigits),
      compareAtPrice: node.compareAtPrice === null ? null : decimalToMinor(node.compareAtPrice, currencyDigits),
      quantity: node.inventoryItem.tracked ? node.inventoryQuantity : null,
      updatedAt: node.updatedAt,
    });
  }
  const next = data.productVariants.pageInfo;
  return { items, nextCursor: next.hasNextPage ? next.endCursor : null, total: null, skipped };
}

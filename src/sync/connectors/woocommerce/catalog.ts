// listVariants / listLocations: simple products are variants of their own; a variable product
// contributes its variations (listed per parent, 100 a page). Products page by id ascending, so a
// product edited while we page does not move between pages.
import { z } from 'zod';
import type { Page, PageRequest, RemoteLocation, RemoteVariant } from '../../connector.js';
import { clampPerPage, hasNextPage, pageFromCursor, parseAnswer, totalOf } from './answers.js';
import { type WooHttp } from './http.js';
import { variantIdOf, wooLocationId } from './ids.js';
import { minorFromDecimal } from './money.js';
import { productSchema, variationSchema, type WooProductAnswer, type WooVariationAnswer } from './schemas.js';
import { toGmtQuery, fromWooGmt } from './time.js';

export function listLocations(): RemoteLocation[] {
  return [{ remoteLocationId: wooLocationId, name: 'WooCommerce stock', active: true }];
}

export async function listVariants(http: WooHttp, request: PageRequest, currencyDigits: number): Promise<Page<RemoteVariant>> {
  const page = pageFromCursor(request.cursor);
  const perPage = clampPerPage(request.limit);
  const query: Record<string, string | number> = { page, per_page: perPage, orderby: 'id', order: 'asc' };
  if (request.updatedSince !== null) {
    query.modified_after = toGmtQuery(request.updatedSince);
    query.dates_are_gmt = 'true';
  }
  const answer = await http.get('products', query);
  const products = parseAnswer(z.array(productSchema), answer, 'products');
  const items: RemoteVariant[] = [];
  for (const product of products) {
    if (product.type === 'variable') {
      for (const variation of await allVariations(http, product.id)) items.push(fromVariation(product, variation, currencyDigits));
    } else {
      items.push(fromRecord(product, product, null, currencyDigits));
    }
  }
  return {
    items,
    nextCursor: hasNextPage(answer, page, perPage, products.length) ? String(page + 1) : null,
    // X-WP-Total counts products; variations make the variant total unknown up front.
    total: products.some((p) => p.type === 'variable') ? null : totalOf(answer),
  };
}

async function allVariations(http: WooHttp, productId: number): Promise<WooVariationAnswer[]> {
  const out: WooVariationAnswer[] = [];
  for (let page = 1; ; page++) {
    const answer = await http.get(`products/${productId}/variations`, { page, per_page: 100, orderby: 'id', order: 'asc' });
    const batch = parseAnswer(z.array(variationSchema), answer, 'variations');
    out.push(...batch);
    if (!hasNextPage(answer, page, 100, batch.length)) return out;
  }
}

function fromVariation(product: WooProductAnswer, variation: WooVariationAnswer, digits: number): RemoteVariant {
  const title = variation.attributes.map((a) => a.option).join(', ');
  return fromRecord(product, variation, title || `#${variation.id}`, digits);
}

function fromRecord(
  product: WooProductAnswer,
  record: WooProductAnswer | WooVariationAnswer,
  variantTitle: string | null,
  digits: number,
): RemoteVariant {
  const isVariation = record !== product;
  const regular = minorFromDecimal(record.regular_price, digits);
  const current = minorFromDecimal(record.price, digits) ?? regular;
  const onSale = record.sale_price !== '' && regular !== null && current !== null && current < regular;
  return {
    remoteVariantId: variantIdOf(product.id, isVariation ? record.id : 0),
    remoteProductId: String(product.id),
    remoteInventoryItemId: null,
    productTitle: product.name,
    variantTitle: variantTitle ?? '',
    sku: record.sku === '' ? null : record.sku,
    barcode: null,
    price: current,
    // compare-at is the regular price while a sale price is in force (see push-prices.ts).
    compareAtPrice: onSale ? regular : null,
    // Only manage_stock === true keeps a figure here; 'parent' means the parent's figure applies.
    quantity: record.manage_stock === true ? record.stock_quantity : null,
    updatedAt: fromWooGmt(record.date_modified_gmt),
  };
}

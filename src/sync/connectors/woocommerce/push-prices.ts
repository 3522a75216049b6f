// pushPrices. Mapping (Shopdesk price + compare-at → WooCommerce decimal strings):
// - compare-at above the price: on sale → regular_price = compare-at, sale_price = price;
// - otherwise (none, or not above): regular_price = price, sale_price = "" (clears a sale).
// Reading maps back the same way (catalog.ts): a sale price in force gives compare-at = regular.
import type { ItemResult, PricePushItem } from '../../connector.js';
import { type WooHttp } from './http.js';
import { minorToDecimal } from '../../money.js';
import { minorFromDecimal } from './money.js';
import { pushBatches, type PushItem } from './push.js';

export function wooPriceFields(price: number, compareAtPrice: number | null, digits: number): { regular_price: string; sale_price: string } {
  if (compareAtPrice !== null && compareAtPrice > price) {
    return { regular_price: minorToDecimal(compareAtPrice, digits), sale_price: minorToDecimal(price, digits) };
  }
  return { regular_price: minorToDecimal(price, digits), sale_price: '' };
}

export async function pushPrices(http: WooHttp, items: readonly PricePushItem[], digits: number): Promise<ItemResult[]> {
  const pushItems: PushItem[] = items.map((item) => {
    const fields = wooPriceFields(item.price, item.compareAtPrice, digits);
    const regular = minorFromDecimal(fields.regular_price, digits);
    const sale = minorFromDecimal(fields.sale_price, digits);
    return {
      ref: item.ref,
      remoteVariantId: item.remoteVariantId,
      fields,
      // Compared in minor units: WooCommerce may store "8" for "8.00".
      matches: (record) => minorFromDecimal(record.regular_price, digits) === regular && minorFromDecimal(record.sale_price, digits) === sale,
    };
  });
  const { written, failed } = await pushBatches(http, pushItems);
  return [...failed, ...written.map(({ item }): ItemResult => ({ ref: item.ref, outcome: 'applied', remoteQuantity: null }))];
}

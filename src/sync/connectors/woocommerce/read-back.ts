// Reading pushed records back: after a write to detect races (absolute set, no compare-and-set),
// and after a lost answer to learn whether the write was applied before pushing it again.
import { z } from 'zod';
import { ConnectorError } from '../../connector.js';
import { hasNextPage, parseAnswer } from './answers.js';
import { isStatus, type WooHttp } from './http.js';
import { type WooTarget } from './ids.js';
import { productSchema, variationSchema } from './schemas.js';

/** The fields a push compares; products and variations share them. */
export interface StockPriceRecord {
  id: number;
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  regular_price: string;
  sale_price: string;
}

/** Record by WooCommerce id; 'gone' when it no longer exists. */
export type ReadBack = Map<number, StockPriceRecord | 'gone'>;

export const recordIdOf = (target: WooTarget): number => (target.kind === 'product' ? target.productId : target.variationId);

export async function readBack(http: WooHttp, targets: readonly WooTarget[]): Promise<ReadBack> {
  const out: ReadBack = new Map();
  const variationsByParent = new Map<number, number[]>();
  for (const target of targets) {
    if (target.kind === 'product') {
      out.set(target.productId, await readProduct(http, target.productId));
    } else {
      variationsByParent.set(target.productId, [...(variationsByParent.get(target.productId) ?? []), target.variationId]);
    }
  }
  // Variations: one list per parent (100 a page) instead of one GET per variation.
  for (const [parent, ids] of variationsByParent) {
    const found = await readVariations(http, parent);
    for (const id of ids) out.set(id, found?.get(id) ?? 'gone');
  }
  return out;
}

async function readProduct(http: WooHttp, id: number): Promise<StockPriceRecord | 'gone'> {
  try {
    return parseAnswer(productSchema, await http.get(`products/${id}`), 'product');
  } catch (error) {
    if (error instanceof ConnectorError && isStatus(error, 404) && error.kind !== 'not_found') return 'gone';
    throw error;
  }
}

async function readVariations(http: WooHttp, parent: number): Promise<Map<number, StockPriceRecord> | null> {
  const out = new Map<number, StockPriceRecord>();
  try {
    for (let page = 1; ; page++) {
      const answer = await http.get(`products/${parent}/variations`, { page, per_page: 100, orderby: 'id', order: 'asc' });
      const batch = parseAnswer(z.array(variationSchema), answer, 'variations');
      for (const variation of batch) out.set(variation.id, variation);
      if (!hasNextPage(answer, page, 100, batch.length)) return out;
    }
  } catch (error) {
    if (error instanceof ConnectorError && isStatus(error, 404) && error.kind !== 'not_found') return null;
    throw error;
  }
}

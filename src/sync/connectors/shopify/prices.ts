// Prices out: productVariantsBulkUpdate, one request per product (Shopify groups variant
// updates by product; one mutation per request). Atomic per request like stock: variants with
// user errors are taken out and the rest re-sent.
import { ConnectorError, type ItemResult, type PricePushItem } from '../../connector.js';
import type { ShopifyClient } from './client.js';
import { indexFromField, requestKey } from './keys.js';
import { minorToDecimal } from '../../money.js';
import { bulkUpdateMutation, mutationCost } from './queries.js';
import { reason, shopifyReasons } from './reasons.js';
import { bulkUpdateDataSchema } from './schemas.js';

function failed(ref: string, retryable: boolean, why: ReturnType<typeof reason>, excerpt: string | null): ItemResult {
  return { ref, outcome: 'failed', retryable, reason: why, answerExcerpt: excerpt };
}

async function pushProduct(client: ShopifyClient, productId: string, items: readonly PricePushItem[], digits: number, results: ItemResult[]): Promise<void> {
  let pending = [...items];
  for (let round = 0; pending.length > 0; round += 1) {
    const variants = pending.map((item) => ({
      id: item.remoteVariantId,
      price: minorToDecimal(item.price, digits),
      compareAtPrice: item.compareAtPrice === null ? null : minorToDecimal(item.compareAtPrice, digits),
    }));
    let answer;
    try {
      answer = await client.request({
        query: bulkUpdateMutation,
        variables: { productId, variants, key: requestKey(pending.map((item) => item.idempotencyKey)) },
        estimatedCost: mutationCost,
        data: bulkUpdateDataSchema,
      });
    } catch (error) {
      // Whole-call failures (auth, not_found, tls) stop the batch; others fail this product only.
      if (!(error instanceof ConnectorError) || ['auth', 'permission', 'not_found', 'tls'].includes(error.kind)) throw error;
      for (const item of pending) results.push(failed(item.ref, error.retryable, error.reason, error.answerExcerpt));
      return;
    }
    const { userErrors } = answer.data.productVariantsBulkUpdate;
    if (userErrors.length === 0) {
      for (const item of pending) results.push({ ref: item.ref, outcome: 'applied', remoteQuantity: null });
      return;
    }
    const out = new Set<number>();
    for (const userError of userErrors) {
      const index = indexFromField(userError.field, 'variants');
      const targets = index === null || index >= pending.length ? pending.map((_, i) => i) : [index];
      for (const i of targets) {
        const item = pending[i];
        if (item === undefined || out.has(i)) continue;
        out.add(i);
        results.push(failed(item.ref, false, reason(shopifyReasons.userError, { code: userError.code ?? '', message: userError.message }), answer.excerpt));
      }
    }
    pending = pending.filter((_, i) => !out.has(i));
  }
}

export async function pushPrices(client: ShopifyClient, items: readonly PricePushItem[], digits: number): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  const byProduct = new Map<string, PricePushItem[]>();
  for (const item of items) {
    if (item.remoteProductId === null) {
      results.push(failed(item.ref, false, reason(shopifyReasons.missingIds), null));
      continue;
    }
    const group = byProduct.get(item.remoteProductId) ?? [];
    group.push(item);
    byProduct.set(item.remoteProductId, group);
  }
  for (const [productId, group] of byProduct) await pushProduct(client, productId, group, digits, results);
  return results;
}

// Stock out: inventorySetQuantities with changeFromQuantity (compare-and-set) under an
// @idempotent key. The mutation is atomic (one user error and nothing applies), so items with
// errors are taken out and the rest re-sent, each round with the key of its own item set.
import { ConnectorError, type ItemResult, type StockPushItem } from '../../connector.js';
import type { ShopifyClient } from './client.js';
import { indexFromField, requestKey } from './keys.js';
import { inventorySetMutation, levelsCost, levelsQuery, mutationCost } from './queries.js';
import { reason, shopifyReasons } from './reasons.js';
import { inventorySetDataSchema, levelReadSchema } from './schemas.js';
import { z } from 'zod';

interface Ready extends StockPushItem {
  remoteInventoryItemId: string;
  remoteLocationId: string;
}

const levelReadBatch = 50;

function failed(ref: string, retryable: boolean, why: ReturnType<typeof reason>, excerpt: string | null): ItemResult {
  return { ref, outcome: 'failed', retryable, reason: why, answerExcerpt: excerpt };
}

/** Current 'available' of each (item, location); null where it could not be read. */
async function readAvailable(client: ShopifyClient, items: readonly Ready[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (let start = 0; start < items.length; start += levelReadBatch) {
    const chunk = items.slice(start, start + levelReadBatch);
    const variables: Record<string, string> = {};
    chunk.forEach((item, i) => {
      variables[`i${i}`] = item.remoteInventoryItemId;
      variables[`l${i}`] = item.remoteLocationId;
    });
    try {
      const { data } = await client.request({
        query: levelsQuery(chunk.length), variables, estimatedCost: levelsCost(chunk.length), data: z.record(z.string(), z.unknown()),
      });
      chunk.forEach((item, i) => {
        const parsed = levelReadSchema.safeParse(data[`r${i}`]);
        const available = parsed.success ? parsed.data?.inventoryLevel?.quantities.find((q) => q.name === 'available') : undefined;
        out.set(item.ref, available?.quantity ?? null);
      });
    } catch (error) {
      // The stale verdict stands without the figure; the engine re-reads before retrying.
      if (!(error instanceof ConnectorError)) throw error;
      for (const item of chunk) out.set(item.ref, null);
    }
  }
  return out;
}

/** Shopify takes 1–250 quantities per inventorySetQuantities. */
export const stockBatchMax = 250;

export async function pushStock(client: ShopifyClient, items: readonly StockPushItem[]): Promise<ItemResult[]> {
  // The engine respects capabilities.stockBatchSize; a longer list is split rather than refused.
  if (items.length > stockBatchMax) {
    const results: ItemResult[] = [];
    for (let start = 0; start < items.length; start += stockBatchMax) results.push(...(await pushStock(client, items.slice(start, start + stockBatchMax))));
    return results;
  }
  const results: ItemResult[] = [];
  let pending: Ready[] = [];
  for (const item of items) {
    if (item.remoteInventoryItemId === null || item.remoteLocationId === null) {
      results.push(failed(item.ref, false, reason(shopifyReasons.missingIds), null));
    } else {
      pending.push({ ...item, remoteInventoryItemId: item.remoteInventoryItemId, remoteLocationId: item.remoteLocationId });
    }
  }
  const stale: Ready[] = [];
  // Each round removes at least one item or ends, so this is bounded by the batch size.
  for (let round = 0; pending.length > 0; round += 1) {
    const input = {
      name: 'available',
      reason: 'correction',
      referenceDocumentUri: 'shopdesk://sync/stock',
      quantities: pending.map((item) => ({
        inventoryItemId: item.remoteInventoryItemId,
        locationId: item.remoteLocationId,
        quantity: item.quantity,
        changeFromQuantity: item.expectedQuantity,
      })),
    };
    let answer;
    try {
      answer = await client.request({
        query: inventorySetMutation,
        variables: { input, key: requestKey(pending.map((item) => item.idempotencyKey)) },
        estimatedCost: mutationCost,
        data: inventorySetDataSchema,
      });
    } catch (error) {
      // The first round's failure is the whole call's; later, earlier verdicts must not be lost.
      if (round === 0 || !(error instanceof ConnectorError)) throw error;
      for (const item of pending) results.push(failed(item.ref, error.retryable, error.reason, error.answerExcerpt));
      break;
    }
    const { inventoryAdjustmentGroup: group, userErrors } = answer.data.inventorySetQuantities;
    if (userErrors.length === 0) {
      if (group === null) {
        for (const item of pending) results.push(failed(item.ref, true, reason(shopifyReasons.notConfirmed), answer.excerpt));
        break;
      }
      for (const item of pending) {
        const change = group.changes.find(
          (c) => c.name === 'available' && c.item.id === item.remoteInventoryItemId && c.location.id === item.remoteLocationId,
        );
        // No change row: the quantity already was the target, so it is what Shopify holds.
        results.push({ ref: item.ref, outcome: 'applied', remoteQuantity: change?.quantityAfterChange ?? item.quantity });
      }
      break;
    }
    const out = new Set<number>();
    for (const userError of userErrors) {
      const index = indexFromField(userError.field, 'quantities');
      const targets = index === null || index >= pending.length ? pending.map((_, i) => i) : [index];
      for (const i of targets) {
        const item = pending[i];
        if (item === undefined || out.has(i)) continue;
        out.add(i);
        if (userError.code === 'CHANGE_FROM_QUANTITY_STALE') stale.push(item);
        else results.push(failed(item.ref, false, reason(shopifyReasons.userError, { code: userError.code ?? '', message: userError.message }), answer.excerpt));
      }
    }
    pending = pending.filter((_, i) => !out.has(i));
  }
  if (stale.length > 0) {
    const current = await readAvailable(client, stale);
    for (const item of stale) results.push({ ref: item.ref, outcome: 'stale', remoteQuantity: current.get(item.ref) ?? null });
  }
  return results;
}

// A bulk action's preview: the same target and the same price maths as the
// action itself (bulk-service.ts), read without writing, so the dialog can show
// the count, a few before → after prices and the large changes before applying.
import type { Db } from '../db/open.js';
import { limits } from '../shared/bounds.js';
import { isLargePriceChange } from '../shared/price-change.js';
import { createSettingsStore } from '../settings/store.js';
import type { BulkPreview, BulkPriceRow } from './bulk-contract.js';
import type { BulkStore } from './bulk-store.js';
import type { BulkAction, BulkTarget } from './edit-contract.js';
import { applyPriceChange } from './price-rounding.js';

/** Rows read per page; bounded memory whatever the target size. */
const pageSize = 5000;
const sampleCount = 5;
const largeShown = 50;
const defaultThreshold = 50;

export function createBulkPreview(db: Db, bulk: BulkStore) {
  const settings = createSettingsStore(db);

  const withLabels = (rows: readonly { id: number; before: number; after: number }[]): BulkPriceRow[] => {
    const labels = new Map(bulk.variantLabels(rows.map((row) => row.id)).map((label) => [label.id, label]));
    return rows.map((row) => {
      const label = labels.get(row.id);
      return { variantId: row.id, sku: label?.sku ?? '', title: label?.title ?? '', options: label?.options ?? '', before: row.before, after: row.after };
    });
  };

  return (target: BulkTarget, action: BulkAction): BulkPreview => {
    const thresholdPercent = settings.get()?.priceChangeConfirmPercent ?? defaultThreshold;
    const matched = bulk.fillTarget(target);
    const base: BulkPreview = {
      matched,
      products: bulk.targetProducts(),
      changing: null,
      samples: [],
      largeChanges: [],
      largeCount: 0,
      thresholdPercent,
      withoutPrice: 0,
      aboveLimit: 0,
    };
    switch (action.kind) {
      case 'setStatus':
        return { ...base, changing: bulk.statusChanges(action.status) };
      case 'setCategory':
        return { ...base, changing: bulk.categoryChanges(action.categoryId) };
      case 'addTag':
      case 'removeTag':
      case 'setSupplier':
        return base;
      case 'priceChange':
        break;
    }
    const column = action.field === 'price' ? 'price' : 'compare_at_price';
    const samples: { id: number; before: number; after: number }[] = [];
    const large: { id: number; before: number; after: number }[] = [];
    let priced = 0;
    let changing = 0;
    let largeCount = 0;
    let aboveLimit = 0;
    for (let after = 0; ; ) {
      const page = bulk.priceValues(column, after, pageSize);
      for (const row of page) {
        priced += 1;
        const value = applyPriceChange(row.value, action);
        if (value > limits.unitMoney) aboveLimit += 1;
        if (value === row.value) continue;
        changing += 1;
        const change = { id: row.id, before: row.value, after: value };
        if (samples.length < sampleCount) samples.push(change);
        if (isLargePriceChange(row.value, value, thresholdPercent)) {
          largeCount += 1;
          if (large.length < largeShown) large.push(change);
        }
      }
      const last = page.at(-1);
      if (!last || page.length < pageSize) break;
      after = last.id;
    }
    return {
      ...base,
      changing,
      samples: withLabels(samples),
      largeChanges: withLabels(large),
      largeCount,
      withoutPrice: matched - priced,
      aboveLimit,
    };
  };
}

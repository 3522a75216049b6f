// The margin guard's floors as the owner sets them: a shop-wide minimum margin and per-category
// overrides (a category without one uses the shop's), and each channel's fee where known.
import type { Db } from '../db/open.js';
import { validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { createPromotionSettingsStore } from './settings-store.js';

export interface PromotionSettings {
  minMarginBp: number;
  categoryFloors: { categoryId: number; categoryName: string; minMarginBp: number }[];
  channelFees: { channelId: number; channelName: string; feeBp: number | null }[];
}

export interface PromotionSettingsChanges {
  minMarginBp?: number | undefined;
  categoryFloors?: readonly { categoryId: number; minMarginBp: number | null }[] | undefined;
  channelFees?: readonly { channelId: number; feeBp: number | null }[] | undefined;
}

export function createPromotionSettingsService(db: Db, clock: Clock) {
  const store = createPromotionSettingsStore(db);
  const get = (): PromotionSettings => ({ minMarginBp: store.shopFloor(), categoryFloors: store.categoryFloors(), channelFees: store.channelFees() });

  const update = db.transaction((changes: PromotionSettingsChanges): void => {
    const floors = changes.categoryFloors ?? [];
    const issues: FieldIssue[] = [];
    floors.forEach((floor, i) => {
      if (!store.categoryExists(floor.categoryId)) {
        issues.push({ path: `categoryFloors.${i}.categoryId`, key: 'unknownCategory', message: `categoryFloors.${i}.categoryId: category ${floor.categoryId} does not exist`, params: { id: floor.categoryId } });
      }
    });
    const fees = changes.channelFees ?? [];
    fees.forEach((fee, i) => {
      if (!store.channelExists(fee.channelId)) {
        issues.push({ path: `channelFees.${i}.channelId`, key: 'unknownChannel', message: `channelFees.${i}.channelId: channel ${fee.channelId} does not exist`, params: { id: fee.channelId } });
      }
    });
    if (issues.length > 0) throw validationError(`The margin floors were refused; nothing was changed. ${issues.map((i) => i.message).join('; ')}`, issues);
    if (changes.minMarginBp !== undefined) store.setShopFloor(changes.minMarginBp, clock.now().toISOString());
    for (const floor of floors) store.setCategoryFloor(floor.categoryId, floor.minMarginBp);
    for (const fee of fees) store.setChannelFee(fee.channelId, fee.feeBp);
  });

  return {
    get,
    update(changes: PromotionSettingsChanges): PromotionSettings {
      update(changes);
      return get();
    },
  };
}

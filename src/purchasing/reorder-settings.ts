// Replenishment settings (metrics.md defaults: 56-day window, 95 % service level,
// 7-day review period) and the per-category demand windows.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { throwIfIssues } from '../inventory/stock-checks.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { reorderContract } from './reorder-contract.js';

type Settings = z.output<(typeof reorderContract)['reorder.settings.get']['output']>;
type Update = z.output<(typeof reorderContract)['reorder.settings.update']['input']>;

export interface ShopReorderSettings {
  demandWindowDays: number;
  serviceLevel: number;
  reviewPeriodDays: number;
  timeZone: string;
}

export function createReorderSettings(db: Db) {
  const shopRow = db.prepare<[], ShopReorderSettings>(
    `SELECT demand_window_days AS demandWindowDays, service_level AS serviceLevel, review_period_days AS reviewPeriodDays, time_zone AS timeZone
     FROM shop_settings WHERE id = 1`,
  );
  const categoryWindows = db.prepare<[], Settings['categoryWindows'][number]>(
    'SELECT id AS categoryId, path, demand_window_days AS demandWindowDays FROM categories WHERE demand_window_days IS NOT NULL ORDER BY path',
  );
  const setCategoryWindow = db.prepare<[number | null, number]>('UPDATE categories SET demand_window_days = ? WHERE id = ?');

  const shop = (): ShopReorderSettings => shopRow.get() ?? { demandWindowDays: 56, serviceLevel: 0.95, reviewPeriodDays: 7, timeZone: 'UTC' };

  const get = (): Settings => {
    const { demandWindowDays, serviceLevel, reviewPeriodDays } = shop();
    return { demandWindowDays, serviceLevel, reviewPeriodDays, categoryWindows: categoryWindows.all() };
  };

  // All or nothing: an unknown category rolls back the shop-level change too.
  const update = db.transaction((input: Update) => {
    db.prepare(
      `UPDATE shop_settings SET demand_window_days = COALESCE(?, demand_window_days), service_level = COALESCE(?, service_level),
         review_period_days = COALESCE(?, review_period_days) WHERE id = 1`,
    ).run(input.demandWindowDays ?? null, input.serviceLevel ?? null, input.reviewPeriodDays ?? null);
    const issues: FieldIssue[] = [];
    (input.categoryWindows ?? []).forEach((entry, i) => {
      if (setCategoryWindow.run(entry.demandWindowDays, entry.categoryId).changes === 0) {
        const path = `categoryWindows.${i}.categoryId`;
        issues.push({ path, key: 'categoryNotFound', message: `${path}: category ${entry.categoryId} does not exist` });
      }
    });
    throwIfIssues(issues, 'The reorder settings change');
  });

  return {
    shop,
    get,
    update: (input: Update): Settings => {
      update(input);
      return get();
    },
  };
}

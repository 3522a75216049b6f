// SQL for the margin guard's floors: the shop-wide minimum margin (promotion_settings, one row)
// and the per-category overrides (category_margin_floors).
import type { Db } from '../db/open.js';

export interface CategoryFloorRow {
  categoryId: number;
  categoryName: string;
  minMarginBp: number;
}

export interface ChannelFeeRow {
  channelId: number;
  channelName: string;
  feeBp: number | null;
}

export function createPromotionSettingsStore(db: Db) {
  const shopFloor = db.prepare<[], { minMarginBp: number }>('SELECT min_margin_bp AS minMarginBp FROM promotion_settings WHERE id = 1');
  // The category's path ("Apparel > Hoodies") tells same-named subcategories apart.
  const categoryFloors = db.prepare<[], CategoryFloorRow>(
    `SELECT f.category_id AS categoryId, c.path AS categoryName, f.min_margin_bp AS minMarginBp
     FROM category_margin_floors f JOIN categories c ON c.id = f.category_id ORDER BY c.path`,
  );
  const setShopFloor = db.prepare<[number, string]>('UPDATE promotion_settings SET min_margin_bp = ?, updated_at = ? WHERE id = 1');
  const upsertFloor = db.prepare<[number, number]>(
    `INSERT INTO category_margin_floors (category_id, min_margin_bp) VALUES (?, ?)
     ON CONFLICT (category_id) DO UPDATE SET min_margin_bp = excluded.min_margin_bp`,
  );
  const deleteFloor = db.prepare<[number]>('DELETE FROM category_margin_floors WHERE category_id = ?');
  const categoryExists = db.prepare<[number], { id: number }>('SELECT id FROM categories WHERE id = ?');
  // Every channel orders come from (connected or not: a marketplace's commission counts either way).
  const channelFees = db.prepare<[], ChannelFeeRow>('SELECT id AS channelId, name AS channelName, fee_bp AS feeBp FROM channels ORDER BY name, id');
  const setChannelFee = db.prepare<[number | null, number]>('UPDATE channels SET fee_bp = ? WHERE id = ?');
  const channelExists = db.prepare<[number], { id: number }>('SELECT id FROM channels WHERE id = ?');
  return {
    /** The migration inserts the row; 10 % if it were ever missing. */
    shopFloor: (): number => shopFloor.get()?.minMarginBp ?? 1000,
    categoryFloors: (): CategoryFloorRow[] => categoryFloors.all(),
    categoryExists: (id: number): boolean => categoryExists.get(id) !== undefined,
    channelFees: (): ChannelFeeRow[] => channelFees.all(),
    channelExists: (id: number): boolean => channelExists.get(id) !== undefined,
    /** null: the fee is not known (the guard counts none). */
    setChannelFee: (channelId: number, feeBp: number | null): void => void setChannelFee.run(feeBp, channelId),
    setShopFloor: (minMarginBp: number, at: string): void => void setShopFloor.run(minMarginBp, at),
    /** null removes the category's floor (its products fall back to the shop's). */
    setCategoryFloor(categoryId: number, minMarginBp: number | null): void {
      if (minMarginBp === null) deleteFloor.run(categoryId);
      else upsertFloor.run(categoryId, minMarginBp);
    },
  };
}

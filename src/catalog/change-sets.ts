// What catalog change sets hold, so the generic history can undo them: grid
// field names map to variant columns, and tag links are membership items.
import type { UndoTargets } from '../history/store.js';
import type { VariantEditField } from './edit-contract.js';

/** Grid field -> variants column (change_set_items.field records the column). */
export const variantColumns: Record<VariantEditField, string> = {
  sku: 'sku',
  barcode: 'barcode',
  price: 'price',
  compareAtPrice: 'compare_at_price',
  cost: 'cost',
  weightGrams: 'weight_grams',
  status: 'status',
};

export const productColumns = {
  title: 'title',
  handle: 'handle',
  description: 'description',
  brand: 'brand',
  categoryId: 'category_id',
  status: 'status',
} as const;
export type ProductField = keyof typeof productColumns;

/** Tag links are recorded as entity 'product_tags', entity_id = product, field = tag id, before/after = linked. */
export const productTagsEntity = 'product_tags';

export const catalogUndoTargets: UndoTargets = {
  columns: {
    variants: { fields: Object.values(variantColumns), touch: 'updated_at' },
    products: { fields: Object.values(productColumns), touch: 'updated_at' },
    // Bulk "set supplier" flips which supplier item is preferred.
    supplier_items: { fields: ['is_preferred'] },
  },
  memberships: { [productTagsEntity]: { ownerColumn: 'product_id', memberColumn: 'tag_id' } },
};

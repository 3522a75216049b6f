// Set-based SQL for bulk actions over up to every variant in the shop. The
// target ids go into a temp table once (from a list, or from the very same
// WHERE the Products grid uses); each action then records before-values with
// INSERT … SELECT and updates with one statement, so 100k rows never round-trip.
import type { Db } from '../db/open.js';
import { productTagsEntity } from './change-sets.js';
import type { BulkFilter } from './edit-contract.js';
import { buildVariantPageSql, variantTitleSql } from './store.js';

/** JSON text of a column for change_set_items, keeping SQL NULL as NULL. */
const jsonOf = (expr: string) => `CASE WHEN ${expr} IS NULL THEN NULL ELSE json_quote(${expr}) END`;

export function createBulkStore(db: Db) {
  // Temp tables live per connection and are created before the statements that use them are prepared.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS catalog_bulk_target (variant_id INTEGER PRIMARY KEY);
           CREATE TEMP TABLE IF NOT EXISTS catalog_bulk_value (variant_id INTEGER PRIMARY KEY, value INTEGER NOT NULL)`);
  const clearTarget = db.prepare('DELETE FROM temp.catalog_bulk_target');
  const clearValues = db.prepare('DELETE FROM temp.catalog_bulk_value');
  const targetFromIds = db.prepare<[string]>(
    'INSERT OR IGNORE INTO temp.catalog_bulk_target (variant_id) SELECT v.id FROM variants v WHERE v.id IN (SELECT value FROM json_each(?))',
  );
  const countTarget = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM temp.catalog_bulk_target');
  // Keyset pages of the current values, for the price maths done in JavaScript (price-rounding.ts).
  const pricePage = (column: string) =>
    db.prepare<[number, number], { id: number; value: number }>(
      `SELECT v.id, v.${column} AS value FROM variants v JOIN temp.catalog_bulk_target t ON t.variant_id = v.id
       WHERE v.id > ? AND v.${column} IS NOT NULL ORDER BY v.id LIMIT ?`,
    );
  const pricePages = { price: pricePage('price'), compare_at_price: pricePage('compare_at_price') };
  const insertValue = db.prepare<[number, number]>('INSERT INTO temp.catalog_bulk_value (variant_id, value) VALUES (?, ?)');
  const recordValues = (column: string) =>
    db.prepare<[number]>(
      `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
       SELECT ?, 'variants', v.id, '${column}', ${jsonOf(`v.${column}`)}, json_quote(n.value)
       FROM variants v JOIN temp.catalog_bulk_value n ON n.variant_id = v.id ORDER BY v.id`,
    );
  const applyValues = (column: string) =>
    db.prepare<[string]>(
      `UPDATE variants SET ${column} = n.value, updated_at = ? FROM temp.catalog_bulk_value n WHERE n.variant_id = variants.id`,
    );
  const priceWrites = {
    price: { record: recordValues('price'), apply: applyValues('price') },
    compare_at_price: { record: recordValues('compare_at_price'), apply: applyValues('compare_at_price') },
  };
  const recordStatus = db.prepare<[number, string, string]>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT ?, 'variants', v.id, 'status', json_quote(v.status), json_quote(?)
     FROM variants v JOIN temp.catalog_bulk_target t ON t.variant_id = v.id WHERE v.status <> ? ORDER BY v.id`,
  );
  const applyStatus = db.prepare<[string, string, string]>(
    `UPDATE variants SET status = ?, updated_at = ? WHERE id IN (SELECT variant_id FROM temp.catalog_bulk_target) AND status <> ?`,
  );
  // Tags and categories belong to products: act once per product of the targeted variants.
  const targetProducts = 'SELECT DISTINCT v.product_id FROM variants v JOIN temp.catalog_bulk_target t ON t.variant_id = v.id';
  const recordTagAdd = db.prepare<[number, string, number]>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT ?, '${productTagsEntity}', p.product_id, ?, 'false', 'true' FROM (${targetProducts}) p
     WHERE NOT EXISTS (SELECT 1 FROM product_tags pt WHERE pt.product_id = p.product_id AND pt.tag_id = ?) ORDER BY p.product_id`,
  );
  const applyTagAdd = db.prepare<[number]>(`INSERT OR IGNORE INTO product_tags (product_id, tag_id) SELECT p.product_id, ? FROM (${targetProducts}) p`);
  const recordTagRemove = db.prepare<[number, string, number]>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT ?, '${productTagsEntity}', pt.product_id, ?, 'true', 'false' FROM product_tags pt
     WHERE pt.tag_id = ? AND pt.product_id IN (${targetProducts}) ORDER BY pt.product_id`,
  );
  const applyTagRemove = db.prepare<[number]>(`DELETE FROM product_tags WHERE tag_id = ? AND product_id IN (${targetProducts})`);
  // Named parameters: the new category appears three times in the statement.
  const recordCategory = db.prepare<[{ cs: number; cat: number | null }]>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT @cs, 'products', p.id, 'category_id', ${jsonOf('p.category_id')}, ${jsonOf('@cat')}
     FROM products p WHERE p.id IN (${targetProducts}) AND p.category_id IS NOT @cat ORDER BY p.id`,
  );
  const applyCategory = db.prepare<[number | null, string, number | null]>(
    `UPDATE products SET category_id = ?, updated_at = ? WHERE id IN (${targetProducts}) AND category_id IS NOT ?`,
  );

  // Set supplier: missing supplier items are created (not preferred yet) at the variant's cost,
  // then is_preferred is flipped where it differs. Undo restores the flags; created items stay
  // as plain entries of the supplier's price list, which is harmless and keeps their history.
  const addSupplierItems = db.prepare<[number, number]>(
    `INSERT INTO supplier_items (supplier_id, variant_id, cost, is_preferred)
     SELECT ?, v.id, COALESCE(v.cost, 0), 0 FROM variants v JOIN temp.catalog_bulk_target t ON t.variant_id = v.id
     WHERE NOT EXISTS (SELECT 1 FROM supplier_items si WHERE si.variant_id = v.id AND si.supplier_id = ?)`,
  );
  const recordPreferred = db.prepare<{ cs: number; supplier: number }>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT @cs, 'supplier_items', si.id, 'is_preferred', json_quote(si.is_preferred), json_quote(si.supplier_id = @supplier)
     FROM supplier_items si JOIN temp.catalog_bulk_target t ON t.variant_id = si.variant_id
     WHERE si.is_preferred <> (si.supplier_id = @supplier) ORDER BY si.id`,
  );
  const applyPreferred = db.prepare<{ supplier: number }>(
    `UPDATE supplier_items SET is_preferred = (supplier_id = @supplier)
     WHERE variant_id IN (SELECT variant_id FROM temp.catalog_bulk_target) AND is_preferred <> (supplier_id = @supplier)`,
  );
  const countPreferred = db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM change_set_items WHERE change_set_id = ? AND entity = 'supplier_items' AND after_value = '1'`,
  );

  // Reads for the preview (bulk-preview.ts): what the action would touch, without writing.
  const countProducts = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM (${targetProducts})`);
  const countStatusChanges = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM variants v JOIN temp.catalog_bulk_target t ON t.variant_id = v.id WHERE v.status <> ?',
  );
  const countCategoryChanges = db.prepare<[number | null], { n: number }>(
    `SELECT COUNT(*) AS n FROM products p WHERE p.id IN (${targetProducts}) AND p.category_id IS NOT ?`,
  );
  const variantLabels = db.prepare<[string], { id: number; sku: string; title: string; options: string }>(
    `SELECT v.id, v.sku, p.title, ${variantTitleSql} AS options FROM variants v JOIN products p ON p.id = v.product_id
     WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.id`,
  );

  return {
    /** Products of the targeted variants (tags and categories act on products). */
    targetProducts: (): number => countProducts.get()?.n ?? 0,
    /** Targeted variants whose status differs from `status`. */
    statusChanges: (status: string): number => countStatusChanges.get(status)?.n ?? 0,
    /** Products of the target whose category differs from `categoryId`. */
    categoryChanges: (categoryId: number | null): number => countCategoryChanges.get(categoryId)?.n ?? 0,
    /** SKU, product title and options of a few variants, for showing them by name. */
    variantLabels: (ids: readonly number[]) => variantLabels.all(JSON.stringify(ids)),
    /** Makes the supplier preferred for every targeted variant; returns how many variants changed supplier. */
    setSupplier(changeSetId: number, supplierId: number): number {
      addSupplierItems.run(supplierId, supplierId);
      recordPreferred.run({ cs: changeSetId, supplier: supplierId });
      applyPreferred.run({ supplier: supplierId });
      return countPreferred.get(changeSetId)?.n ?? 0;
    },
    /** Fills the target table; returns how many variants matched. */
    fillTarget(target: { variantIds: number[] } | { filter: BulkFilter }): number {
      clearTarget.run();
      if ('variantIds' in target) {
        targetFromIds.run(JSON.stringify(target.variantIds));
      } else {
        // The grid's own SQL with no limit (LIMIT -1), so "what I see filtered" is exactly what changes.
        const sql = buildVariantPageSql({ ...target.filter, offset: 0, limit: -1, sort: [] });
        db.prepare(`INSERT OR IGNORE INTO temp.catalog_bulk_target (variant_id) SELECT variantId FROM (${sql.rowsSql})`).run(
          ...sql.rowsParams,
        );
      }
      return countTarget.get()?.n ?? 0;
    },
    /** Pages through current values of the targeted variants (NULLs skipped: no price to change). */
    priceValues(column: 'price' | 'compare_at_price', afterId: number, limit: number) {
      return pricePages[column].all(afterId, limit);
    },
    clearValues: () => void clearValues.run(),
    stageValue: (variantId: number, value: number) => void insertValue.run(variantId, value),
    /** Records before/after for the staged values and writes them; returns rows changed. */
    writeStagedValues(changeSetId: number, column: 'price' | 'compare_at_price', at: string): number {
      priceWrites[column].record.run(changeSetId);
      return priceWrites[column].apply.run(at).changes;
    },
    setStatus(changeSetId: number, status: string, at: string): number {
      recordStatus.run(changeSetId, status, status);
      return applyStatus.run(status, at, status).changes;
    },
    addTag(changeSetId: number, tagId: number): number {
      recordTagAdd.run(changeSetId, String(tagId), tagId);
      return applyTagAdd.run(tagId).changes;
    },
    removeTag(changeSetId: number, tagId: number): number {
      recordTagRemove.run(changeSetId, String(tagId), tagId);
      return applyTagRemove.run(tagId).changes;
    },
    setCategory(changeSetId: number, categoryId: number | null, at: string): number {
      recordCategory.run({ cs: changeSetId, cat: categoryId });
      return applyCategory.run(categoryId, at, categoryId).changes;
    },
  };
}

export type BulkStore = ReturnType<typeof createBulkStore>;

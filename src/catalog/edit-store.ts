// SQL for editing the catalog one product or a grid block at a time. Column
// names in dynamic statements come only from change-sets.ts whitelists.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { BarcodeMode } from './barcode.js';

export interface ProductRow {
  id: number;
  handle: string;
  title: string;
  description: string;
  brand: string | null;
  categoryId: number | null;
  categoryPath: string | null;
  status: 'active' | 'draft' | 'archived';
  option1Name: string | null;
  option2Name: string | null;
  option3Name: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VariantDbRow {
  id: number;
  productId: number;
  sku: string;
  barcode: string | null;
  option1: string | null;
  option2: string | null;
  option3: string | null;
  price: number;
  compareAtPrice: number | null;
  cost: number | null;
  weightGrams: number | null;
  status: 'active' | 'draft' | 'archived';
  position: number;
  onHand: number;
}

export interface NewProductRow {
  handle: string;
  title: string;
  description: string;
  brand: string | null;
  categoryId: number | null;
  status: string;
  option1Name: string | null;
  option2Name: string | null;
  option3Name: string | null;
  at: string;
}

export interface NewVariantRow {
  productId: number;
  sku: string;
  barcode: string | null;
  option1: string | null;
  option2: string | null;
  option3: string | null;
  price: number;
  compareAtPrice: number | null;
  cost: number | null;
  weightGrams: number | null;
  position: number;
  at: string;
}

export interface CategoryRow {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  productCount: number;
}

const variantSelect = `SELECT id, product_id AS productId, sku, barcode, option1, option2, option3, price,
  compare_at_price AS compareAtPrice, cost, weight_grams AS weightGrams, status, position, on_hand_total AS onHand
  FROM variants`;

const categorySelect = `SELECT c.id, c.parent_id AS parentId, c.name, c.path,
  (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) AS productCount FROM categories c`;

type SqlValue = string | number | null;

export function createEditStore(db: Db) {
  const byColumn = new Map<string, Statement<SqlValue[]>>();
  const cached = (sql: string): Statement<SqlValue[]> => {
    let statement = byColumn.get(sql);
    if (!statement) {
      statement = db.prepare<SqlValue[]>(sql);
      byColumn.set(sql, statement);
    }
    return statement;
  };
  const s = {
    barcodeMode: db.prepare<[], { mode: BarcodeMode }>('SELECT barcode_mode AS mode FROM shop_settings WHERE id = 1'),
    product: db.prepare<[number], ProductRow>(
      `SELECT p.id, p.handle, p.title, p.description, p.brand, p.category_id AS categoryId, c.path AS categoryPath, p.status,
         p.option1_name AS option1Name, p.option2_name AS option2Name, p.option3_name AS option3Name,
         p.created_at AS createdAt, p.updated_at AS updatedAt
       FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?`,
    ),
    variantsOf: db.prepare<[number], VariantDbRow>(`${variantSelect} WHERE product_id = ? ORDER BY position, id`),
    variant: db.prepare<[number], VariantDbRow>(`${variantSelect} WHERE id = ?`),
    // json_each takes the whole id list as one parameter: one statement for any number of ids.
    variantsIn: db.prepare<[string], VariantDbRow>(`${variantSelect} WHERE id IN (SELECT value FROM json_each(?))`),
    skusIn: db.prepare<[string], { id: number; sku: string }>(
      'SELECT id, sku FROM variants WHERE sku IN (SELECT value FROM json_each(?))',
    ),
    handleTaken: db.prepare<[string], { id: number }>('SELECT id FROM products WHERE handle = ?'),
    insertProduct: db.prepare<[NewProductRow]>(
      `INSERT INTO products (handle, title, description, brand, category_id, status, option1_name, option2_name, option3_name, created_at, updated_at)
       VALUES (@handle, @title, @description, @brand, @categoryId, @status, @option1Name, @option2Name, @option3Name, @at, @at)`,
    ),
    insertVariant: db.prepare<[NewVariantRow]>(
      `INSERT INTO variants (product_id, sku, barcode, option1, option2, option3, price, compare_at_price, cost, weight_grams, position, created_at, updated_at)
       VALUES (@productId, @sku, @barcode, @option1, @option2, @option3, @price, @compareAtPrice, @cost, @weightGrams, @position, @at, @at)`,
    ),
    tagByName: db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM tags WHERE name = ?'),
    insertTag: db.prepare<[string]>('INSERT INTO tags (name) VALUES (?)'),
    productTags: db.prepare<[number], { id: number; name: string }>(
      'SELECT t.id, t.name FROM product_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name',
    ),
    linkTag: db.prepare<[number, number]>('INSERT OR IGNORE INTO product_tags (product_id, tag_id) VALUES (?, ?)'),
    unlinkTag: db.prepare<[number, number]>('DELETE FROM product_tags WHERE product_id = ? AND tag_id = ?'),
    images: db.prepare<[number], { id: number; path: string; position: number }>(
      'SELECT id, path, position FROM product_images WHERE product_id = ? ORDER BY position',
    ),
    deleteImages: db.prepare<[number]>('DELETE FROM product_images WHERE product_id = ?'),
    insertImage: db.prepare<[number, string, number, string]>(
      'INSERT INTO product_images (product_id, path, position, created_at) VALUES (?, ?, ?, ?)',
    ),
    categories: db.prepare<[], CategoryRow>(`${categorySelect} ORDER BY c.path`),
    category: db.prepare<[number], CategoryRow>(`${categorySelect} WHERE c.id = ?`),
    categoryByPath: db.prepare<[string], { id: number }>('SELECT id FROM categories WHERE path = ?'),
    insertCategory: db.prepare<[number | null, string, string, string]>(
      'INSERT INTO categories (parent_id, name, path, created_at) VALUES (?, ?, ?, ?)',
    ),
    tags: db.prepare<[], { id: number; name: string; productCount: number }>(
      `SELECT t.id, t.name, (SELECT COUNT(*) FROM product_tags pt WHERE pt.tag_id = t.id) AS productCount
       FROM tags t ORDER BY t.name COLLATE NOCASE`,
    ),
    deleteComponents: db.prepare<[number]>('DELETE FROM bundle_components WHERE bundle_variant_id = ?'),
    insertComponent: db.prepare<[number, number, number]>(
      'INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, ?)',
    ),
    isBundle: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM bundle_components WHERE bundle_variant_id = ?'),
    // Available = on hand - committed, at one location or summed over all; a component
    // with no stock row counts as 0.
    componentStock: db.prepare<[number | null, number | null, number], { variantId: number; sku: string; quantity: number; available: number }>(
      `SELECT b.component_variant_id AS variantId, v.sku, b.quantity,
         COALESCE((SELECT SUM(l.on_hand - l.committed) FROM stock_levels l
                   WHERE l.variant_id = b.component_variant_id AND (? IS NULL OR l.location_id = ?)), 0) AS available
       FROM bundle_components b JOIN variants v ON v.id = b.component_variant_id
       WHERE b.bundle_variant_id = ? ORDER BY v.sku`,
    ),
  };

  return {
    barcodeMode: (): BarcodeMode => s.barcodeMode.get()?.mode ?? 'gtin',
    product: (id: number) => s.product.get(id),
    variantsOf: (productId: number) => s.variantsOf.all(productId),
    variant: (id: number) => s.variant.get(id),
    variantsIn: (ids: number[]) => s.variantsIn.all(JSON.stringify(ids)),
    skusIn: (skus: string[]) => s.skusIn.all(JSON.stringify(skus)),
    handleTaken: (handle: string) => s.handleTaken.get(handle) !== undefined,
    insertProduct: (row: NewProductRow) => Number(s.insertProduct.run(row).lastInsertRowid),
    insertVariant: (row: NewVariantRow) => Number(s.insertVariant.run(row).lastInsertRowid),
    /** The tag's id, creating it the first time (names are case-insensitive). */
    tagId(name: string): number {
      return s.tagByName.get(name)?.id ?? Number(s.insertTag.run(name).lastInsertRowid);
    },
    findTag: (name: string) => s.tagByName.get(name),
    productTags: (productId: number) => s.productTags.all(productId),
    linkTag: (productId: number, tagId: number) => s.linkTag.run(productId, tagId).changes,
    unlinkTag: (productId: number, tagId: number) => s.unlinkTag.run(productId, tagId).changes,
    images: (productId: number) => s.images.all(productId),
    replaceImages(productId: number, paths: string[], at: string): void {
      s.deleteImages.run(productId);
      paths.forEach((path, i) => s.insertImage.run(productId, path, i + 1, at));
    },
    /** Sets one whitelisted column of one row and stamps updated_at. */
    setColumn(table: 'variants' | 'products', column: string, id: number, value: SqlValue, at: string): void {
      if (!/^[a-z_0-9]+$/.test(column)) throw new Error(`Not a column: ${column}`);
      cached(`UPDATE ${table} SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, id);
    },
    categories: () => s.categories.all(),
    category: (id: number) => s.category.get(id),
    categoryByPath: (path: string) => s.categoryByPath.get(path),
    insertCategory: (parentId: number | null, name: string, path: string, at: string) =>
      Number(s.insertCategory.run(parentId, name, path, at).lastInsertRowid),
    tags: () => s.tags.all(),
    replaceComponents(bundleId: number, components: { variantId: number; quantity: number }[]): void {
      s.deleteComponents.run(bundleId);
      for (const c of components) s.insertComponent.run(bundleId, c.variantId, c.quantity);
    },
    isBundle: (variantId: number) => (s.isBundle.get(variantId)?.n ?? 0) > 0,
    componentStock: (bundleId: number, locationId: number | null) => s.componentStock.all(locationId, locationId, bundleId),
  };
}

export type EditStore = ReturnType<typeof createEditStore>;

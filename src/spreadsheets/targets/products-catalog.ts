// What the product import compares against, read once per plan: variants by
// SKU and id, products by id and handle, category paths, tag links.
import type { Db } from '../../db/open.js';

export interface CatalogVariant {
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
  status: string;
  position: number;
  [key: string]: string | number | null;
}

export interface CatalogProduct {
  id: number;
  handle: string;
  title: string;
  description: string;
  brand: string | null;
  category: string | null;
  status: string;
  option1Name: string | null;
  option2Name: string | null;
  option3Name: string | null;
  [key: string]: string | number | null;
}

export function readCatalog(db: Db) {
  const variants = db
    .prepare<[], CatalogVariant>(
      `SELECT id, product_id AS productId, sku, barcode, option1, option2, option3, price, compare_at_price AS compareAtPrice,
              cost, weight_grams AS weightGrams, status, position FROM variants`,
    )
    .all();
  const products = db
    .prepare<[], CatalogProduct>(
      `SELECT p.id, p.handle, p.title, p.description, p.brand, c.path AS category, p.status,
              p.option1_name AS option1Name, p.option2_name AS option2Name, p.option3_name AS option3Name
       FROM products p LEFT JOIN categories c ON c.id = p.category_id`,
    )
    .all();
  const bySku = new Map(variants.map((v) => [v.sku.toLowerCase(), v]));
  const byId = new Map(variants.map((v) => [v.id, v]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const productByHandle = new Map(products.map((p) => [p.handle.toLowerCase(), p]));
  const tagStatement = db.prepare<[number], { name: string }>(
    'SELECT t.name FROM product_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.product_id = ? ORDER BY t.name COLLATE NOCASE',
  );
  const variantCount = new Map<number, number>();
  const byProduct = new Map<number, CatalogVariant[]>();
  for (const v of variants) {
    variantCount.set(v.productId, Math.max(variantCount.get(v.productId) ?? 0, v.position));
    const list = byProduct.get(v.productId);
    if (list) list.push(v);
    else byProduct.set(v.productId, [v]);
  }
  const barcodeMode =
    (db.prepare('SELECT barcode_mode AS mode FROM shop_settings WHERE id = 1').get() as { mode: 'gtin' | 'free' } | undefined)?.mode ?? 'gtin';
  return {
    barcodeMode,
    variantBySku: (sku: string) => bySku.get(sku.toLowerCase()),
    variantById: (id: number) => byId.get(id),
    product: (id: number) => productById.get(id),
    productByHandle: (handle: string) => productByHandle.get(handle.toLowerCase()),
    tagsOf: (productId: number) => tagStatement.all(productId).map((row) => row.name),
    /** Highest variant position of a product, so added variants go after it. */
    lastPosition: (productId: number) => variantCount.get(productId) ?? 0,
    variantsOf: (productId: number): readonly CatalogVariant[] => byProduct.get(productId) ?? [],
  };
}

export type CatalogSnapshot = ReturnType<typeof readCatalog>;

/** Category paths as the shop stores them: parts joined by ' > '. */
export function normaliseCategoryPath(text: string): string {
  return text
    .split(/\s*[>＞]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' > ');
}

// A small hand-written catalog, so sort and filter expectations are known exactly.
import { openDatabase } from '../../src/db/open.js';

export interface FixtureVariant {
  sku: string;
  product: string;
  options: [string | null, string | null];
  barcode: string | null;
  price: number;
  compareAt: number | null;
  cost: number | null;
  status: 'active' | 'draft' | 'archived';
  onHand: number;
}

export const fixtureVariants: FixtureVariant[] = [
  { sku: 'HOD-001-BLK-M', product: 'Cloud Hoodie', options: ['Black', 'M'], barcode: '4006381333931', price: 5999, compareAt: 7999, cost: 2100, status: 'active', onHand: 12 },
  { sku: 'HOD-001-BLK-L', product: 'Cloud Hoodie', options: ['Black', 'L'], barcode: '4006381333948', price: 5999, compareAt: null, cost: 2100, status: 'active', onHand: 0 },
  { sku: 'TEA-100', product: '龙井绿茶 Longjing tea', options: [null, null], barcode: null, price: 12800, compareAt: null, cost: 5000, status: 'active', onHand: 40 },
  { sku: 'MUG-50%', product: 'Half-price mug', options: ['White', null], barcode: '0012345678905', price: 990, compareAt: 1980, cost: null, status: 'draft', onHand: 3 },
  { sku: 'SOCK_7', product: 'Wool socks', options: ['Grey', 'S'], barcode: '5901234123457', price: 1290, compareAt: null, cost: 400, status: 'archived', onHand: 7 },
];

export function seedCatalog(dbPath: string): void {
  const db = openDatabase(dbPath);
  const at = '2026-11-01T00:00:00.000Z';
  db.transaction(() => {
    const category = db
      .prepare("INSERT INTO categories (name, path, created_at) VALUES ('Apparel', 'Apparel', ?)")
      .run(at).lastInsertRowid;
    const location = db
      .prepare("INSERT INTO locations (code, name, kind, created_at) VALUES ('WH-1', 'Main warehouse', 'warehouse', ?)")
      .run(at).lastInsertRowid;
    const products = new Map<string, number | bigint>();
    fixtureVariants.forEach((v, index) => {
      let productId = products.get(v.product);
      if (productId === undefined) {
        productId = db
          .prepare(
            'INSERT INTO products (handle, title, brand, category_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(`p-${index}`, v.product, index % 2 ? 'Northwind' : null, v.product.includes('Hoodie') ? category : null, v.status, at, at)
          .lastInsertRowid;
        products.set(v.product, productId);
      }
      const variantId = db
        .prepare(
          `INSERT INTO variants (product_id, sku, barcode, option1, option2, price, compare_at_price, cost, status, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(productId, v.sku, v.barcode, v.options[0], v.options[1], v.price, v.compareAt, v.cost, v.status, index + 1, at, at)
        .lastInsertRowid;
      if (v.onHand > 0) {
        db.prepare(
          "INSERT INTO stock_movements (variant_id, location_id, delta, reason, actor, occurred_at) VALUES (?, ?, ?, 'initial', 'test', ?)",
        ).run(variantId, location, v.onHand, at);
      }
      db.prepare('INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (?, ?, ?, ?)').run(
        variantId,
        location,
        v.onHand,
        at,
      );
    });
  })();
  db.close();
}

// Products and variants from Shopdesk's template, the Products grid export,
// Shopify or WooCommerce product CSVs and Chinese merchant sheets. Writes go
// product by product, then the stock the file carries (products-stock.ts),
// all in one transaction; every created row, changed field and stock change
// is an item of the one change set, so undoing the import restores the
// catalog and its stock exactly.
import { productColumns, productTagsEntity, variantColumns } from '../../catalog/change-sets.js';
import { firstFree } from '../../shared/unique-code.js';
import { slugify } from '../../catalog/product-service.js';
import { categorySeparator } from '../../catalog/taxonomy-service.js';
import type { Db } from '../../db/open.js';
import { recordChanges, recordCreated, type Change } from './plan-helpers.js';
import { productFields } from './products-fields.js';
import { planProducts, type ProductGroup } from './products-plan.js';
import type { ProductRowRead } from './products-rows.js';
import { writeProductStock } from './products-stock.js';
import type { ImportTarget, WriteContext } from './target.js';

const productColumnOf: Record<string, string> = { ...productColumns, category: 'category_id' };
const variantColumnOf: Record<string, string> = { ...variantColumns };

export const productsTarget: ImportTarget = {
  id: 'products',
  fields: productFields,
  needs: [],
  template: {
    fields: ['handle', 'title', 'description', 'brand', 'category', 'tags', 'productStatus', 'option1Name', 'option1Value', 'option2Name', 'option2Value', 'sku', 'barcode', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'stock'],
    example: ['linen-shirt', 'Linen Shirt', 'Breathable summer shirt', 'Hanfu Lab', 'Clothing > Shirts', 'summer, linen', 'active', 'Colour', 'White', 'Size', 'M', 'LS-WHT-M', '6901234500011', '199.00', '259.00', '80.50', 250, 12],
  },
  // Shopdesk's Products grid export (it carries Variant ID) has one row per variant, and its
  // Status column is the variant's; in Shopify and template files Status is the product's.
  refineAssignments(_headers, assignments) {
    if (!assignments.includes('variantId') || assignments.includes('variantStatus')) return assignments;
    return assignments.map((field) => (field === 'productStatus' ? 'variantStatus' : field));
  },
  plan(input) {
    const plan = planProducts(input);
    const okRows = new Set(plan.rows.filter((row) => row.outcome !== 'error').map((row) => row.row));
    return {
      rows: plan.rows,
      changesOf: plan.changesOf,
      notices: plan.notices,
      *write(ctx: WriteContext) {
        const writer = createProductWriter(ctx);
        // The variant of each written row that brings stock (its own or a later row's of the same SKU),
        // for the stock written after the products; other rows' ids are not kept (100,000 of them).
        const stocked = new Set([...plan.stock.of.keys()].map((read) => read.variantRow ?? read));
        const ids = new Map<ProductRowRead, number>();
        const remember = (read: ProductRowRead, id: number) => {
          if (stocked.has(read)) ids.set(read, id);
        };
        for (const group of plan.groups) {
          if (group.failed) continue;
          if (group.existing) {
            if (okRows.has(group.firstRow) && group.productChanges.length > 0) writer.updateProduct(group.existing.id, group.productChanges);
            const position = { next: plan.catalog.lastPosition(group.existing.id) + 1 };
            for (const read of group.rows) {
              if (!okRows.has(read.reader.rowNumber) || !read.hasVariant || read.variantRow) continue;
              if (read.existing) {
                writer.updateVariant(read.existing.id, plan.variantChanges.get(read.reader.rowNumber) ?? []);
                remember(read, read.existing.id);
              } else remember(read, writer.insertVariant(group.existing.id, read, position.next++));
              yield;
            }
          } else {
            writer.createProduct(group, remember);
            yield;
          }
        }
        yield* writeProductStock(ctx, plan.stock, (read) => okRows.has(read.reader.rowNumber), ids);
      },
    };
  },
};

function createProductWriter(ctx: WriteContext) {
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  const categories = categoryResolver(db, ctx, now);
  const tags = tagResolver(db);
  const insertProduct = db.prepare(
    `INSERT INTO products (handle, title, description, brand, category_id, status, option1_name, option2_name, option3_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVariant = db.prepare(
    `INSERT INTO variants (product_id, sku, barcode, option1, option2, option3, price, compare_at_price, cost, weight_grams, status, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const handleTaken = db.prepare<[string], { id: number }>('SELECT id FROM products WHERE handle = ?');
  const insertImage = db.prepare('INSERT INTO product_images (product_id, path, position, created_at) VALUES (?, ?, ?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO product_tags (product_id, tag_id) VALUES (?, ?)');
  const unlink = db.prepare('DELETE FROM product_tags WHERE product_id = ? AND tag_id = ?');
  const currentTags = db.prepare<[number], { id: number; name: string }>(
    'SELECT t.id, t.name FROM product_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.product_id = ?',
  );

  const uniqueHandle = (wanted: string): string => firstFree(slugify(wanted), (handle) => handleTaken.get(handle) !== undefined);

  const addVariant = (productId: number, read: ProductGroup['rows'][number], position: number): number => {
    const v = read.variant;
    const [o1, o2, o3] = v.options;
    const id = Number(
      insertVariant.run(productId, v.sku, v.barcode ?? null, o1 ?? null, o2 ?? null, o3 ?? null, v.price ?? 0, v.compareAtPrice ?? null, v.cost ?? null, v.weightGrams ?? null, v.status ?? 'active', position, now, now)
        .lastInsertRowid,
    );
    recordCreated(ctx, 'variants', id);
    return id;
  };

  return {
    createProduct(group: ProductGroup, remember: (read: ProductRowRead, variantId: number) => void): void {
      const v = group.values;
      const title = v.title ?? '';
      const [n1, n2, n3] = v.optionNames;
      const productId = Number(
        insertProduct.run(uniqueHandle(v.handle ?? title), title, v.description ?? '', v.brand ?? null, categories.idFor(v.category), v.status ?? 'active', n1 ?? null, n2 ?? null, n3 ?? null, now, now)
          .lastInsertRowid,
      );
      recordCreated(ctx, 'products', productId);
      for (const name of new Set(v.tags ?? [])) link.run(productId, tags.idFor(name));
      [...new Set(v.images ?? [])].forEach((path, i) => insertImage.run(productId, path, i + 1, now));
      let position = 1;
      for (const read of group.rows) if (read.hasVariant && !read.variantRow) remember(read, addVariant(productId, read, position++));
    },
    insertVariant: addVariant,
    updateProduct(productId: number, changes: Change[]): void {
      const columns = changes.filter((change) => change.field !== 'tags');
      if (columns.length > 0) {
        const values = columns.map((change) => (change.field === 'category' ? categories.idFor(change.after as string | null) : change.after));
        db.prepare(`UPDATE products SET ${columns.map((c) => `${productColumnOf[c.field] ?? ''} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
          ...values,
          now,
          productId,
        );
        const recorded = columns.map((change, i) =>
          change.field === 'category' ? { ...change, before: categories.idOf(change.before as string | null), after: values[i] ?? null } : change,
        );
        recordChanges(ctx, 'products', productId, recorded, productColumnOf);
      }
      const tagChange = changes.find((change) => change.field === 'tags');
      if (tagChange) {
        const wanted = new Map(String(tagChange.after ?? '').split(', ').filter((t) => t !== '').map((name) => [name.toLowerCase(), name]));
        for (const tag of currentTags.all(productId)) {
          if (wanted.delete(tag.name.toLowerCase())) continue;
          unlink.run(productId, tag.id);
          ctx.history.addItem(ctx.changeSetId, { entity: productTagsEntity, entityId: productId, field: String(tag.id), before: true, after: false });
        }
        for (const name of wanted.values()) {
          const tagId = tags.idFor(name);
          link.run(productId, tagId);
          ctx.history.addItem(ctx.changeSetId, { entity: productTagsEntity, entityId: productId, field: String(tagId), before: false, after: true });
        }
      }
    },
    updateVariant(variantId: number, changes: Change[]): void {
      if (changes.length === 0) return;
      db.prepare(`UPDATE variants SET ${changes.map((c) => `${variantColumnOf[c.field] ?? ''} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
        ...changes.map((c) => c.after),
        now,
        variantId,
      );
      recordChanges(ctx, 'variants', variantId, changes, variantColumnOf);
    },
  };
}

/** Category paths -> ids, creating missing levels (recorded, so undo removes them). */
function categoryResolver(db: Db, ctx: WriteContext, now: string) {
  const byPath = db.prepare<[string], { id: number }>('SELECT id FROM categories WHERE path = ?');
  const insert = db.prepare('INSERT INTO categories (parent_id, name, path, created_at) VALUES (?, ?, ?, ?)');
  return {
    idOf: (path: string | null): number | null => (path === null ? null : (byPath.get(path)?.id ?? null)),
    idFor(path: string | null | undefined): number | null {
      if (path === null || path === undefined || path === '') return null;
      let parentId: number | null = null;
      let sofar = '';
      for (const name of path.split(categorySeparator)) {
        sofar = sofar === '' ? name : `${sofar}${categorySeparator}${name}`;
        const found = byPath.get(sofar);
        if (found) {
          parentId = found.id;
          continue;
        }
        parentId = Number(insert.run(parentId, name, sofar, now).lastInsertRowid);
        recordCreated(ctx, 'categories', parentId);
      }
      return parentId;
    },
  };
}

function tagResolver(db: Db) {
  const find = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
  const insert = db.prepare('INSERT INTO tags (name) VALUES (?)');
  return {
    idFor: (name: string): number => find.get(name)?.id ?? Number(insert.run(name).lastInsertRowid),
  };
}

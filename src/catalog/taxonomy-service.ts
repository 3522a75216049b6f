// Categories (a tree stored by full path), tags, and bundles (kits of other
// variants whose stock is computed from their components).
import type { Db } from '../db/open.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { CategoryRow, EditStore } from './edit-store.js';

export const categorySeparator = ' > ';

function toCategory(row: CategoryRow) {
  return { ...row, depth: row.path.split(categorySeparator).length - 1 };
}

export function createTaxonomyService(db: Db, store: EditStore, clock: Clock) {
  const createCategory = db.transaction((name: string, parentId: number | null) => {
    const parent = parentId === null ? null : store.category(parentId);
    if (parentId !== null && !parent) throw notFound('Category', parentId);
    const path = parent ? `${parent.path}${categorySeparator}${name}` : name;
    if (store.categoryByPath(path)) {
      throw new AppError('CONFLICT', `Category "${path}" already exists.`, { key: 'categoryExists', params: { field: 'name', value: path } });
    }
    return store.insertCategory(parentId, name, path, clock.now().toISOString());
  });

  const setBundle = db.transaction((bundleId: number, components: { variantId: number; quantity: number }[]) => {
    if (!store.variant(bundleId)) throw notFound('Variant', bundleId);
    const issues = components.flatMap((c, i) => {
      const path = `components.${i}.variantId`;
      if (c.variantId === bundleId) return [{ path, key: 'bundleSelf', message: `${path}: a bundle cannot contain itself` }];
      if (!store.variant(c.variantId)) return [{ path, key: 'notFound', message: `${path}: variant ${c.variantId} was not found` }];
      // One level only: nested bundles would make availability recursive and cycles possible.
      if (store.isBundle(c.variantId)) return [{ path, key: 'bundleNested', message: `${path}: a component cannot itself be a bundle` }];
      if (components.findIndex((o) => o.variantId === c.variantId) !== i) {
        return [{ path, key: 'duplicate', message: `${path}: variant listed twice` }];
      }
      return [];
    });
    if (issues.length > 0) throw validationError(issues.map((i) => i.message).join('; '), issues);
    store.replaceComponents(bundleId, components);
  });

  return {
    listCategories: () => ({ categories: store.categories().map(toCategory) }),
    createCategory(name: string, parentId: number | null) {
      const row = store.category(createCategory(name, parentId));
      if (!row) throw new Error('Category vanished after insert');
      return toCategory(row);
    },
    listTags: () => ({ tags: store.tags() }),
    setBundle(bundleVariantId: number, components: { variantId: number; quantity: number }[]) {
      setBundle(bundleVariantId, components);
      return { bundleVariantId, components: components.length };
    },
    availability(bundleVariantId: number, locationId: number | null) {
      if (!store.variant(bundleVariantId)) throw notFound('Variant', bundleVariantId);
      const components = store.componentStock(bundleVariantId, locationId).map((c) => ({
        ...c,
        // Negative availability (oversold) builds no bundles rather than "minus" bundles.
        bundles: Math.max(0, Math.floor(c.available / c.quantity)),
      }));
      const available = components.length === 0 ? 0 : Math.min(...components.map((c) => c.bundles));
      return { bundleVariantId, available, components };
    },
  };
}

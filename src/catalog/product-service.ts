// Product detail, creation (variants generated from the option matrix unless
// given) and product-level edits. Each write is one transaction; edits are one
// change set so history can undo them.
import type { Db } from '../db/open.js';
import { firstFree } from '../shared/unique-code.js';
import type { HistoryService } from '../history/service.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { productColumns, productTagsEntity, type ProductField } from './change-sets.js';
import type { ProductCreateInput, ProductDetail, ProductUpdateInput, VariantDetail } from './edit-contract.js';
import type { EditStore, ProductRow, VariantDbRow } from './edit-store.js';
import { buildVariantMatrix, checkOptions } from './variant-matrix.js';
import { checkVariantValue } from './variant-values.js';
import { skuTaken } from './variant-edit-service.js';

export function toVariantDetail(row: VariantDbRow): VariantDetail {
  const options = [row.option1, row.option2, row.option3].filter((v): v is string => v !== null);
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    options,
    price: row.price,
    compareAtPrice: row.compareAtPrice,
    cost: row.cost,
    weightGrams: row.weightGrams,
    status: row.status,
    position: row.position,
    onHand: row.onHand,
  };
}

/** A URL handle from the title: lowercase ASCII words joined by '-'. */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'product'
  );
}

function completeness(product: ProductRow, variants: VariantDbRow[], hasImage: boolean): ProductDetail['completeness'] {
  const all = (test: (v: VariantDbRow) => boolean) => variants.length > 0 && variants.every(test);
  // Every variant must have the value: one missing barcode still blocks a marketplace listing.
  const present = {
    title: product.title.trim() !== '',
    description: product.description.trim() !== '',
    mainImage: hasImage,
    price: all((v) => v.price > 0),
    cost: all((v) => v.cost !== null),
    barcode: all((v) => v.barcode !== null && v.barcode !== ''),
    weight: all((v) => v.weightGrams !== null && v.weightGrams > 0),
    category: product.categoryId !== null,
  };
  const missing = (Object.keys(present) as (keyof typeof present)[]).filter((k) => !present[k]);
  const total = Object.keys(present).length;
  return { score: Math.round(((total - missing.length) / total) * 100), missing };
}

export function createProductService(db: Db, store: EditStore, history: HistoryService, clock: Clock) {
  function get(productId: number): ProductDetail {
    const product = store.product(productId);
    if (!product) throw notFound('Product', productId);
    const variants = store.variantsOf(productId);
    const images = store.images(productId);
    const names = [product.option1Name, product.option2Name, product.option3Name];
    const options = names.flatMap((name, i) => {
      if (name === null) return [];
      const values = [...new Set(variants.map((v) => [v.option1, v.option2, v.option3][i]).filter((v): v is string => !!v))];
      return [{ name, values }];
    });
    return {
      id: product.id,
      handle: product.handle,
      title: product.title,
      description: product.description,
      brand: product.brand,
      status: product.status,
      categoryId: product.categoryId,
      categoryPath: product.categoryPath ? product.categoryPath.split(' > ') : [],
      options,
      variants: variants.map(toVariantDetail),
      tags: store.productTags(productId).map((t) => t.name),
      images: images.map((img, i) => ({ ...img, isMain: i === 0 })),
      completeness: completeness(product, variants, images.length > 0),
      createdAt: product.createdAt,
      updatedAt: product.updatedAt,
    };
  }

  function uniqueHandle(base: string): string {
    return firstFree(base, (handle) => Boolean(store.handleTaken(handle)));
  }

  function checkCategory(categoryId: number | null | undefined, path: string): void {
    if (categoryId != null && !store.category(categoryId)) {
      throw validationError(`${path}: category ${categoryId} does not exist`, [{ path, key: 'categoryNotFound', message: `${path}: category not found` }]);
    }
  }

  const create = db.transaction((input: ProductCreateInput): number => {
    const issues: FieldIssue[] = checkOptions(input.options);
    if (issues.length > 0) throw validationError(issues.map((i) => i.message).join('; '), issues);
    checkCategory(input.categoryId, 'categoryId');
    if (input.handle && store.handleTaken(input.handle)) {
      throw new AppError('CONFLICT', `Handle "${input.handle}" is already used; nothing was saved.`, {
        key: 'handleTaken',
        params: { field: 'handle', value: input.handle },
      });
    }
    const prefix = input.skuPrefix ?? input.handle ?? slugify(input.title);
    const matrix = buildVariantMatrix(input.options, prefix);
    if (!matrix.ok) throw validationError(matrix.issues.map((i) => i.message).join('; '), matrix.issues);
    type Planned = NonNullable<ProductCreateInput['variants']>[number] & { sku: string; path: string };
    const variants: Planned[] = input.variants
      ? input.variants.map((v, i) => ({ ...v, sku: v.sku ?? `${slugify(prefix).toUpperCase()}-${i + 1}`, path: `variants.${i}` }))
      : matrix.variants.map((v, i) => ({ options: v.options, sku: v.suggestedSku, path: `variants.${i}` }));
    const mode = store.barcodeMode();
    const seen = new Set<string>();
    for (const v of variants) {
      if (v.options.length !== input.options.length) {
        throw validationError(`${v.path}.options: one value per option`, [
          { path: `${v.path}.options`, key: 'optionCount', message: `${v.path}.options: one value per option` },
        ]);
      }
      const barcode = v.barcode;
      if (barcode) {
        const checked = checkVariantValue('barcode', barcode, mode);
        if (!checked.ok) throw validationError(`${v.path}.barcode: ${checked.message}`, [{ path: `${v.path}.barcode`, key: checked.key, message: checked.message }]);
      }
      if (seen.has(v.sku)) throw skuTaken(v.sku, `${v.path}.sku`);
      seen.add(v.sku);
    }
    const taken = store.skusIn(variants.map((v) => v.sku))[0];
    if (taken) throw skuTaken(taken.sku, `${variants.find((v) => v.sku === taken.sku)?.path ?? 'variants.0'}.sku`);

    const at = clock.now().toISOString();
    const names = input.options.map((o) => o.name.trim());
    const productId = store.insertProduct({
      handle: input.handle ?? uniqueHandle(slugify(input.title)),
      title: input.title,
      description: input.description,
      brand: input.brand ?? null,
      categoryId: input.categoryId ?? null,
      status: input.status,
      option1Name: names[0] ?? null,
      option2Name: names[1] ?? null,
      option3Name: names[2] ?? null,
      at,
    });
    variants.forEach((v, i) => {
      const given = v;
      store.insertVariant({
        productId,
        sku: v.sku,
        barcode: given.barcode ?? null,
        option1: v.options[0] ?? null,
        option2: v.options[1] ?? null,
        option3: v.options[2] ?? null,
        price: given.price ?? input.price,
        compareAtPrice: given.compareAtPrice !== undefined ? given.compareAtPrice : input.compareAtPrice,
        cost: given.cost !== undefined ? given.cost : input.cost,
        weightGrams: given.weightGrams !== undefined ? given.weightGrams : input.weightGrams,
        position: i + 1,
        at,
      });
    });
    for (const tag of new Set(input.tags)) store.linkTag(productId, store.tagId(tag));
    store.replaceImages(productId, input.images, at);
    return productId;
  });

  const update = db.transaction((input: ProductUpdateInput, actor: string): void => {
    const product = store.product(input.productId);
    if (!product) throw notFound('Product', input.productId);
    const { tags, images, ...fields } = input.changes;
    checkCategory(fields.categoryId, 'changes.categoryId');
    if (fields.handle !== undefined && fields.handle !== product.handle && store.handleTaken(fields.handle)) {
      throw new AppError('CONFLICT', `Handle "${fields.handle}" is already used; nothing was saved.`, {
        key: 'handleTaken',
        params: { field: 'handle', value: fields.handle },
      });
    }
    const at = clock.now().toISOString();
    let changeSetId: number | null = null;
    const open = () => (changeSetId ??= history.begin('product_edit', { key: 'productEdit', params: { title: product.title } }, actor));
    for (const [field, value] of Object.entries(fields) as [ProductField, string | number | null | undefined][]) {
      const before: string | number | null = product[field];
      if (value === undefined || value === before) continue;
      store.setColumn('products', productColumns[field], product.id, value, at);
      history.addItem(open(), { entity: 'products', entityId: product.id, field: productColumns[field], before, after: value });
    }
    if (tags) {
      const current = new Map(store.productTags(product.id).map((t) => [t.id, t.name]));
      const wanted = new Set(tags.map((t) => store.tagId(t)));
      for (const tagId of wanted) {
        if (current.has(tagId)) continue;
        store.linkTag(product.id, tagId);
        history.addItem(open(), { entity: productTagsEntity, entityId: product.id, field: String(tagId), before: false, after: true });
      }
      for (const tagId of current.keys()) {
        if (wanted.has(tagId)) continue;
        store.unlinkTag(product.id, tagId);
        history.addItem(open(), { entity: productTagsEntity, entityId: product.id, field: String(tagId), before: true, after: false });
      }
    }
    if (images) store.replaceImages(product.id, images, at);
  });

  return {
    get,
    create: (input: ProductCreateInput): ProductDetail => get(create(input)),
    update(input: ProductUpdateInput, actor: string): ProductDetail {
      update(input, actor);
      return get(input.productId);
    },
  };
}

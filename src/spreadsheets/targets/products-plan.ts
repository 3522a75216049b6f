// Rows -> products. Rows whose variant exists (by Variant ID, else SKU)
// update it and its product; other rows are new variants, grouped into
// products by WooCommerce parent, handle, or title (rows of a new product
// share it). A new product with any bad row is refused whole, so an import
// never creates half a product. Rows of one SKU at several locations are one
// variant with stock at each (products-stock.ts); rows without a variant
// (image-only, WooCommerce parents) are skipped with a note saying why.
import { slugify } from '../../catalog/product-service.js';
import type { ImportNotice, RowPlan } from '../contract.js';
import { notice } from '../issue-messages.js';
import { FirstSeen, type Change } from './plan-helpers.js';
import { readCatalog, type CatalogProduct, type CatalogSnapshot, type CatalogVariant } from './products-catalog.js';
import { readProductRow, type ProductRowRead, type ProductValues } from './products-rows.js';
import { followVariantRows, linkSameSku, planProductStock, type ProductStockPlan } from './products-stock.js';
import type { PlanInput } from './target.js';

export interface ProductGroup {
  key: string;
  /** The stored product, or undefined for a product this import creates. */
  existing: CatalogProduct | undefined;
  rows: ProductRowRead[];
  /** Product-level values: per field, the first row that carries one. */
  values: ProductValues;
  productChanges: Change[];
  /** Row (file row number) the product-level changes are shown on. */
  firstRow: number;
  failed: boolean;
}

export interface ProductsPlan {
  /** Created rows carry no changes here: `changesOf` builds them for the rows a page shows. */
  rows: RowPlan[];
  changesOf(row: RowPlan): Change[];
  groups: ProductGroup[];
  catalog: CatalogSnapshot;
  variantChanges: Map<number, Change[]>;
  stock: ProductStockPlan;
  notices: ImportNotice[];
}

const variantFields = ['sku', 'barcode', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'status'] as const;

export function planProducts(input: PlanInput): ProductsPlan {
  const catalog = readCatalog(input.db);
  const reads = input.rows.map((row) => readProductRow(row, input, catalog));
  const stock = planProductStock(reads, input);
  const groups = groupRows(reads, catalog);
  linkSameSku(reads, stock);
  checkKeys(reads);
  const variantChanges = new Map<number, Change[]>();
  for (const group of groups) planGroup(group, catalog, variantChanges);
  followVariantRows(reads);
  const groupOf = new Map<ProductRowRead, ProductGroup>();
  for (const group of groups) for (const read of group.rows) groupOf.set(read, group);
  const rows = reads.map((read) => rowPlan(read, groupOf.get(read), variantChanges, stock));
  const written = (read: ProductRowRead) => read.reader.issues.length === 0 && groupOf.get(read)?.failed !== true;
  const notices = stock.notices(written);
  // Each row's group by position (reads are in file order, as are the rows), for changesOf.
  const groupAt = reads.map((read) => groupOf.get(read));
  // Merged into their group's values, the rows' own product values are read no more (the write and
  // the shown changes use the group's): 100,000 rows would keep ~45 MB of them for nothing.
  for (const read of reads) read.product = releasedProductValues;
  const changesOf = (row: RowPlan): Change[] => {
    if (row.outcome !== 'create') return row.changes;
    const at = indexOfRow(reads, row.row);
    const read = reads[at];
    return read ? createdChanges(read, groupAt[at], stock.of.get(read)?.onHand) : row.changes;
  };
  return { rows, changesOf, groups, catalog, variantChanges, stock, notices };
}

/** What a row's product values are once planned: nothing (see planProducts). */
const releasedProductValues: ProductValues = Object.freeze({
  handle: undefined,
  title: undefined,
  description: undefined,
  brand: undefined,
  category: undefined,
  status: undefined,
  tags: undefined,
  images: undefined,
  optionNames: Object.freeze([null, null, null]) as (string | null)[],
});

/** A created row's changes are built when shown (changesOf): 100,000 new rows would hold ~6 objects each. */
const builtWhenShown: Change[] = Object.freeze([]) as unknown as Change[];

/** The position of the read of file row `rowNumber` (reads are in file order: binary search). */
function indexOfRow(reads: readonly ProductRowRead[], rowNumber: number): number {
  let lo = 0;
  let hi = reads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((reads[mid]?.reader.rowNumber ?? 0) < rowNumber) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupRows(reads: ProductRowRead[], catalog: CatalogSnapshot): ProductGroup[] {
  const groups = new Map<string, ProductGroup>();
  const byWooId = new Map<string, string>();
  const byWooSku = new Map<string, string>();
  let lastKey: string | null = null;
  for (const read of reads) {
    const key = groupKeyOf(read, catalog, byWooId, byWooSku, lastKey);
    if (key === null) continue;
    lastKey = key;
    if (read.woo === 'variable' || read.woo === 'simple') {
      if (read.wooId !== '') byWooId.set(read.wooId, key);
      const sku = read.reader.raw('sku');
      if (sku !== '') byWooSku.set(sku.toLowerCase(), key);
    }
    let group = groups.get(key);
    if (!group) {
      const productId = key.startsWith('p:') ? Number(key.slice(2)) : null;
      group = {
        key,
        existing: productId === null ? undefined : catalog.product(productId),
        rows: [],
        values: { handle: undefined, title: undefined, description: undefined, brand: undefined, category: undefined, status: undefined, tags: undefined, images: undefined, optionNames: [null, null, null] },
        productChanges: [],
        firstRow: read.reader.rowNumber,
        failed: false,
      };
      groups.set(key, group);
    }
    group.rows.push(read);
    mergeValues(group.values, read.product);
  }
  return [...groups.values()];
}

function groupKeyOf(
  read: ProductRowRead,
  catalog: CatalogSnapshot,
  byWooId: Map<string, string>,
  byWooSku: Map<string, string>,
  lastKey: string | null,
): string | null {
  if (read.existing) return `p:${read.existing.productId}`;
  if (read.woo === 'variation') {
    const parent = read.wooParent.replace(/^id:/i, '');
    const key = read.wooParent.toLowerCase().startsWith('id:') ? byWooId.get(parent) : (byWooSku.get(parent.toLowerCase()) ?? byWooId.get(parent));
    if (key) return key;
    read.reader.issue('wooParent', 'unknownParent', { value: read.wooParent });
    return `row:${read.reader.rowNumber}`;
  }
  if (read.woo !== null) return `w:${read.reader.rowNumber}`;
  const handle = read.product.handle;
  if (typeof handle === 'string') {
    const stored = catalog.productByHandle(handle);
    return stored ? `p:${stored.id}` : `h:${handle.toLowerCase()}`;
  }
  const title = read.product.title;
  if (typeof title === 'string') {
    // A product already in the shop with this title (and the handle it would get) takes the new variants.
    const stored = catalog.productByHandle(slugify(title));
    return stored && stored.title.toLowerCase() === title.toLowerCase() ? `p:${stored.id}` : `t:${title.toLowerCase()}`;
  }
  // Continuation rows without handle or title belong to the product above (as in merged-cell sheets).
  if (lastKey !== null && read.hasVariant) return lastKey;
  read.reader.require('title', title);
  return `row:${read.reader.rowNumber}`;
}

function mergeValues(into: ProductValues, from: ProductValues): void {
  for (const key of ['handle', 'title', 'description', 'brand', 'category', 'status', 'tags'] as const) {
    if (into[key] === undefined && from[key] !== undefined) (into as unknown as Record<string, unknown>)[key] = from[key];
  }
  if (from.images) into.images = [...(into.images ?? []), ...from.images];
  from.optionNames.forEach((name, i) => {
    if (into.optionNames[i] === null && name !== null) into.optionNames[i] = name;
  });
}

/** A variant appears once by Variant ID (SKUs: linkSameSku). */
function checkKeys(reads: ProductRowRead[]): void {
  const variantIds = new FirstSeen();
  for (const read of reads) {
    if (!read.hasVariant || read.variantRow) continue;
    if (read.existing && read.reader.raw('variantId') !== '') variantIds.check(read.reader, 'variantId', String(read.existing.id));
  }
}

function planGroup(group: ProductGroup, catalog: CatalogSnapshot, variantChanges: Map<number, Change[]>): void {
  const { values } = group;
  if (group.existing) {
    group.productChanges = productChanges(group.existing, values, catalog);
  } else {
    const first = group.rows[0];
    if (first && (values.title === undefined || values.title === null)) first.reader.require('title', values.title);
  }
  const names = group.existing ? [group.existing.option1Name, group.existing.option2Name, group.existing.option3Name] : values.optionNames;
  const combos = new Map<string, number>();
  if (group.existing) {
    for (const variant of catalog.variantsOf(group.existing.id)) combos.set(comboOf([variant.option1, variant.option2, variant.option3]), -variant.id);
  }
  for (const read of group.rows) {
    if (!read.hasVariant || read.variantRow) continue;
    if (read.existing) {
      variantChanges.set(read.reader.rowNumber, variantDiff(read.existing, read, catalog));
      continue;
    }
    read.reader.require('sku', read.variant.sku);
    read.reader.require('price', read.variant.price);
    names.forEach((name, i) => {
      if (name !== null && (read.variant.options[i] ?? null) === null) read.reader.issue(`option${i + 1}Value`, 'missingOptionValue', { option: name });
    });
    const combo = comboOf(read.variant.options);
    const other = combos.get(combo);
    if (other !== undefined && names.some((name) => name !== null)) {
      read.reader.issue(null, 'duplicateOptions', { otherRow: other > 0 ? other : 'existing' });
    } else combos.set(combo, read.reader.rowNumber);
  }
  // A product this import creates is written whole or not at all.
  const bad = group.rows.find((read) => read.reader.issues.length > 0);
  if (bad && !group.existing) {
    group.failed = true;
    for (const read of group.rows) {
      if (read.reader.issues.length === 0) read.reader.issue(null, 'groupHasErrors', { otherRow: bad.reader.rowNumber });
    }
  }
}

const comboOf = (options: readonly (string | null)[]) => options.map((value) => (value ?? '').toLowerCase()).join('\u0001');

function productChanges(stored: CatalogProduct, values: ProductValues, catalog: CatalogSnapshot): Change[] {
  const changes: Change[] = [];
  const compare = (field: string, before: string | null, after: string | null | undefined) => {
    if (after === undefined) return;
    if ((before ?? '') !== (after ?? '')) changes.push({ field, before, after });
  };
  // Title, and the status / category every product must keep, cannot be blanked.
  if (values.title !== null) compare('title', stored.title, values.title);
  compare('description', stored.description, values.description === null ? '' : values.description);
  compare('brand', stored.brand, values.brand);
  compare('category', stored.category, values.category);
  if (values.status !== null) compare('status', stored.status, values.status);
  if (values.tags !== undefined) {
    const before = catalog.tagsOf(stored.id);
    const after = [...new Set(values.tags ?? [])].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    if (before.map((t) => t.toLowerCase()).join('|') !== after.map((t) => t.toLowerCase()).join('|')) {
      changes.push({ field: 'tags', before: before.join(', '), after: after.join(', ') });
    }
  }
  return changes;
}

function variantDiff(stored: CatalogVariant, read: ProductRowRead, catalog: CatalogSnapshot): Change[] {
  const changes: Change[] = [];
  for (const field of variantFields) {
    const after = read.variant[field];
    if (after === undefined) continue;
    if ((field === 'sku' || field === 'price' || field === 'status') && after === null) {
      read.reader.issue(field, 'required', {});
      continue;
    }
    const before = stored[field] ?? null;
    if (field === 'sku' && typeof after === 'string' && after.toLowerCase() !== stored.sku.toLowerCase()) {
      const owner = catalog.variantBySku(after);
      if (owner && owner.id !== stored.id) read.reader.issue('sku', 'skuTaken', { value: after });
    }
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

function rowPlan(read: ProductRowRead, group: ProductGroup | undefined, variantChanges: Map<number, Change[]>, stock: ProductStockPlan): RowPlan {
  const rowNumber = read.reader.rowNumber;
  const productChanges = group && group.firstRow === rowNumber ? group.productChanges : [];
  const here = stock.of.get(read);
  const stockChanges: Change[] = here && here.before !== here.onHand ? [{ field: 'stock', before: here.before, after: here.onHand }] : [];
  const changes = [...productChanges, ...(variantChanges.get(rowNumber) ?? []), ...stockChanges];
  const key = read.existing?.sku ?? read.reader.raw('sku');
  const title = [group?.values.title ?? group?.existing?.title ?? '', ...read.variant.options.filter((v) => v !== null)].filter((t) => t !== '').join(' / ');
  const label = here ? `${title} @ ${here.location.name}` : title;
  const issues = read.reader.issues;
  const notes: ImportNotice[] = [...(stock.notes.get(read) ?? [])];
  const creates = (group !== undefined && !group.existing) || (read.hasVariant && !(read.variantRow ?? read).existing);
  let outcome: RowPlan['outcome'];
  if (issues.length > 0) outcome = 'error';
  else if (!read.hasVariant && changes.length === 0) {
    // Nothing of its own to write (its image or product values go with the product): not a "new" row.
    outcome = 'skip';
    notes.push(notice(read.woo === 'variable' ? 'variableParent' : 'imageOnlyRow'));
  } else if (creates) outcome = 'create';
  else outcome = changes.length > 0 ? 'update' : 'unchanged';
  const shown = outcome === 'create' ? builtWhenShown : changes;
  return { row: rowNumber, outcome, key, label, changes: shown, issues, ...(notes.length > 0 ? { notes } : {}) };
}

/** The row a new product's own values are shown on: its first variant row (not a WooCommerce parent or image row). */
function productRowOf(group: ProductGroup): number {
  return (group.rows.find((read) => read.hasVariant && !read.variantRow) ?? group.rows[0])?.reader.rowNumber ?? group.firstRow;
}

function createdChanges(read: ProductRowRead, group: ProductGroup | undefined, stock: number | undefined): Change[] {
  const changes: Change[] = [];
  const push = (field: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') changes.push({ field, before: null, after: value });
  };
  if (group && !group.existing && productRowOf(group) === read.reader.rowNumber) {
    push('title', group.values.title);
    push('brand', group.values.brand);
    push('category', group.values.category);
  }
  if (read.hasVariant && !read.variantRow) {
    push('sku', read.variant.sku);
    push('price', read.variant.price);
    push('compareAtPrice', read.variant.compareAtPrice);
    push('cost', read.variant.cost);
    push('barcode', read.variant.barcode);
    push('weightGrams', read.variant.weightGrams);
  }
  push('stock', stock);
  return changes;
}

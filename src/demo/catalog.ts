// Catalogue of the demo shop: categories, tags, products with life cycles and
// Zipf-like popularity, variants (SKU, EAN-13, prices, cost, weight), suppliers
// and supplier items. Kept in memory too: the order simulation needs it.
import { LEAVES, PARENTS, PRICE_FACTOR, ean13, shapeFor, type Kind } from './catalog-spec.js';
import type { Rng } from './prng.js';
import type { StockingPolicy } from './stocking.js';
import type { StepContext } from './writer.js';

/** 'retired': archived before the two-year window (stocking.ts), never stocked or sold in it. */
export type Life = 'steady' | 'slow' | 'dead' | 'discontinued' | 'draft' | 'retired';

export interface Product {
  id: number;
  leaf: number;
  kind: Kind;
  life: Life;
  /** Day index (0..729) of launch; negative = launched before the two-year window. */
  launchDay: number;
  /** Day index from which it no longer sells (730 = still selling). */
  endDay: number;
  pop: number;
  firstVariant: number;
  variantCount: number;
  /** Days of expected demand bought per receipt. */
  coverDays: number;
  packSize: number;
  moq: number;
  /** Deep tail (stocking.ts): bought by the piece, stocked once first ordered, planned from its long-run rate. */
  tail?: boolean;
}

export interface Catalog {
  products: Product[];
  /** Per variant (index = id - 1). */
  productOf: Int32Array;
  price: Int32Array;
  cost: Int32Array;
  weight: Float64Array;
  sku: string[];
  lineTitle: string[];
  /** Day from which a variant is no longer restocked (stock-outs at the end); 9999 = always restocked. */
  noRestockFrom: Int16Array;
  /** Category id of each top-level category key (PARENTS). */
  parentCategory: Map<string, number>;
  /** Per variant: preferred supplier (1-based id), its lead time, unit cost in its currency and its SKU (purchase orders). */
  supplierOf: Int32Array;
  leadTime: Int16Array;
  supplierUnitCost: Int32Array;
  supplierSku: string[];
  /** Currency of each supplier (index = id - 1). */
  supplierCurrency: string[];
}

const LIFE_WEIGHTS: Record<Exclude<Life, 'retired'>, number> = { steady: 71, slow: 14, dead: 5, discontinued: 6, draft: 4 };
const VARIANT_COUNTS = [1, 2, 3, 4, 6];
const VARIANT_COUNT_WEIGHTS = [25, 20, 20, 20, 15];
// Small shops buy most items by the piece or in small packs; only a few come in cartons.
const PACK: Record<Kind, number[]> = { apparel: [1, 1, 5], footwear: [1], fragile: [1, 1, 6], electronics: [1, 5, 10], general: [1, 1, 6, 12] };
/**
 * Yuan per US dollar in the demo (a fixed, realistic rate, so the file stays
 * deterministic): a supplier invoicing in the other currency quotes its
 * prices converted at this rate, and the shop remembers it as the rate its
 * receipts from that supplier are valued at.
 */
export const demoYuanPerDollar = 7.2;

/** A cost in shop-currency minor units as the supplier quotes it in its own currency (minor units, to the jiao / cent). */
export function supplierCost(shopCost: number, shopCurrency: string, supplierCurrency: string): number {
  if (shopCurrency === supplierCurrency) return shopCost;
  // USD shop, CNY supplier: dollars → yuan, quoted to the jiao; CNY shop, USD supplier: yuan → dollars, to the cent.
  return shopCurrency === 'USD' ? Math.round((shopCost * demoYuanPerDollar) / 10) * 10 : Math.max(1, Math.round(shopCost / demoYuanPerDollar));
}

/** Shop-currency units per one unit of the supplier's currency (how receipts state the rate). */
export function shopUnitsPerSupplierUnit(shopCurrency: string, supplierCurrency: string): number {
  if (shopCurrency === supplierCurrency) return 1;
  return shopCurrency === 'USD' ? Math.round(10_000 / demoYuanPerDollar) / 10_000 : demoYuanPerDollar;
}

/** Price in minor units with a shop-style ending: $x.99 / ¥x9.00 or ¥x9.90. */
export function retailPrice(major: number, cny: boolean, rng: Rng): number {
  if (!cny) return Math.max(1, Math.floor(major)) * 100 + (rng.chance(0.8) ? 99 : 49);
  const tens = Math.max(1, Math.round(major / 10));
  return (tens * 10 - 1) * 100 + (rng.chance(0.6) ? 0 : 90);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface CatalogContext extends StepContext {
  targetVariants: number;
  supplierCount: number;
  nowIso: string;
  stocking: StockingPolicy;
}

export async function generateCatalog(ctx: CatalogContext): Promise<Catalog> {
  const { db, rng, words, writer } = ctx;
  const cny = words.currency === 'CNY';
  const dayMs = 86_400_000;
  const insertCategory = db.prepare('INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (?, ?, ?, ?, ?)');
  const catCreated = iso(ctx.windowStart - 400 * dayMs);
  const parentId = new Map<string, number>();
  let catId = 0;
  for (const parent of PARENTS) {
    const name = words.categories[parent] ?? parent;
    insertCategory.run(++catId, null, name, name, catCreated);
    parentId.set(parent, catId);
  }
  const leafCategory: number[] = [];
  for (const leaf of LEAVES) {
    const parentName = words.categories[leaf.parent] ?? leaf.parent;
    const name = words.categories[leaf.key] ?? leaf.key;
    insertCategory.run(++catId, parentId.get(leaf.parent) ?? null, name, `${parentName} > ${name}`, catCreated);
    leafCategory.push(catId);
  }
  const insertTag = db.prepare('INSERT INTO tags (id, name) VALUES (?, ?)');
  words.tags.forEach((tag, i) => insertTag.run(i + 1, tag));

  const suppliers = generateSuppliers(ctx);

  const insertProduct = db.prepare(`INSERT INTO products (id, handle, title, description, brand, category_id, status,
    option1_name, option2_name, option3_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertProductTag = db.prepare('INSERT INTO product_tags (product_id, tag_id) VALUES (?, ?)');
  const insertVariant = db.prepare(`INSERT INTO variants (id, product_id, sku, barcode, option1, option2, option3, price,
    compare_at_price, cost, weight_grams, status, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSupplierItem = db.prepare(`INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size,
    moq, lead_time_days, is_preferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  const leafWeights = LEAVES.map((l) => l.share);
  const lifeKeys = Object.keys(LIFE_WEIGHTS) as (keyof typeof LIFE_WEIGHTS)[];
  const { retiredShare, tailFromRank, noRestockShare } = ctx.stocking;
  const lifeWeights = lifeKeys.map((k) => LIFE_WEIGHTS[k]);
  const products: Product[] = [];
  const cap = ctx.targetVariants;
  const productOf = new Int32Array(cap);
  const price = new Int32Array(cap);
  const cost = new Int32Array(cap);
  const weight = new Float64Array(cap);
  const noRestockFrom = new Int16Array(cap).fill(9999);
  const supplierOf = new Int32Array(cap);
  const leadTimeOf = new Int16Array(cap);
  const supplierUnitCost = new Int32Array(cap);
  const supplierSku: string[] = [];
  const sku: string[] = [];
  const lineTitle: string[] = [];
  // The EAN prefix stands for the shop's GS1 company number; the variant id keeps codes unique.
  const eanPrefix = cny ? '692' : '081';
  let v = 0;
  while (v < cap) {
    const id = products.length + 1;
    const leafIndex = rng.weighted(leafWeights);
    const leaf = LEAVES[leafIndex] ?? LEAVES[0]!;
    // (No draw when nothing is retired, so a size without retirement keeps its content.)
    const life: Life = retiredShare > 0 && rng.chance(retiredShare) ? 'retired' : lifeKeys[rng.weighted(lifeWeights)] ?? 'steady';
    let launchDay: number;
    let endDay = 730;
    if (life === 'draft') launchDay = rng.int(700, 729);
    else if (life === 'retired') {
      // Sold for a season or two and archived before the window; not before the categories existed.
      endDay = -rng.int(20, 200);
      launchDay = endDay - rng.int(90, 190);
    }
    else if (life === 'dead' || life === 'discontinued') {
      launchDay = rng.int(-300, 450);
      endDay = rng.int(Math.max(launchDay, 0) + 45, 620);
    } else launchDay = rng.chance(0.35) ? -rng.int(1, 700) : rng.int(0, 725);
    const n = leaf.style === 'none' ? 1 : VARIANT_COUNTS[rng.weighted(VARIANT_COUNT_WEIGHTS)] ?? 1;
    const shape = shapeFor(leaf.style, Math.min(n, cap - v), rng);
    const qualifiers = words.qualifiers[leaf.kind] ?? [];
    const titleParts = [rng.pick(words.adjectives)];
    if (rng.chance(0.6) && qualifiers.length > 0) titleParts.push(rng.pick(qualifiers));
    titleParts.push(rng.pick(words.nouns[leaf.key] ?? ['Item']));
    const title = titleParts.join(words.joiner);
    const no = String(id).padStart(5, '0');
    const handle = `${leaf.prefix.toLowerCase()}-${no}`;
    const status = life === 'draft' ? 'draft' : life === 'discontinued' || life === 'retired' ? 'archived' : 'active';
    const createdMs = ctx.windowStart + launchDay * dayMs + rng.int(8, 11) * 3_600_000;
    const created = iso(createdMs);
    const updated = iso(Math.max(createdMs, ctx.windowStart + Math.min(729, Math.max(launchDay, endDay - 1)) * dayMs));
    const optionNames = shape.options.map((o) => words.optionNames[o] ?? o);
    const brand = rng.chance(0.92) ? rng.pick(words.brands) : null;
    const categoryName = words.categories[leaf.key] ?? leaf.key;
    insertProduct.run(id, handle, title, words.description(title, categoryName), brand, leafCategory[leafIndex] ?? null,
      status, optionNames[0] ?? null, optionNames[1] ?? null, optionNames[2] ?? null, created, updated);
    const tagCount = rng.int(0, 3);
    const tagIds = new Set<number>();
    for (let t = 0; t < tagCount; t++) tagIds.add(rng.int(1, words.tags.length));
    if (launchDay > 670) tagIds.add(1);
    if (life === 'dead') tagIds.add(12);
    for (const tagId of tagIds) insertProductTag.run(id, tagId);

    // Popularity: Zipf-like by a random rank, so a few products sell most.
    const rank = 1 + Math.floor(rng.next() * Math.max(100, cap / 3));
    const pop = (life === 'slow' ? 0.1 : 1) / Math.pow(rank, 0.6);
    const dollars = leaf.price[0] + (leaf.price[1] - leaf.price[0]) * rng.next() ** 1.6;
    const baseMajor = cny ? dollars * 7 : dollars;
    const hasCompare = rng.chance(0.2);
    const costShare = 0.3 + rng.next() * 0.3;
    const grams = rng.int(leaf.weight[0], leaf.weight[1]);
    const kindPacks = PACK[leaf.kind];
    const tail = tailFromRank !== null && (life === 'slow' || rank > tailFromRank * Math.max(100, cap / 3));
    // The deep tail is bought by the piece (drawn anyway, so the draws stay in step).
    const drawnPack = rng.pick(kindPacks);
    const drawnMoq = drawnPack * rng.int(1, 2);
    const packSize = tail ? 1 : drawnPack;
    const moq = tail ? 1 : drawnMoq;
    const preferred = rng.int(1, suppliers.length);
    const second = rng.chance(0.35) ? 1 + ((preferred + rng.int(0, suppliers.length - 2)) % suppliers.length) : 0;
    const product: Product = {
      id, leaf: leafIndex, kind: leaf.kind, life, launchDay, endDay, pop, firstVariant: v,
      variantCount: shape.variants.length, coverDays: rng.int(10, 28), packSize, moq, tail,
    };
    products.push(product);
    shape.variants.forEach((codes, position) => {
      const variantId = v + 1;
      const factor = codes.reduce((f, code) => f * (PRICE_FACTOR[code] ?? 1), 1);
      const p = retailPrice(baseMajor * factor, cny, rng);
      const compare = hasCompare ? retailPrice((p / 100) * (1.2 + rng.next() * 0.4), cny, rng) : null;
      const c = Math.round(p * costShare);
      const barcode = rng.chance(0.93) ? ean13(eanPrefix + String(variantId).padStart(9, '0')) : null;
      const skuText = [leaf.prefix, no, ...codes].join('-');
      const labels = codes.map((code) => words.values[code] ?? code);
      const vStatus = status === 'active' && rng.chance(0.01) ? 'archived' : status;
      insertVariant.run(variantId, id, skuText, barcode, labels[0] ?? null, labels[1] ?? null, labels[2] ?? null, p, compare, c,
        Math.max(1, Math.round(grams * (0.9 + rng.next() * 0.2))), vStatus, position + 1, created, updated);
      const leadTime = suppliers[preferred - 1]?.leadTime ?? 14;
      const quoted = (supplier: number, shopCost: number) => supplierCost(shopCost, words.currency, suppliers[supplier - 1]?.currency ?? words.currency);
      insertSupplierItem.run(preferred, variantId, `S${preferred}-${skuText}`, quoted(preferred, c), packSize, moq, leadTime, 1);
      supplierOf[v] = preferred;
      leadTimeOf[v] = leadTime;
      supplierUnitCost[v] = quoted(preferred, c);
      supplierSku.push(`S${preferred}-${skuText}`);
      if (second > 0) {
        const altCost = Math.round(c * (0.95 + rng.next() * 0.15));
        insertSupplierItem.run(second, variantId, `S${second}-${skuText}`, quoted(second, altCost), packSize, moq * 2,
          (suppliers[second - 1]?.leadTime ?? 14) + rng.int(-3, 10), 0);
      }
      productOf[v] = id - 1;
      price[v] = p;
      cost[v] = c;
      weight[v] = shape.weights[position] ?? 1;
      // A few steady sellers are not reordered near the end (the supplier is out): stock-outs to act on.
      if (life === 'steady' && rng.chance(noRestockShare)) noRestockFrom[v] = 730 - rng.int(5, 45);
      sku.push(skuText);
      lineTitle.push(labels.length > 0 ? `${title} - ${labels.join(' / ')}` : title);
      v++;
      writer.rows += 3;
    });
    if (writer.rows >= 20_000) {
      ctx.progress(v, cap);
      await writer.flush();
    }
  }
  return {
    products, productOf, price, cost, weight, sku, lineTitle, noRestockFrom, parentCategory: parentId,
    supplierOf, leadTime: leadTimeOf, supplierUnitCost, supplierSku, supplierCurrency: suppliers.map((s) => s.currency),
  };
}

interface SupplierInfo {
  leadTime: number;
  currency: string;
}

function generateSuppliers(ctx: CatalogContext): SupplierInfo[] {
  const { db, rng, words } = ctx;
  const insert = db.prepare(`INSERT INTO suppliers (id, name, contact_name, email, phone, currency, payment_terms,
    lead_time_days, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const out: SupplierInfo[] = [];
  // A supplier in the other currency: the rate its receipts are valued at is remembered (proposed on the next receipt).
  const rememberRate = db.prepare('INSERT INTO supplier_exchange_rates (supplier_id, currency, rate, updated_at) VALUES (?, ?, ?, ?)');
  const created = iso(ctx.windowStart - 200 * 86_400_000);
  for (let i = 0; i < ctx.supplierCount; i++) {
    const base = words.supplierNames[i % words.supplierNames.length] ?? 'Supplier';
    const round = Math.floor(i / words.supplierNames.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const leadTime = rng.pick([7, 10, 14, 14, 21, 30, 45]);
    const digits = String(rng.int(1_000_000, 9_999_999)) + String(rng.int(10, 99));
    // (Drawn in this order so a seed keeps giving the same suppliers.)
    const contact = rng.pick(words.contactNames);
    const currency = rng.chance(0.8) ? words.currency : words.currency === 'CNY' ? 'USD' : 'CNY';
    insert.run(i + 1, name, contact, `orders${i + 1}@supplier${i + 1}.example.com`,
      words.phone(digits), currency, rng.pick(words.paymentTerms), leadTime, '', created, ctx.nowIso);
    if (currency !== words.currency) rememberRate.run(i + 1, currency, shopUnitsPerSupplierUnit(words.currency, currency), ctx.nowIso);
    out.push({ leadTime, currency });
  }
  return out;
}

// One file row of a product import, read into product-level and
// variant-level values, whatever the file's dialect: Shopdesk's template,
// Shopify (continuation rows, image-only rows, "Default Title"), WooCommerce
// (variable parents, variations, regular vs sale price, kg), Chinese sheets
// (options named by their column headers).
import { barcodeProblem } from '../../catalog/barcode.js';
import type { Mapping } from '../mapping.js';
import { RowReader, type Maybe, type ReadSettings } from '../row-reader.js';
import { cellText, parseBoolean } from '../values.js';
import { normaliseCategoryPath, type CatalogSnapshot, type CatalogVariant } from './products-catalog.js';
import { isWooCommerceFile } from './woo-file.js';
import { statusWords } from './products-fields.js';
import type { ImportRow, PlanInput } from './target.js';

export type WooKind = 'simple' | 'variable' | 'variation' | null;
const wooKinds = new Set(['simple', 'variable', 'variation']);

export interface ProductValues {
  handle: Maybe<string>;
  title: Maybe<string>;
  description: Maybe<string>;
  brand: Maybe<string>;
  category: Maybe<string>;
  status: Maybe<string>;
  tags: Maybe<string[]>;
  images: Maybe<string[]>;
  optionNames: (string | null)[];
}

export interface VariantValues {
  sku: Maybe<string>;
  barcode: Maybe<string>;
  price: Maybe<number>;
  compareAtPrice: Maybe<number>;
  cost: Maybe<number>;
  weightGrams: Maybe<number>;
  status: Maybe<string>;
  options: (string | null)[];
}

export interface ProductRowRead {
  reader: RowReader;
  woo: WooKind;
  wooId: string;
  wooParent: string;
  product: ProductValues;
  variant: VariantValues;
  /** False for Shopify image-only rows and WooCommerce variable parents. */
  hasVariant: boolean;
  existing: CatalogVariant | undefined;
  /**
   * The earlier row of the same SKU, when this row only brings the variant's stock at
   * another location (one row per warehouse); its variant is that row's.
   */
  variantRow?: ProductRowRead;
}

const optionFields = [
  ['option1Name', 'option1Value'],
  ['option2Name', 'option2Value'],
  ['option3Name', 'option3Value'],
] as const;

/** One read-settings object per plan, shared by its rows' readers (each row is kept until the session closes). */
const settingsOfPlan = new WeakMap<PlanInput, ReadSettings>();

function readSettings(input: PlanInput): ReadSettings {
  let settings = settingsOfPlan.get(input);
  if (!settings) {
    settings = { blankClears: input.options.blankClears, decimalComma: input.decimalComma };
    settingsOfPlan.set(input, settings);
  }
  return settings;
}

export function readProductRow(row: ImportRow, input: PlanInput, catalog: CatalogSnapshot): ProductRowRead {
  const reader = new RowReader(input.mapping, row, readSettings(input));
  const typeText = reader.raw('wooType').toLowerCase();
  const woo = (wooKinds.has(typeText) ? typeText : null) as WooKind;
  const product: ProductValues = {
    handle: reader.text('handle', 255),
    title: reader.text('title', 255),
    // A leading TAB is kept; WooCommerce's `\n` escapes become line breaks (targets/woo-file.ts).
    description: reader.prose('description', 65_535, { wooLineBreaks: isWooCommerceFile(input.mapping) }),
    brand: reader.text('brand', 120),
    category: categoryOf(reader),
    status: statusOf(reader),
    tags: reader.list('tags'),
    images: reader.list('images'),
    // Three slots from the start, filled below: an array grown by push reserves room for 17, and
    // every planned row keeps its options until the session closes.
    optionNames: [null, null, null],
  };
  const options: (string | null)[] = [null, null, null];
  for (const [index, [nameField, valueField]] of optionFields.entries()) {
    const value = reader.raw(valueField);
    // A value column without a name column is named by its header (颜色, 尺码 …).
    // (Only where a value is given: a product without colours in a sheet with a 颜色 column has no options.)
    const name = reader.raw(nameField) || (value !== '' && reader.has(valueField) && !reader.has(nameField) ? genericName(input.mapping, valueField) : '');
    product.optionNames[index] = name === '' ? null : name;
    // WooCommerce parents list every value ("White, Blue"); only variations carry one.
    options[index] = value === '' || woo === 'variable' ? null : value;
  }
  // Shopify marks a product without options as Option1 "Title" = "Default Title".
  if (product.optionNames[0]?.toLowerCase() === 'title' && options[0]?.toLowerCase() === 'default title') {
    product.optionNames[0] = null;
    options[0] = null;
  }
  const prices = pricesOf(reader);
  const variant: VariantValues = {
    sku: reader.text('sku', 100),
    barcode: barcodeOf(reader, catalog.barcodeMode),
    price: prices.price,
    compareAtPrice: prices.compareAtPrice,
    cost: reader.money('cost'),
    weightGrams: weightOf(reader),
    status: reader.choice('variantStatus', statusWords),
    options,
  };
  const hasVariant =
    woo !== 'variable' &&
    (reader.raw('sku') !== '' || options.some((value) => value !== null) || reader.raw('price') !== '' || reader.raw('variantId') !== '');
  return {
    reader,
    woo,
    wooId: reader.raw('wooId'),
    wooParent: reader.raw('wooParent'),
    product,
    variant,
    hasVariant,
    existing: hasVariant ? matchExisting(reader, catalog) : undefined,
  };
}

function genericName(mapping: Mapping, valueField: string): string {
  const header = mapping.header(valueField) ?? '';
  // Template-like headers ("Option1 value") say nothing about the option: call it "Option 1".
  return /^(option|attribute|规格|属性)\s*\d/i.test(header) ? `Option ${valueField.charAt(6)}` : header;
}

function categoryOf(reader: RowReader): Maybe<string> {
  const text = reader.text('category', 500);
  if (text === undefined || text === null) return text;
  // WooCommerce lists several categories ("A > B, C"); the first is the product's category here.
  return normaliseCategoryPath(text.split(/[,，]/)[0] ?? text);
}

function statusOf(reader: RowReader): Maybe<string> {
  const status = reader.choice('productStatus', statusWords);
  if (status !== undefined || !reader.has('published')) return status;
  // WooCommerce: 1 published, 0 draft, -1 private.
  const published = reader.read('published', (cell) => (cellText(cell) === '-1' ? { ok: true, value: false } : parseBoolean(cell)));
  return published === undefined || published === null ? undefined : published ? 'active' : 'draft';
}

function pricesOf(reader: RowReader): { price: Maybe<number>; compareAtPrice: Maybe<number> } {
  const price = reader.money('price');
  const compareAtPrice = reader.money('compareAtPrice');
  if (!reader.has('regularPrice') && !reader.has('salePrice')) return { price, compareAtPrice };
  // WooCommerce: the sale price, when set, is what customers pay; the regular price is then struck through.
  const regular = reader.money('regularPrice');
  const sale = reader.money('salePrice');
  if (typeof sale === 'number') return { price: sale, compareAtPrice: regular ?? compareAtPrice };
  return { price: regular ?? price, compareAtPrice: compareAtPrice ?? (reader.has('salePrice') ? null : undefined) };
}

function barcodeOf(reader: RowReader, mode: 'gtin' | 'free'): Maybe<string> {
  const code = reader.text('barcode', 64);
  if (typeof code !== 'string') return code;
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(code)) {
    reader.issue('barcode', 'scientificNotation', { value: code });
    return undefined;
  }
  if (barcodeProblem(code, mode) !== null) {
    reader.issue('barcode', 'badBarcode', { value: code });
    return undefined;
  }
  return code;
}

function weightOf(reader: RowReader): Maybe<number> {
  // Both read in the file's decimal mark (0,35 kg; 350,5 g): weights are stored in whole grams.
  const grams = reader.decimal('weightGrams', { min: 0 });
  if (grams !== undefined || !reader.has('weightKg')) return grams === null ? null : grams === undefined ? undefined : Math.round(grams);
  const kg = reader.decimal('weightKg', { min: 0 });
  return kg === undefined || kg === null ? kg : Math.round(kg * 1000);
}

function matchExisting(reader: RowReader, catalog: CatalogSnapshot): CatalogVariant | undefined {
  const idText = reader.raw('variantId');
  if (idText !== '') {
    const id = Number(idText);
    const variant = Number.isInteger(id) ? catalog.variantById(id) : undefined;
    if (!variant) reader.issue('variantId', 'unknownVariantId', { value: idText });
    return variant;
  }
  const sku = reader.raw('sku');
  return sku === '' ? undefined : catalog.variantBySku(sku);
}

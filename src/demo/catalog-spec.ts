// What the demo catalogue is made of: a category tree whose leaves know their
// SKU prefix, kind (drives return reasons and rates), option layout, price and
// weight ranges, and share of the catalogue.
import type { Rng } from './prng.js';

export type Kind = 'apparel' | 'footwear' | 'fragile' | 'electronics' | 'general';
type Style = 'apparel' | 'shoes' | 'colour' | 'material' | 'bed' | 'shade' | 'volume' | 'cable' | 'none';

export interface Leaf {
  key: string;
  parent: string;
  prefix: string;
  kind: Kind;
  style: Style;
  /** Price range in US dollars; CNY shops multiply by about 7. */
  price: [number, number];
  weight: [number, number];
  share: number;
}

export const PARENTS = ['apparel', 'footwear', 'home', 'beauty', 'electronics', 'toys'];

export const LEAVES: Leaf[] = [
  { key: 'hoodies', parent: 'apparel', prefix: 'HOD', kind: 'apparel', style: 'apparel', price: [35, 90], weight: [450, 800], share: 9 },
  { key: 'tshirts', parent: 'apparel', prefix: 'TEE', kind: 'apparel', style: 'apparel', price: [12, 40], weight: [150, 260], share: 12 },
  { key: 'dresses', parent: 'apparel', prefix: 'DRS', kind: 'apparel', style: 'apparel', price: [30, 120], weight: [250, 500], share: 8 },
  { key: 'jeans', parent: 'apparel', prefix: 'JNS', kind: 'apparel', style: 'apparel', price: [40, 110], weight: [500, 800], share: 6 },
  { key: 'jackets', parent: 'apparel', prefix: 'JKT', kind: 'apparel', style: 'apparel', price: [60, 220], weight: [600, 1400], share: 5 },
  { key: 'sneakers', parent: 'footwear', prefix: 'SNK', kind: 'footwear', style: 'shoes', price: [45, 160], weight: [700, 1100], share: 7 },
  { key: 'boots', parent: 'footwear', prefix: 'BOT', kind: 'footwear', style: 'shoes', price: [70, 220], weight: [1000, 1800], share: 4 },
  { key: 'sandals', parent: 'footwear', prefix: 'SND', kind: 'footwear', style: 'shoes', price: [20, 70], weight: [300, 600], share: 3 },
  { key: 'kitchen', parent: 'home', prefix: 'KIT', kind: 'fragile', style: 'material', price: [9, 90], weight: [200, 2500], share: 8 },
  { key: 'bedding', parent: 'home', prefix: 'BED', kind: 'general', style: 'bed', price: [25, 150], weight: [600, 2500], share: 4 },
  { key: 'decor', parent: 'home', prefix: 'DEC', kind: 'fragile', style: 'colour', price: [12, 120], weight: [300, 3000], share: 5 },
  { key: 'skincare', parent: 'beauty', prefix: 'SKN', kind: 'general', style: 'volume', price: [10, 80], weight: [60, 300], share: 6 },
  { key: 'makeup', parent: 'beauty', prefix: 'MKP', kind: 'general', style: 'shade', price: [8, 45], weight: [20, 120], share: 5 },
  { key: 'chargers', parent: 'electronics', prefix: 'CHG', kind: 'electronics', style: 'cable', price: [9, 60], weight: [40, 400], share: 6 },
  { key: 'cases', parent: 'electronics', prefix: 'CAS', kind: 'electronics', style: 'colour', price: [10, 45], weight: [30, 90], share: 5 },
  { key: 'headphones', parent: 'electronics', prefix: 'HPH', kind: 'electronics', style: 'colour', price: [20, 250], weight: [50, 400], share: 4 },
  { key: 'building', parent: 'toys', prefix: 'BLD', kind: 'general', style: 'none', price: [15, 150], weight: [300, 2500], share: 2 },
  { key: 'plush', parent: 'toys', prefix: 'PLS', kind: 'general', style: 'colour', price: [10, 45], weight: [150, 600], share: 3 },
];

/** Returns per fulfilled line by kind, and the reasons: fit dominates clothes and shoes. */
export const RETURNS: Record<Kind, { rate: number; reasons: Record<string, number> }> = {
  apparel: { rate: 0.08, reasons: { too_small: 34, too_large: 27, colour_differs: 10, changed_mind: 12, not_as_described: 8, defective: 4, wrong_item: 3, late_delivery: 2 } },
  footwear: { rate: 0.07, reasons: { too_small: 36, too_large: 30, changed_mind: 12, not_as_described: 8, defective: 6, colour_differs: 4, wrong_item: 4 } },
  electronics: { rate: 0.03, reasons: { defective: 45, not_as_described: 15, changed_mind: 14, damaged_in_transit: 8, wrong_item: 8, late_delivery: 5, other: 5 } },
  fragile: { rate: 0.03, reasons: { damaged_in_transit: 45, changed_mind: 17, defective: 12, not_as_described: 10, colour_differs: 8, wrong_item: 5, other: 3 } },
  general: { rate: 0.02, reasons: { changed_mind: 35, not_as_described: 15, defective: 15, damaged_in_transit: 10, colour_differs: 10, wrong_item: 5, late_delivery: 5, other: 5 } },
};

const COLOURS = ['BLK', 'WHT', 'NAV', 'GRY', 'RED', 'GRN', 'BEI', 'PNK', 'BLU', 'BRN'];
const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SIZE_WEIGHT: Record<string, number> = { XS: 0.4, S: 1, M: 1.7, L: 1.5, XL: 0.8, XXL: 0.4, ONE: 1 };
/** Variant price factors for bigger sizes/volumes/lengths. */
export const PRICE_FACTOR: Record<string, number> = { KNG: 1.3, QUN: 1.15, ML50: 1.4, ML100: 2.2, M2: 1.1, M3: 1.2 };

export interface Shape {
  /** Option keys (see Words.optionNames), one per option. */
  options: string[];
  /** Per variant, one value code per option. */
  variants: string[][];
  /** Relative demand per variant (middle sizes sell most). */
  weights: number[];
}

function distinct(rng: Rng, pool: readonly string[], n: number): string[] {
  const copy = [...pool];
  rng.shuffle(copy);
  return copy.slice(0, Math.min(n, copy.length));
}

function cross(dims: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const dim of dims) out = out.flatMap((prefix) => dim.map((v) => [...prefix, v]));
  return out;
}

/** Split n variants into (a, b) value counts for a two-option product. */
function split(n: number, maxB: number): [number, number] {
  if (n === 6) return maxB >= 3 ? [2, 3] : [3, 2];
  if (n === 4) return maxB >= 4 ? [1, 4] : [2, 2];
  return [1, Math.min(n, maxB)];
}

export function shapeFor(style: Style, n: number, rng: Rng): Shape {
  let options: string[];
  let dims: string[][];
  switch (style) {
    case 'apparel': {
      const [c, s] = split(n, 4);
      const start = s === 1 ? -1 : rng.int(1, 5 - s);
      options = ['colour', 'size'];
      dims = [distinct(rng, COLOURS, c), s === 1 ? ['ONE'] : APPAREL_SIZES.slice(start, start + s)];
      break;
    }
    case 'shoes': {
      const [c, s] = split(n, 4);
      const start = rng.int(37, 43 - s);
      options = ['colour', 'size'];
      dims = [distinct(rng, COLOURS, c), Array.from({ length: s }, (_, i) => String(start + i))];
      break;
    }
    case 'material':
      options = n > 4 ? ['material', 'colour'] : ['material'];
      dims = n > 4 ? [distinct(rng, ['STL', 'CER', 'GLS'], 3), distinct(rng, COLOURS, 2)] : [distinct(rng, ['STL', 'CER', 'GLS', 'BMB'], n)];
      break;
    case 'bed': {
      const [c, s] = n === 6 ? [2, 3] : n === 4 ? [2, 2] : [1, Math.min(n, 3)];
      options = ['bed', 'colour'];
      dims = [['TWN', 'QUN', 'KNG'].slice(3 - s), distinct(rng, COLOURS, c)];
      break;
    }
    case 'shade':
      options = ['shade'];
      dims = [['S01', 'S02', 'S03', 'S04', 'S05', 'S06'].slice(0, n)];
      break;
    case 'volume':
      options = ['volume'];
      dims = [['ML30', 'ML50', 'ML100'].slice(0, Math.min(n, 3))];
      break;
    case 'cable': {
      // Three options: colour × length × connector.
      const table: Record<number, [number, number, number]> = { 1: [1, 1, 1], 2: [1, 1, 2], 3: [1, 3, 1], 4: [2, 1, 2], 6: [1, 3, 2] };
      const [c, l, k] = table[n] ?? [1, 1, 1];
      options = ['colour', 'length', 'connector'];
      dims = [distinct(rng, ['BLK', 'WHT'], c), ['M1', 'M2', 'M3'].slice(0, l), ['USBC', 'LTG'].slice(0, k)];
      break;
    }
    case 'colour':
      options = ['colour'];
      dims = [distinct(rng, COLOURS, n)];
      break;
    case 'none':
      options = [];
      dims = [];
      break;
  }
  const variants = cross(dims);
  const weights = variants.map((codes, i) => {
    let w = i === 0 ? 1.3 : 1;
    for (const code of codes) w *= SIZE_WEIGHT[code] ?? 1;
    return w * (0.7 + rng.next() * 0.6);
  });
  return { options, variants, weights };
}

/** EAN-13 check digit over the first 12 digits. */
export function ean13(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return twelve + String((10 - (sum % 10)) % 10);
}

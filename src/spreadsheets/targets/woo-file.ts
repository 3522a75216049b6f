// Whether a product file comes from WooCommerce's exporter, by its headers.
// It matters for text: that exporter writes a line break inside a description
// as the two characters `\n`, which its own importer turns back into a line
// break. Only WooCommerce files get that treatment: elsewhere `\n` may be
// meant literally (a path such as C:\new, a code sample, a regular expression).
import { normaliseHeader, type Mapping } from '../mapping.js';

/** Headers only WooCommerce's exporter writes, normalised as mapping.ts does. */
const wooOnlyHeaders = new Set(
  ['Is featured?', 'Visibility in catalog', 'Visibility in catalogue', 'Short description', 'Tax status', 'Tax class', 'In stock?', 'Backorders allowed?', 'Sold individually?', 'Allow customer reviews?', 'Purchase note', 'Date sale price starts'].map(normaliseHeader),
);

const known = new WeakMap<Mapping, boolean>();

/** A "Type" column (simple / variable / variation) with a "Parent" column or another header only WooCommerce writes. */
export function isWooCommerceFile(mapping: Mapping): boolean {
  let woo = known.get(mapping);
  if (woo === undefined) {
    woo = mapping.has('wooType') && (mapping.has('wooParent') || mapping.headers.some((header) => wooOnlyHeaders.has(normaliseHeader(header))));
    known.set(mapping, woo);
  }
  return woo;
}

// ABC classification (metrics.md "Products and stock"): rank every SKU by its
// measure (net sales or gross profit in the window) descending, ties by SKU;
// a SKU whose cumulative share of the total BEFORE it is under 80 % is A (so
// the SKU that crosses 80 % is still A), else under 95 % is B, else C; a SKU
// with no sales (value ≤ 0) is C. Pure: no database, no clock.

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcInput {
  variantId: number;
  sku: string;
  title: string;
  /** The measure in minor units; may be negative (refunds, loss-making SKUs). */
  value: number;
}

export interface AbcRow extends AbcInput {
  rank: number;
  /** Σ values ranked before this SKU ÷ the total of all SKUs; null when the total is not positive. */
  cumulativeShareBefore: number | null;
  class: AbcClass;
}

export interface AbcSummary {
  class: AbcClass;
  skus: number;
  shareOfSkus: number | null;
  value: number;
  shareOfMeasure: number | null;
}

/** Ties by SKU in UTF-16 code-unit order (SQLite's BINARY order for all but astral characters), not by locale. */
const bySku = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The total is the sum of ALL SKUs' values (the shop's net sales or gross profit
 * over the window's SKU lines), so the shares add up to the figure the owner sees.
 * Comparisons are done in integers (5·before < 4·total ⇔ before/total < 80 %),
 * so a SKU exactly at 80 % is never misplaced by floating-point rounding.
 */
export function classifyAbc(items: readonly AbcInput[]): AbcRow[] {
  const ranked = [...items].sort((a, b) => b.value - a.value || bySku(a.sku, b.sku));
  const total = ranked.reduce((sum, item) => sum + item.value, 0);
  let before = 0;
  return ranked.map((item, index) => {
    let cls: AbcClass = 'C';
    if (total > 0 && item.value > 0) {
      if (5 * before < 4 * total) cls = 'A';
      else if (20 * before < 19 * total) cls = 'B';
    }
    const row: AbcRow = {
      variantId: item.variantId,
      sku: item.sku,
      title: item.title,
      value: item.value,
      rank: index + 1,
      cumulativeShareBefore: total > 0 ? before / total : null,
      class: cls,
    };
    before += item.value;
    return row;
  });
}

/** SKU count, value and shares per class (A, B, C always present). One pass: 100,000 rows. */
export function summarizeAbc(rows: readonly AbcRow[]): AbcSummary[] {
  const skus = { A: 0, B: 0, C: 0 };
  const values = { A: 0, B: 0, C: 0 };
  let total = 0;
  for (const row of rows) {
    skus[row.class] += 1;
    values[row.class] += row.value;
    total += row.value;
  }
  return (['A', 'B', 'C'] as const).map((cls) => ({
    class: cls,
    skus: skus[cls],
    shareOfSkus: rows.length === 0 ? null : skus[cls] / rows.length,
    value: values[cls],
    shareOfMeasure: total > 0 ? values[cls] / total : null,
  }));
}

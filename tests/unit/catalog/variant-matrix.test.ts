import { describe, expect, it } from 'vitest';
import { buildVariantMatrix, optionCodes } from '../../../src/catalog/variant-matrix.js';

describe('variant matrix', () => {
  it('builds the cartesian product in order with suggested SKUs', () => {
    const result = buildVariantMatrix(
      [
        { name: 'Colour', values: ['Black', 'Blue'] },
        { name: 'Size', values: ['S', 'M', 'L'] },
      ],
      'hod-001',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variants.map((v) => v.options.join('/'))).toEqual(['Black/S', 'Black/M', 'Black/L', 'Blue/S', 'Blue/M', 'Blue/L']);
    expect(result.variants.map((v) => v.suggestedSku)).toEqual([
      'HOD001-BLA-S',
      'HOD001-BLA-M',
      'HOD001-BLA-L',
      'HOD001-BLU-S',
      'HOD001-BLU-M',
      'HOD001-BLU-L',
    ]);
  });

  it('gives one default variant without options, and three options multiply', () => {
    const none = buildVariantMatrix([], 'tea');
    expect(none.ok && none.variants).toEqual([{ options: [], suggestedSku: 'TEA' }]);
    const three = buildVariantMatrix(
      [
        { name: 'A', values: ['1', '2'] },
        { name: 'B', values: ['x', 'y'] },
        { name: 'C', values: ['p', 'q', 'r'] },
      ],
      'k',
    );
    expect(three.ok && three.variants.length).toBe(12);
    expect(three.ok && three.variants[11]?.suggestedSku).toBe('K-2-Y-R');
  });

  it('keeps codes distinct when the first three letters clash or there are none', () => {
    expect(optionCodes(['Light Blue', 'Light Brown', 'Red'])).toEqual(['LIGHTBLUE', 'LIGHTBROWN', 'RED']);
    expect(optionCodes(['红色', '蓝色'])).toEqual(['1', '2']);
  });

  it('refuses more than three options, duplicates and empties', () => {
    const four = buildVariantMatrix(
      ['a', 'b', 'c', 'd'].map((name) => ({ name, values: ['1'] })),
      'x',
    );
    expect(!four.ok && four.issues.map((i) => i.key)).toEqual(['tooManyOptions']);
    const bad = buildVariantMatrix(
      [
        { name: 'Size', values: ['S', 's '] },
        { name: 'size', values: [] },
        { name: '', values: [''] },
      ],
      'x',
    );
    expect(!bad.ok && bad.issues.map((i) => `${i.path}:${i.key}`)).toEqual([
      'options.0.values.1:optionValueDuplicate',
      'options.1.name:optionNameDuplicate',
      'options.1.values:optionValuesEmpty',
      'options.2.name:optionNameEmpty',
      'options.2.values.0:optionValueEmpty',
    ]);
  });
});

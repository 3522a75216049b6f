// AG Grid's sort/filter models → products.list input.
import { describe, expect, it } from 'vitest';
import { variantListInputSchema } from '../../../src/catalog/contract.js';
import { toFilters, toSort } from '../../../renderer/src/pages/products/grid-query.js';
import { currencyFractionDigits, formatMoney, majorToMinor } from '../../../renderer/src/i18n/format.js';

const labels = { active: 'Active', draft: 'Draft', archived: 'Archived' } as const;
const context = { currency: 'USD', statusLabel: (status: keyof typeof labels) => labels[status] };

describe('toSort', () => {
  it('maps colId/sort and drops unknown columns', () => {
    expect(toSort([{ colId: 'price', sort: 'desc' }, { colId: 'nope', sort: 'asc' }])).toEqual([
      { column: 'price', direction: 'desc' },
    ]);
    expect(toSort('garbage')).toEqual([]);
  });
});

describe('toFilters', () => {
  it('maps a simple text filter', () => {
    const filters = toFilters({ sku: { filterType: 'text', type: 'contains', filter: 'ABC' } }, context);
    expect(filters).toEqual({ sku: { kind: 'text', join: 'and', conditions: [{ op: 'contains', value: 'ABC' }] } });
  });

  it('maps two joined number conditions on money, converting major to minor units', () => {
    const filters = toFilters(
      {
        price: {
          filterType: 'number',
          operator: 'OR',
          conditions: [
            { filterType: 'number', type: 'lessThan', filter: 5 },
            { filterType: 'number', type: 'inRange', filter: 19.99, filterTo: 25 },
          ],
        },
      },
      context,
    );
    expect(filters.price).toEqual({
      kind: 'number',
      join: 'or',
      conditions: [
        { op: 'lessThan', value: 500 },
        { op: 'inRange', value: 1999, valueTo: 2500 },
      ],
    });
    expect(variantListInputSchema.safeParse({ filters }).success).toBe(true);
  });

  it('does not scale non-money numbers and uses the currency fraction digits', () => {
    expect(toFilters({ onHand: { type: 'greaterThan', filter: 3 } }, context).onHand).toEqual({
      kind: 'number',
      join: 'and',
      conditions: [{ op: 'greaterThan', value: 3 }],
    });
    expect(toFilters({ price: { type: 'equals', filter: 1200 } }, { ...context, currency: 'JPY' }).price).toEqual({
      kind: 'number',
      join: 'and',
      conditions: [{ op: 'equals', value: 1200 }],
    });
  });

  it('maps status text to a set of statuses via the labels', () => {
    expect(toFilters({ status: { type: 'contains', filter: 'act' } }, context).status).toEqual({ kind: 'set', values: ['active'] });
    expect(toFilters({ status: { type: 'notEqual', filter: 'draft' } }, context).status).toEqual({
      kind: 'set',
      values: ['active', 'archived'],
    });
  });

  it('ignores empty conditions and unknown columns', () => {
    expect(toFilters({ sku: { type: 'contains', filter: '' }, bogus: { type: 'contains', filter: 'x' } }, context)).toEqual({});
    expect(toFilters({ sku: { type: 'blank' } }, context)).toEqual({ sku: { kind: 'text', join: 'and', conditions: [{ op: 'blank' }] } });
  });
});

describe('money', () => {
  it('uses Intl fraction digits', () => {
    expect(currencyFractionDigits('USD')).toBe(2);
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('KWD')).toBe(3);
    expect(majorToMinor(19.99, 'USD')).toBe(1999);
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
  });
});

// zod's complaints become stable keys a person can be told in their language,
// judged by what was actually sent: letters in a number field are "not a
// number" (not "wrong type"), an empty one is "required", a bound keeps its
// number so the text can say "must be 365 or less".
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src/contract.js';
import { zodIssuesToFieldIssues } from '../../src/router.js';

function issuesOf(method: MethodName, input: Record<string, unknown>) {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return zodIssuesToFieldIssues(parsed.error.issues, input).map(({ path, key, params }) => ({ path, key, ...(params ? { params } : {}) }));
}

const supplier = { name: 'Lotus', currency: 'USD' };

describe('validation keys', () => {
  it('says "not a number" for letters (sent as text or as NaN) and "required" for nothing', () => {
    const count = (counted: unknown) => issuesOf('stocktakes.count', { stocktakeId: 1, lines: [{ variantId: 5, counted: 3 }, { variantId: 6, counted: 1 }, { variantId: 7, counted }] });
    expect(count('abc')).toEqual([{ path: 'lines.2.counted', key: 'notANumber' }]);
    expect(count('NaN')).toEqual([{ path: 'lines.2.counted', key: 'notANumber' }]);
    expect(count(Number.NaN)).toEqual([{ path: 'lines.2.counted', key: 'notANumber' }]);
    expect(count(null)).toEqual([{ path: 'lines.2.counted', key: 'required' }]);
    expect(count(2.5)).toEqual([{ path: 'lines.2.counted', key: 'notInteger' }]);
  });

  it('keeps a schema’s own key and adds the bound it broke', () => {
    const count = issuesOf('stocktakes.count', { stocktakeId: 1, lines: [{ variantId: 5, counted: -1 }] });
    expect(count).toEqual([{ path: 'lines.0.counted', key: 'negativeQuantity', params: { minimum: 0 } }]);
  });

  it('names bounds of numbers, texts and lists', () => {
    expect(issuesOf('suppliers.create', { ...supplier, leadTimeDays: 400 })).toEqual([{ path: 'leadTimeDays', key: 'tooBig', params: { maximum: 365 } }]);
    expect(issuesOf('suppliers.create', { ...supplier, leadTimeDays: -2 })).toEqual([{ path: 'leadTimeDays', key: 'tooSmall', params: { minimum: 0 } }]);
    expect(issuesOf('suppliers.create', { ...supplier, name: '   ' })).toEqual([{ path: 'name', key: 'required' }]);
    expect(issuesOf('suppliers.create', { ...supplier, name: 'x'.repeat(121) })).toEqual([{ path: 'name', key: 'textTooLong', params: { maximum: 120 } }]);
    expect(issuesOf('stocktakes.count', { stocktakeId: 1, lines: [] })).toEqual([{ path: 'lines', key: 'tooFew', params: { minimum: 1 } }]);
  });

  it('reads a union by the branch the value was meant for', () => {
    expect(issuesOf('suppliers.create', { ...supplier, email: 'not-an-address' })).toEqual([{ path: 'email', key: 'notEmail' }]);
  });

  it('says "choose one" for a value outside a list', () => {
    expect(issuesOf('stocktakes.count', { stocktakeId: 1, lines: [{ variantId: 5, counted: 1, mode: 'double' }] })).toEqual([
      { path: 'lines.0.mode', key: 'notAChoice' },
    ]);
  });
});

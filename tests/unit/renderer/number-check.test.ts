// A typed number against what its field accepts: the field's rule settles an
// either-way reading only when one reading is impossible there; a careless
// thousands reading (12,50 → 1250 in a '.' shop) is always asked about.
import { describe, expect, it } from 'vitest';
import { checkNumber, moneyRule } from '../../../renderer/src/components/number-check.js';

const point = { decimalMark: '.' } as const;
const either = { decimalMark: 'either' } as const;
const quantity = { required: true, integer: true, min: 1 };

describe('checkNumber', () => {
  it('takes a clean number and says empty is "not set" unless required', () => {
    expect(checkNumber('1,299.00', moneyRule('USD'), point)).toEqual({ ok: true, value: 1299 });
    expect(checkNumber(' ', moneyRule('USD'), point)).toEqual({ ok: true, value: null });
    expect(checkNumber('', moneyRule('USD', { required: true }), point)).toMatchObject({ ok: false, problem: 'required' });
  });

  it("refuses what the field cannot hold, with the field's reason", () => {
    expect(checkNumber('12.345', moneyRule('USD'), point)).toMatchObject({ ok: false, problem: 'decimals', text: '12.345' });
    expect(checkNumber('12.5', moneyRule('JPY'), point)).toMatchObject({ ok: false, problem: 'wholeNumber' });
    expect(checkNumber('-1', moneyRule('USD'), point)).toMatchObject({ ok: false, problem: 'tooSmall' });
    expect(checkNumber('2.5', quantity, point)).toMatchObject({ ok: false, problem: 'wholeNumber' });
    expect(checkNumber('0', quantity, point)).toMatchObject({ ok: false, problem: 'tooSmall' });
    expect(checkNumber('101', { max: 100 }, point)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(checkNumber('ten', quantity, point)).toMatchObject({ ok: false, problem: 'notANumber' });
  });

  it('settles 1,299 for a whole quantity where the mark could be either, but asks about a price', () => {
    expect(checkNumber('1,299', quantity, either)).toEqual({ ok: true, value: 1299 });
    expect(checkNumber('12,500', moneyRule('USD'), either)).toMatchObject({ ok: false, problem: 'ambiguous', text: '12,500' });
  });

  it("always asks about 12,50 or 3,5 in a '.' shop, even when only one reading fits the field", () => {
    expect(checkNumber('12,50', moneyRule('USD'), point)).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(checkNumber('3,5', quantity, point)).toMatchObject({ ok: false, problem: 'ambiguous' });
  });
});

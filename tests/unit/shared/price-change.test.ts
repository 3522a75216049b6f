import { describe, expect, it } from 'vitest';
import { isLargePriceChange } from '../../../src/shared/price-change.js';

describe('isLargePriceChange', () => {
  it('asks about a change beyond the threshold either way, not at or within it', () => {
    expect(isLargePriceChange(1250, 125000, 50)).toBe(true); // 12,50 read as 1,250.00
    expect(isLargePriceChange(1000, 3000, 50)).toBe(true); // +200 %
    expect(isLargePriceChange(1000, 400, 50)).toBe(true); // −60 %
    expect(isLargePriceChange(1000, 1500, 50)).toBe(false); // exactly +50 %
    expect(isLargePriceChange(1000, 500, 50)).toBe(false); // exactly −50 %
    expect(isLargePriceChange(1000, 1100, 50)).toBe(false);
    expect(isLargePriceChange(1000, 1100, 5)).toBe(true);
  });

  it('does not ask when nothing changes or a value is set or cleared; does ask from zero', () => {
    expect(isLargePriceChange(1000, 1000, 50)).toBe(false);
    expect(isLargePriceChange(null, 99900, 50)).toBe(false);
    expect(isLargePriceChange(1000, null, 50)).toBe(false);
    expect(isLargePriceChange(0, 500, 50)).toBe(true);
    expect(isLargePriceChange(1000, 1001, 0)).toBe(true);
  });
});

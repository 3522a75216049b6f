// Bounds no real shop reaches keep every figure an exact integer, and text
// never holds NUL or broken characters: each is refused with a field error
// naming where, and nothing is changed.
import { afterEach, describe, expect, it } from 'vitest';
import { limits } from '../../src/shared/bounds.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

afterEach(() => removeTempDirs());

async function shopWithOneVariant(): Promise<{ shop: TestShop; variantId: number; locationId: number }> {
  const shop = testShop();
  const location = await shop.ok('locations.create', { code: 'MAIN', name: 'Main', kind: 'warehouse' });
  const product = await shop.ok('products.create', { title: 'Tea cup', skuPrefix: 'CUP', price: 1_500, cost: 600 });
  const variantId = product.variants[0]?.id ?? 0;
  return { shop, variantId, locationId: location.id };
}

describe('bounds', () => {
  it('refuses a quantity beyond a billion units, per line and per resulting level', async () => {
    const { shop, variantId, locationId } = await shopWithOneVariant();
    try {
      const tooMany = await shop.fail('stock.adjust', { lines: [{ variantId, locationId, delta: 2_000_000_000, reasonCode: 'found' }] });
      expect(tooMany.code).toBe('VALIDATION');
      expect(tooMany.details.issues).toEqual([expect.objectContaining({ path: 'lines.0.delta', key: 'quantityTooLarge' })]);

      await shop.ok('stock.adjust', { lines: [{ variantId, locationId, delta: 600_000_000, reasonCode: 'found' }] });
      const level = await shop.fail('stock.adjust', { lines: [{ variantId, locationId, delta: 600_000_000, reasonCode: 'found' }] });
      expect(level.details.key).toBe('quantityTooLarge');
      expect(shop.db.prepare('SELECT on_hand AS onHand FROM stock_levels').get()).toEqual({ onHand: 600_000_000 });
    } finally {
      await shop.close();
    }
  });

  it('refuses a price or cost beyond 10,000,000.00 by form, grid and bulk change', async () => {
    const { shop, variantId } = await shopWithOneVariant();
    try {
      const form = await shop.fail('variants.update', { variantId, changes: { cost: limits.unitMoney + 1 } });
      expect(form.details.issues).toEqual([expect.objectContaining({ path: 'changes.cost', key: 'moneyTooLarge' })]);
      const grid = await shop.fail('variants.bulkUpdate', { edits: [{ variantId, field: 'price', value: String(limits.unitMoney + 1) }] });
      expect(JSON.stringify(grid.details)).toContain('moneyTooLarge');
      const bulk = await shop.fail('variants.bulkAction', {
        target: { variantIds: [variantId] },
        action: { kind: 'priceChange', mode: 'percent', value: 999_999_999, rounding: 'none' },
      });
      expect(bulk.details.issues?.[0]?.key).toBe('moneyTooLarge');
      expect(shop.db.prepare('SELECT price, cost FROM variants').get()).toEqual({ price: 1_500, cost: 600 });
    } finally {
      await shop.close();
    }
  });

  it('values stock as exact integers, and refuses rather than rounds a value beyond exact counting', async () => {
    const { shop, variantId, locationId } = await shopWithOneVariant();
    try {
      // A billion units at 9,000,000.00 each: 9 × 10^17 minor units would round; 9,000.00 each is exact.
      await shop.ok('variants.update', { variantId, changes: { cost: 900_000 } });
      await shop.ok('stock.adjust', { lines: [{ variantId, locationId, setTo: limits.quantity, reasonCode: 'found' }] });
      const valuation = await shop.ok('stock.valuation', { categoryLevel: 'top' });
      expect(valuation.totalValue).toBe(900_000_000_000_000);
      expect(JSON.stringify(valuation)).not.toMatch(/e\+|\.\d/);

      await shop.ok('variants.update', { variantId, changes: { cost: limits.unitMoney } });
      const refused = await shop.fail('stock.valuation', { categoryLevel: 'top' });
      expect(refused.details.key).toBe('stockValueTooLarge');
    } finally {
      await shop.close();
    }
  });

  it('refuses NUL characters and lone surrogates in any text field, naming the field', async () => {
    const { shop, variantId, locationId } = await shopWithOneVariant();
    try {
      const nul = await shop.fail('products.create', { title: 'Tea\u0000cup', skuPrefix: 'T' });
      expect(nul.code).toBe('VALIDATION');
      expect(nul.details.issues).toEqual([expect.objectContaining({ path: 'title', key: 'textNul' })]);
      const broken = await shop.fail('stock.adjust', { lines: [{ variantId, locationId, delta: 1, reasonCode: 'found', note: 'half an emoji \uD83D' }] });
      expect(broken.details.issues).toEqual([expect.objectContaining({ path: 'lines.0.note', key: 'textBrokenCharacter' })]);
      // A whole emoji (a proper surrogate pair) and Chinese text are fine.
      await shop.ok('products.create', { title: '青花瓷茶杯 🍵', skuPrefix: 'QH' });
      expect((shop.db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n).toBe(2);
    } finally {
      await shop.close();
    }
  });
});

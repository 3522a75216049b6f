import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

describe('the shop chooses how barcodes are checked', () => {
  it('checks EAN/UPC check digits by default, and accepts free text once the shop chooses it', async () => {
    shop = testShop(seedCatalog);
    expect((await shop.ok('settings.get', {})).barcodeMode).toBe('gtin');
    const wrongDigit = await shop.fail('variants.update', { variantId: 3, changes: { barcode: '4006381333932' } });
    expect(wrongDigit.details.issues?.[0]?.key).toBe('barcodeCheckDigit');
    const label = await shop.fail('variants.update', { variantId: 3, changes: { barcode: 'SHELF-TEA-01' } });
    expect(label.code).toBe('VALIDATION');

    expect((await shop.ok('settings.update', { barcodeMode: 'free' })).barcodeMode).toBe('free');
    await shop.ok('variants.update', { variantId: 3, changes: { barcode: 'SHELF-TEA-01' } });
    expect((shop.db.prepare('SELECT barcode FROM variants WHERE id = 3').get() as { barcode: string }).barcode).toBe('SHELF-TEA-01');
  });
});

import * as XLSX from 'xlsx';
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

describe('purchase order documents', () => {
  it('exports a PO with Chinese names as a PDF with the CJK font embedded, and as an XLSX with numbers', async () => {
    shop = testShop(seedCatalog);
    const supplier = await shop.ok('suppliers.create', { name: '杭州龙井茶业有限公司', currency: 'CNY', email: 'sales@longjing.test' });
    const po = await shop.ok('purchaseOrders.create', {
      supplierId: supplier.id,
      locationId: 1,
      lines: [
        { variantId: 3, quantity: 24, unitCost: 3500 },
        { variantId: 1, quantity: 5, unitCost: 12000 },
      ],
    });
    const pdf = Buffer.from((await shop.ok('purchaseOrders.export', { purchaseOrderId: po.id, format: 'pdf' })).contentBase64, 'base64');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).toMatch(/\/FontFile2/); // the TrueType font program is embedded…
    expect(text).toMatch(/NotoSansSC/); // …and it is the bundled CJK font
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);

    const xlsx = await shop.ok('purchaseOrders.export', { purchaseOrderId: po.id, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`${po.number} 杭州龙井茶业有限公司.xlsx`);
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 });
    expect(rows[1]).toEqual(['Supplier', '杭州龙井茶业有限公司', 'sales@longjing.test']);
    expect(rows.find((row) => row[1] === 'TEA-100')).toEqual(['', 'TEA-100', '龙井绿茶 Longjing tea', 24, 35, 840]);
    expect(rows.at(-1)).toEqual(['', '', 'Total', 29, '', 840 + 600]);
  });

  it('spreads a long order over several pages', async () => {
    shop = testShop(seedCatalog);
    const supplier = await shop.ok('suppliers.create', { name: 'Bulk Co', currency: 'USD' });
    const variantIds = Array.from({ length: 120 }, (_, i) => i);
    const insert = shop.db.prepare(
      "INSERT INTO variants (product_id, sku, price, cost, status, position, created_at, updated_at) VALUES (1, ?, 100, 50, 'active', ?, 'x', 'x')",
    );
    const ids = variantIds.map((i) => Number(insert.run(`BULK-${i}`, 10 + i).lastInsertRowid));
    const po = await shop.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: 1, lines: ids.map((variantId) => ({ variantId, quantity: 1 })) });
    const pdf = Buffer.from((await shop.ok('purchaseOrders.export', { purchaseOrderId: po.id, format: 'pdf' })).contentBase64, 'base64').toString('latin1');
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(2);
  });
});

// Files that write decimal commas (0,35 · 1.299,00) are read that way in every
// numeric field — weights in kg and g, quantities, percentages, not only money —
// and the preview says so.
import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const variant = (sku: string) =>
  shop.db.prepare('SELECT v.price, v.weight_grams AS grams FROM variants v WHERE v.sku = ?').get(sku) as { price: number; grams: number | null } | undefined;

describe('decimal commas', () => {
  it('imports a semicolon product file with decimal commas in prices and weights (kg and g)', async () => {
    shop = testShop();
    const kg = await openImport(shop, 'products', 'produkte.csv', 'Handle;Title;SKU;Price;Weight (kg)\ncup;Cup;CUP-1;12,50;0,35\nbowl;Bowl;BOWL-1;1.299,00;1,2\n');
    expect([kg.delimiter, kg.decimalMark]).toEqual([';', 'comma']);
    expect(kg.counts).toMatchObject({ create: 2, error: 0 });
    expect((await applyImport(shop, kg.sessionId)).status).toBe('succeeded');
    const grams = await openImport(shop, 'products', 'gramm.csv', 'Handle;Title;SKU;Price;Weight (g)\nplate;Plate;PL-1;9,90;350,4\n');
    expect((await applyImport(shop, grams.sessionId)).status).toBe('succeeded');
    expect([variant('CUP-1'), variant('BOWL-1'), variant('PL-1')]).toEqual([
      { price: 1250, grams: 350 },
      { price: 129900, grams: 1200 },
      { price: 990, grams: 350 },
    ]);
  });

  it('reads quantities and percentages of a decimal-comma file the same way', async () => {
    shop = testShop(seedCatalog);
    shop.db.prepare("INSERT INTO suppliers (name, currency, lead_time_days, notes, created_at, updated_at) VALUES ('Acme', 'CNY', 7, '', ?, ?)").run(testNow, testNow);
    const list = await openImport(shop, 'supplierItems', 'preisliste.csv', 'Supplier;SKU;Cost;Pack size;MOQ\nAcme;TEA-100;1.299,50;1.200;2.400\n');
    expect((await applyImport(shop, list.sessionId)).status).toBe('succeeded');
    expect(shop.db.prepare('SELECT cost, pack_size AS pack, moq FROM supplier_items').get()).toEqual({ cost: 129950, pack: 1200, moq: 2400 });

    const orders = await openImport(shop, 'orders', 'bestellungen.csv', 'Order number;Order date;SKU;Quantity;Unit price;Line discount\nA-1;2026-03-05;TEA-100;1.000;128,00;12,5%\n');
    expect(await rows(shop, orders.sessionId, 'error')).toEqual([]);
    expect((await applyImport(shop, orders.sessionId)).status).toBe('succeeded');
    expect(shop.db.prepare('SELECT o.subtotal, o.discount_total AS discount, l.quantity FROM orders o JOIN order_lines l ON l.order_id = o.id').get()).toEqual({
      subtotal: 12_800_000,
      discount: 1_600_000,
      quantity: 1000,
    });
  });

  it('tells the mark from the cells when the file is comma-separated, and keeps 1,299 a thousands separator when that is all it has', async () => {
    shop = testShop();
    const quoted = await openImport(shop, 'products', 'a.csv', 'Handle,Title,SKU,Price,Weight (kg)\ncup,Cup,CUP-1,"12,50","0,35"\n');
    expect([quoted.delimiter, quoted.decimalMark]).toEqual([',', 'comma']);
    await applyImport(shop, quoted.sessionId);
    expect(variant('CUP-1')).toEqual({ price: 1250, grams: 350 });
    const ambiguous = await openImport(shop, 'products', 'b.csv', 'Handle,Title,SKU,Price\nbig,Big,BIG-1,"1,299"\n');
    expect(ambiguous.decimalMark).toBe('point');
    await applyImport(shop, ambiguous.sessionId);
    expect(variant('BIG-1')?.price).toBe(129900);
  });
});

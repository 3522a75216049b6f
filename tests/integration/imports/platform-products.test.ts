import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const shopifyOld = [
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,Variant Image,Variant Weight Unit,Variant Tax Code,Cost per item,Status',
  'linen-shirt,Linen Shirt,<p>Cool</p>,Hanfu Lab,Apparel,Shirts,"summer, linen",TRUE,Colour,White,Size,M,,,LS-WHT-M,250,shopify,10,deny,manual,199.00,259.00,TRUE,TRUE,,https://cdn.example/ls-1.jpg,1,,FALSE,,,,g,,80.50,active',
  'linen-shirt,,,,,,,,,White,,L,,,LS-WHT-L,250,shopify,10,deny,manual,199.00,259.00,TRUE,TRUE,,,,,,,,,g,,80.50,',
  'linen-shirt,,,,,,,,,,,,,,,,,,,,,,,,,https://cdn.example/ls-2.jpg,2,,,,,,,,,',
  'tea-cup,Tea Cup,,Jingdezhen,,,,TRUE,Title,Default Title,,,,,TC-001,180,shopify,10,deny,manual,39.90,,TRUE,TRUE,,,,,FALSE,,,,g,,12.00,draft',
].join('\n');

const shopifyNew = [
  'Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,Status,SKU,Barcode,Option1 name,Option1 value,Option1 Linked To,Option2 name,Option2 value,Option2 Linked To,Price,Compare-at price,Cost per item,Inventory quantity,Weight value (grams),Product image URL,Image position',
  'Linen Shirt,linen-shirt,,Hanfu Lab,,,"summer, linen",TRUE,Active,LS-WHT-M,,Colour,White,,Size,M,,199.00,259.00,80.50,10,250,https://cdn.example/ls-1.jpg,1',
  ',linen-shirt,,,,,,,,LS-WHT-L,,,White,,,L,,199.00,259.00,80.50,10,250,,',
].join('\n');

const woo = [
  'ID,Type,SKU,Name,Published,Short description,Description,Regular price,Sale price,In stock?,Stock,Weight (kg),Categories,Tags,Images,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 2 name,Attribute 2 value(s)',
  '101,variable,LS,Linen Shirt,1,,Breathable,,,1,,0.25,Clothing > Shirts,"summer, linen",https://cdn.example/ls.jpg,,Colour,"White, Blue",Size,"M, L"',
  '102,variation,LS-WHT-M,Linen Shirt - White M,1,,,259,199,1,5,0.25,,,,id:101,Colour,White,Size,M',
  '103,variation,LS-BLU-L,Linen Shirt - Blue L,1,,,259,199,1,5,0.25,,,,id:101,Colour,Blue,Size,L',
  '104,simple,TC-001,Tea Cup,0,,,39.9,,1,30,0.18,Home > Kitchen,,,,,,,',
].join('\n');

const catalog = (shop: TestShop) =>
  shop.db
    .prepare(
      `SELECT p.handle, p.title, p.status, p.brand, p.option1_name AS o1, v.sku, v.option1, v.option2, v.price, v.compare_at_price AS compareAt, v.cost, v.weight_grams AS grams
       FROM variants v JOIN products p ON p.id = v.product_id ORDER BY v.sku`,
    )
    .all();

describe('platform product CSVs', () => {
  it("imports Shopify's old export: continuation rows, image-only rows, Default Title", async () => {
    shop = testShop();
    const session = await openImport(shop, 'products', 'products_export.csv', shopifyOld);
    // The image-only row creates nothing of its own: skipped (its image goes with the product).
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 1, error: 0 });
    expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');
    expect(catalog(shop)).toEqual([
      { handle: 'linen-shirt', title: 'Linen Shirt', status: 'active', brand: 'Hanfu Lab', o1: 'Colour', sku: 'LS-WHT-L', option1: 'White', option2: 'L', price: 19900, compareAt: 25900, cost: 8050, grams: 250 },
      { handle: 'linen-shirt', title: 'Linen Shirt', status: 'active', brand: 'Hanfu Lab', o1: 'Colour', sku: 'LS-WHT-M', option1: 'White', option2: 'M', price: 19900, compareAt: 25900, cost: 8050, grams: 250 },
      { handle: 'tea-cup', title: 'Tea Cup', status: 'draft', brand: 'Jingdezhen', o1: null, sku: 'TC-001', option1: null, option2: null, price: 3990, compareAt: null, cost: 1200, grams: 180 },
    ]);
    expect(shop.db.prepare('SELECT path, position FROM product_images ORDER BY position').all()).toEqual([
      { path: 'https://cdn.example/ls-1.jpg', position: 1 },
      { path: 'https://cdn.example/ls-2.jpg', position: 2 },
    ]);
  });

  it("maps Shopify's newer header spellings the same way", async () => {
    shop = testShop();
    const session = await openImport(shop, 'products', 'new.csv', shopifyNew);
    const mapped = Object.fromEntries(session.columns.filter((c) => c.field !== null).map((c) => [c.header, c.field]));
    expect(mapped).toMatchObject({ 'URL handle': 'handle', SKU: 'sku', 'Compare-at price': 'compareAtPrice', 'Cost per item': 'cost', 'Weight value (grams)': 'weightGrams', 'Option1 name': 'option1Name' });
    await applyImport(shop, session.sessionId);
    expect(catalog(shop).map((row) => (row as { sku: string; price: number }).sku)).toEqual(['LS-WHT-L', 'LS-WHT-M']);
  });

  it('imports a WooCommerce export: variations under their parent, sale price paid, regular struck through, kg to grams', async () => {
    shop = testShop();
    const session = await openImport(shop, 'products', 'wc-product-export.csv', woo);
    // The variable parent is the product its variations are created in, not a variant: skipped.
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 1, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(catalog(shop)).toEqual([
      { handle: 'linen-shirt', title: 'Linen Shirt', status: 'active', brand: null, o1: 'Colour', sku: 'LS-BLU-L', option1: 'Blue', option2: 'L', price: 19900, compareAt: 25900, cost: null, grams: 250 },
      { handle: 'linen-shirt', title: 'Linen Shirt', status: 'active', brand: null, o1: 'Colour', sku: 'LS-WHT-M', option1: 'White', option2: 'M', price: 19900, compareAt: 25900, cost: null, grams: 250 },
      { handle: 'tea-cup', title: 'Tea Cup', status: 'draft', brand: null, o1: null, sku: 'TC-001', option1: null, option2: null, price: 3990, compareAt: null, cost: null, grams: 180 },
    ]);
  });
});

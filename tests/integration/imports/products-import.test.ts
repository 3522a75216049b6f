import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const template = [
  'Handle,Title,Brand,Category,Tags,Option1 name,Option1 value,Option2 name,Option2 value,SKU,Barcode,Price,Compare-at price,Cost,Weight (g)',
  'linen-shirt,Linen Shirt,Hanfu Lab,Clothing > Shirts,"summer, linen",Colour,White,Size,M,LS-WHT-M,6901234500011,199.00,259.00,80.50,250',
  'linen-shirt,,,,,,White,,L,LS-WHT-L,,199.00,259.00,80.50,250',
  'tea-cup,Tea Cup,Jingdezhen,Home > Kitchen,,,,,,TC-001,,39.90,,12.00,180',
].join('\r\n');

function variants(shop: TestShop) {
  return shop.db
    .prepare(
      `SELECT p.title, p.handle, c.path AS category, v.sku, v.option1, v.option2, v.price, v.compare_at_price AS compareAt, v.cost, v.weight_grams AS grams, v.barcode
       FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id ORDER BY v.sku`,
    )
    .all();
}

describe('products import', () => {
  it('creates products with variants, categories and tags from the template, then undoes it all', async () => {
    shop = testShop();
    const session = await openImport(shop, 'products', 'products.csv', template);
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 0, error: 0 });
    const done = await applyImport(shop, session.sessionId);
    expect(done.status).toBe('succeeded');
    expect(variants(shop)).toEqual([
      { title: 'Linen Shirt', handle: 'linen-shirt', category: 'Clothing > Shirts', sku: 'LS-WHT-L', option1: 'White', option2: 'L', price: 19900, compareAt: 25900, cost: 8050, grams: 250, barcode: null },
      { title: 'Linen Shirt', handle: 'linen-shirt', category: 'Clothing > Shirts', sku: 'LS-WHT-M', option1: 'White', option2: 'M', price: 19900, compareAt: 25900, cost: 8050, grams: 250, barcode: '6901234500011' },
      { title: 'Tea Cup', handle: 'tea-cup', category: 'Home > Kitchen', sku: 'TC-001', option1: null, option2: null, price: 3990, compareAt: null, cost: 1200, grams: 180, barcode: null },
    ]);
    expect(shop.db.prepare("SELECT option1_name AS o1, option2_name AS o2 FROM products WHERE handle = 'linen-shirt'").get()).toEqual({ o1: 'Colour', o2: 'Size' });
    expect(shop.db.prepare('SELECT name FROM tags t JOIN product_tags pt ON pt.tag_id = t.id ORDER BY name').all()).toEqual([{ name: 'linen' }, { name: 'summer' }]);

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT (SELECT COUNT(*) FROM products) AS p, (SELECT COUNT(*) FROM variants) AS v, (SELECT COUNT(*) FROM categories) AS c').get()).toEqual({ p: 0, v: 0, c: 0 });
  });

  it('updates exactly the changed cells of existing variants, matched by SKU, and undo restores them', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'products', 'products.csv', template)).sessionId);
    const edit = ['SKU,Price,Cost,Title', 'LS-WHT-M,189.00,80.50,Linen Shirt', 'TC-001,39.90,12.00,Tea Cup (porcelain)'].join('\n');
    const session = await openImport(shop, 'products', 'edit.csv', edit);
    expect(session.counts).toEqual({ create: 0, update: 2, unchanged: 0, skip: 0, error: 0 });
    expect((await rows(shop, session.sessionId)).map((r) => r.changes)).toEqual([
      [{ field: 'price', before: 19900, after: 18900 }],
      [{ field: 'title', before: 'Tea Cup', after: 'Tea Cup (porcelain)' }],
    ]);
    await applyImport(shop, session.sessionId);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    expect(applied?.written).toBe(2);
    // The same file again changes nothing.
    expect((await openImport(shop, 'products', 'edit.csv', edit)).counts).toEqual({ create: 0, update: 0, unchanged: 2, skip: 0, error: 0 });
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(shop.db.prepare("SELECT price FROM variants WHERE sku = 'LS-WHT-M'").get()).toEqual({ price: 19900 });
    expect(shop.db.prepare("SELECT title FROM products WHERE handle = 'tea-cup'").get()).toEqual({ title: 'Tea Cup' });
  });

  it('refuses a new product whole when one of its rows is bad, and names row and column', async () => {
    shop = testShop();
    const bad = template.replace('LS-WHT-L,,199.00', 'LS-WHT-L,,abc');
    const session = await openImport(shop, 'products', 'bad.csv', bad);
    expect(session.counts).toEqual({ create: 1, update: 0, unchanged: 0, skip: 0, error: 2 });
    const errors = await rows(shop, session.sessionId, 'error');
    expect(errors.map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 2: another row of the same product (row 3) has an error'],
      ['Row 3, Price: "abc" is not an amount of money'],
    ]);
    await applyImport(shop, session.sessionId, 'validOnly');
    expect(variants(shop).map((v) => (v as { sku: string }).sku)).toEqual(['TC-001']);
  });

  it('reads a Chinese sheet: options named by their headers, ¥ and 元 prices, 上架 status', async () => {
    shop = testShop();
    const zh = ['商品名称,颜色,尺码,商品编码,售价,成本价,状态', '羊毛围巾,红色,均码,WS-RED,"¥1,299.00",45元,上架', '羊毛围巾,灰色,均码,WS-GRY,129,45,上架', '竹制砧板,,,BB-001,89,30,下架'].join('\n');
    const session = await openImport(shop, 'products', 'zh.csv', zh);
    expect(session.columns.map((c) => c.field)).toEqual(['title', 'option1Value', 'option2Value', 'sku', 'price', 'cost', 'productStatus']);
    expect(session.counts.create).toBe(3);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare('SELECT title, option1_name AS o1, option2_name AS o2, status FROM products ORDER BY id').all()).toEqual([
      { title: '羊毛围巾', o1: '颜色', o2: '尺码', status: 'active' },
      { title: '竹制砧板', o1: null, o2: null, status: 'draft' },
    ]);
    expect(shop.db.prepare('SELECT sku, price, cost FROM variants ORDER BY sku').all()).toEqual([
      { sku: 'BB-001', price: 8900, cost: 3000 },
      { sku: 'WS-GRY', price: 12900, cost: 4500 },
      { sku: 'WS-RED', price: 129900, cost: 4500 },
    ]);
  });
});

// Text as merchants wrote it: WooCommerce's `\n` escapes become line breaks
// (only in WooCommerce files), a leading TAB is kept on import and neutralised
// again when the shop exports to CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const description = (handle: string) => (shop.db.prepare('SELECT description FROM products WHERE handle = ?').get(handle) as { description: string } | undefined)?.description;

describe('text cells', () => {
  it("turns a WooCommerce export's \\n into line breaks, and leaves other files' backslashes alone", async () => {
    shop = testShop();
    const woo = [
      'ID,Type,SKU,Name,Published,Short description,Description,Regular price,Parent',
      '110,simple,TC-001,Tea Cup,1,,"Hand-painted porcelain.\\nDishwasher safe.\\n\\nSaved at C:\\\\new",39.90,',
    ].join('\n');
    const session = await openImport(shop, 'products', 'wc-product-export.csv', woo);
    expect(session.counts).toMatchObject({ create: 1, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(description('tea-cup')).toBe('Hand-painted porcelain.\nDishwasher safe.\n\nSaved at C:\\new');

    const own = await openImport(shop, 'products', 'own.csv', 'Handle,Title,SKU,Price,Description\nregex,Regex,RX-1,1,"Matches \\n literally"\n');
    await applyImport(shop, own.sessionId);
    expect(description('regex')).toBe('Matches \\n literally');
  });

  it('keeps a leading TAB in a description or note, and a CSV export neutralises it again', async () => {
    shop = testShop();
    const products = await openImport(shop, 'products', 'p.csv', 'Handle,Title,SKU,Price,Description\ncup,Cup,CUP-1,9,"\tIndented, as written"\n');
    await applyImport(shop, products.sessionId);
    expect(description('cup')).toBe('\tIndented, as written');

    const suppliers = await openImport(shop, 'suppliers', 's.csv', 'Name,Notes\nAcme,"\tPay on delivery"\n');
    await applyImport(shop, suppliers.sessionId);
    expect(shop.db.prepare("SELECT notes FROM suppliers WHERE name = 'Acme'").get()).toEqual({ notes: '\tPay on delivery' });
    const exported = await shop.ok('exports.grid', {
      source: 'suppliers.list',
      query: {},
      columns: [
        { field: 'name', header: 'Name', kind: 'text' },
        { field: 'notes', header: 'Notes', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'suppliers',
    });
    expect(Buffer.from(exported.contentBase64, 'base64').toString('utf8')).toBe("\uFEFFName,Notes\r\nAcme,'\tPay on delivery\r\n");
  });
});

// exports.grid runs the list handlers directly (not through the router that blanks cost
// figures), so it leaves out the columns whose field is a cost figure of the source's rows
// for a person without `costs.view`: a Staff person's Products and Stock levels files have
// no cost or value column, an Owner's have them with the figures.
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../src/contract.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { signedInAs, type SignedIn } from './team-fixture.js';

let shop: TestShop;
let staff: SignedIn;
let owner: SignedIn;
beforeEach(async () => {
  shop = testShop(seedCatalog);
  staff = await signedInAs(shop, 'staff', 'floor1');
  owner = await signedInAs(shop, 'owner', 'boss1');
});
afterEach(async () => {
  await shop.close();
});
afterAll(removeTempDirs);

type Columns = MethodInput<'exports.grid'>['columns'];
const productColumns: Columns = [
  { field: 'sku', header: 'SKU', kind: 'text' },
  { field: 'price', header: 'Price', kind: 'money' },
  { field: 'cost', header: 'Cost', kind: 'money' },
  { field: 'onHand', header: 'On hand', kind: 'number' },
];
const stockColumns: Columns = [
  { field: 'sku', header: 'SKU', kind: 'text' },
  { field: 'location', header: 'Location', kind: 'text' },
  { field: 'onHand', header: 'On hand', kind: 'number' },
  { field: 'unitCost', header: 'Unit cost', kind: 'money' },
  { field: 'value', header: 'Value', kind: 'money' },
];

/** The CSV file's rows as cells (the fixture's texts hold no commas or quotes). */
async function exported(who: SignedIn, source: 'products.list' | 'stock.levels', columns: Columns): Promise<string[][]> {
  const answer = await who.call('exports.grid', { source, query: { sort: source === 'stock.levels' ? { column: 'sku', direction: 'asc' } : [] }, columns, format: 'csv', fileName: source });
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  const text = Buffer.from(answer.value.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('exports.grid for a person without costs.view', () => {
  it('leaves the cost column out of a Staff person’s Products file, keeps it in the Owner’s', async () => {
    const asStaff = await exported(staff, 'products.list', productColumns);
    expect(asStaff[0]).toEqual(['Variant ID', 'SKU', 'Price', 'On hand']);
    expect(asStaff.length).toBeGreaterThan(1);
    expect(asStaff.slice(1).every((row) => row.length === 4)).toBe(true);

    const asOwner = await exported(owner, 'products.list', productColumns);
    expect(asOwner[0]).toEqual(['Variant ID', 'SKU', 'Price', 'Cost', 'On hand']);
    const hoodie = asOwner.find((row) => row[1] === 'HOD-001-BLK-M');
    expect(hoodie?.[3]).toBe('21.00');
  });

  it('leaves unit cost and value out of a Staff person’s Stock levels file, keeps them in the Owner’s', async () => {
    const asStaff = await exported(staff, 'stock.levels', stockColumns);
    expect(asStaff[0]).toEqual(['SKU', 'Location', 'On hand']);
    expect(asStaff.length).toBeGreaterThan(1);

    const asOwner = await exported(owner, 'stock.levels', stockColumns);
    expect(asOwner[0]).toEqual(['SKU', 'Location', 'On hand', 'Unit cost', 'Value']);
    const tea = asOwner.find((row) => row[0] === 'TEA-100');
    expect(tea?.slice(3)).toEqual(['50.00', '2000.00']);
  });

  it('writes every column for the in-process caller (the shop itself)', async () => {
    const answer = await shop.ok('exports.grid', { source: 'stock.levels', query: {}, columns: stockColumns, format: 'csv', fileName: 'levels' });
    const header = Buffer.from(answer.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe('SKU,Location,On hand,Unit cost,Value');
  });
});

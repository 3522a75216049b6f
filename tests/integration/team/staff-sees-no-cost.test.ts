// A Staff person (no `costs.view`) gets no cost figure from any method of the contract: every
// method whose answer can hold one (carriesCost: a field marked with costFigure) is called
// here on a demo shop, as Staff and as an Owner, through the router's guard. Staff's answer
// has null at every cost path; the Owner's has at least one real figure (so the check can
// fail); a method Staff may not call at all answers FORBIDDEN. A method that carries cost but
// is missing from the table fails the test, so a new one must be added here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../../src/contract.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { fixedClock } from '../../../src/shared/clock.js';
import type { Envelope } from '../../../src/shared/envelope.js';
import { methodPermissions } from '../../../src/team/method-permissions.js';
import { builtInRolePermissions } from '../../../src/team/permission-names.js';
import { carriesCost, costPaths } from '../../../src/team/redact.js';
import type { TestShop } from '../shop-harness.js';
import { failure, ok, testCore } from '../temp-shop.js';
import { signedInAs, type SignedIn } from './team-fixture.js';

const NOW = '2026-11-20T10:00:00.000Z';
const today = NOW.slice(0, 10);
const monthAgo = '2026-10-21';
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-staff-cost-'));

let shop: TestShop;
let staff: SignedIn;
let owner: SignedIn;

/** Ids on the demo shop the inputs below need. */
interface Ids {
  productId: number;
  variantId: number;
  sku: string;
  locationId: number;
  stocktakeId: number;
  purchaseOrderId: number;
  /** A line of that order with at least 2 units outstanding (received once per person). */
  poLineId: number;
  supplierId: number;
  promotionId: number;
  /** Two more locations where Staff and the Owner each open a stocktake. */
  countLocations: [number, number];
}
let ids: Ids;

type Who = 'staff' | 'owner';
/** Each method's input; `who` makes writes distinct (two new products, two receipts). */
const inputs: Partial<Record<MethodName, (who: Who) => unknown>> = {
  'products.list': () => ({ limit: 50 }),
  'products.get': () => ({ productId: ids.productId }),
  // Staff may not type a price or a cost; the Owner sets a cost so the answer holds one.
  'products.create': (who) => ({ title: `Cost test ${who}`, ...(who === 'owner' ? { cost: 1234 } : {}) }),
  'products.update': (who) => ({ productId: ids.productId, changes: { description: `Edited by ${who}` } }),
  'variants.update': (who) => ({ variantId: ids.variantId, changes: { weightGrams: who === 'staff' ? 321 : 322 } }),
  'products.insights': () => ({ productId: ids.productId }),
  'locations.list': () => ({}),
  'locations.create': (who) => ({ code: `T-${who}`, name: `Test ${who}`, kind: 'store' }),
  'locations.update': () => ({ locationId: ids.locationId }),
  'stock.levels': () => ({ limit: 50 }),
  'stock.movements': () => ({ limit: 50 }),
  'stock.forVariant': () => ({ variantId: ids.variantId }),
  'stock.valuation': () => ({}),
  // One count per location at a time: each person opens one at a location of their own.
  'stocktakes.open': (who) => ({ locationId: ids.countLocations[who === 'staff' ? 0 : 1] }),
  'stocktakes.list': () => ({}),
  'stocktakes.get': () => ({ stocktakeId: ids.stocktakeId }),
  'stocktakes.count': () => ({ stocktakeId: ids.stocktakeId, lines: [{ variantId: ids.variantId, counted: 1, mode: 'add' }] }),
  'stocktakes.scan': () => ({ stocktakeId: ids.stocktakeId, code: ids.sku }),
  'stocktakes.importCounts': () => ({
    stocktakeId: ids.stocktakeId,
    fileName: 'counts.csv',
    contentBase64: Buffer.from(`sku,counted\r\n${ids.sku},5\r\n`).toString('base64'),
  }),
  'stocktakes.previewPost': () => ({ stocktakeId: ids.stocktakeId }),
  'stocktakes.post': () => ({ stocktakeId: ids.stocktakeId }),
  'stocktakes.cancel': () => ({ stocktakeId: ids.stocktakeId }),
  'supplierItems.list': () => ({}),
  'supplierItems.upsert': () => ({ supplierId: ids.supplierId, variantId: ids.variantId, cost: 100 }),
  'purchaseOrders.list': () => ({}),
  'purchaseOrders.get': () => ({ purchaseOrderId: ids.purchaseOrderId }),
  'purchaseOrders.create': () => ({ supplierId: ids.supplierId, locationId: ids.locationId, lines: [{ variantId: ids.variantId, quantity: 1 }] }),
  'purchaseOrders.update': () => ({ purchaseOrderId: ids.purchaseOrderId, note: 'x' }),
  'purchaseOrders.send': () => ({ purchaseOrderId: ids.purchaseOrderId }),
  'purchaseOrders.receive': () => ({ purchaseOrderId: ids.purchaseOrderId, lines: [{ lineId: ids.poLineId, quantity: 1 }] }),
  'purchaseOrders.previewReceipt': () => ({ purchaseOrderId: ids.purchaseOrderId, lines: [{ lineId: ids.poLineId, quantity: 1 }] }),
  'purchaseOrders.close': () => ({ purchaseOrderId: ids.purchaseOrderId }),
  'purchaseOrders.cancel': () => ({ purchaseOrderId: ids.purchaseOrderId }),
  'suppliers.scorecard': () => ({ supplierId: ids.supplierId, to: '2026-11-21T00:00:00.000Z' }),
  'reorder.suggestions': () => ({}),
  'reorder.createDraft': () => ({ supplierId: ids.supplierId, locationId: ids.locationId }),
  'analytics.kpis': () => ({ from: monthAgo, to: today }),
  'analytics.salesReport': () => ({ from: monthAgo, to: today, by: 'category' }),
  'analytics.salesMix': () => ({ from: monthAgo, to: today }),
  'analytics.productHealth': () => ({ from: monthAgo, to: today }),
  'analytics.slowMovers': () => ({ asOf: today, minDays: 1 }),
  'analytics.customerValue': () => ({ asOf: today }),
  'analytics.silentCustomers': () => ({ asOf: today, days: 30 }),
  'analytics.inventoryAging': () => ({ asOf: today }),
  'alerts.groups.createPo': () => ({ group: 'belowReorderPoint:supplier:1' }),
  // A 90 % discount on the variant: below its margin floor, so the answer lists its cost and margin.
  'promotions.check': () => ({
    fields: {
      name: 'Deep cut',
      startsAt: '2026-12-01T00:00:00.000Z',
      endsAt: '2026-12-08T00:00:00.000Z',
      targets: { scope: 'targets', items: [{ kind: 'variant', id: ids.variantId }] },
      rule: { type: 'percent_off', percentOffBp: 9000 },
    },
  }),
  'promotions.simulate': () => ({ promotionId: ids.promotionId }),
  'promotions.evaluate': () => ({ promotionId: ids.promotionId }),
  'promotions.results': () => ({ from: '2025-01-01T00:00:00.000Z' }),
};

/** Every value at a costPaths path (`rows[].cost`, `totals.value`, `x{}.y`); absent parents give none. */
function valuesAt(value: unknown, path: string): unknown[] {
  const steps = path.split('.');
  let current: unknown[] = [value];
  for (const step of steps) {
    const key = step.replace(/(\[\]|\{\})+$/, '');
    const spread = step.slice(key.length).match(/\[\]|\{\}/g) ?? [];
    current = current.flatMap((item) => (item !== null && typeof item === 'object' && Object.hasOwn(item, key) ? [(item as Record<string, unknown>)[key]] : []));
    for (const kind of spread) {
      current = current.flatMap((item) => {
        if (kind === '[]') return Array.isArray(item) ? item : [];
        return item !== null && typeof item === 'object' ? Object.values(item) : [];
      });
    }
  }
  return current;
}

const staffMay = (method: MethodName): boolean => {
  const need = methodPermissions[method].need;
  return need === 'public' || (builtInRolePermissions.staff as readonly string[]).includes(need);
};

const costly = (Object.keys(contract) as MethodName[]).filter((method) => carriesCost(contract[method].output as z.ZodType));

beforeAll(async () => {
  const path = join(dir, 'demo.db');
  await generateDemoShop({ path, size: 'small', seed: 17, locale: 'en', now: new Date(NOW) });
  const core = testCore({ dbPath: path, clock: fixedClock(NOW) });
  const db: Db = openDatabase(path);
  shop = {
    core,
    db,
    path,
    call: (method, input) => core.call(method, input) as never,
    ok: (method, input) => ok(core, method, input),
    fail: (method, input) => failure(core, method, input),
    async close() {
      db.close();
      await core.close();
    },
  };
  staff = await signedInAs(shop, 'staff', 'floor1');
  owner = await signedInAs(shop, 'owner', 'boss1');
  const one = <T>(sql: string): T => {
    const row = db.prepare(sql).get() as T | undefined;
    if (row === undefined) throw new Error(`The demo shop has nothing for: ${sql}`);
    return row;
  };
  const variant = one<{ id: number; productId: number; sku: string }>(
    `SELECT v.id, v.product_id AS productId, v.sku FROM variants v JOIN supplier_items s ON s.variant_id = v.id
     WHERE v.cost IS NOT NULL ORDER BY v.id LIMIT 1`,
  );
  const location = one<{ id: number }>(`SELECT id FROM locations WHERE kind = 'warehouse' AND active = 1 ORDER BY id LIMIT 1`);
  const supplier = one<{ id: number }>(`SELECT supplier_id AS id FROM supplier_items WHERE variant_id = ${variant.id} LIMIT 1`);
  const line = one<{ poId: number; lineId: number }>(
    `SELECT p.id AS poId, l.id AS lineId FROM purchase_orders p JOIN purchase_order_lines l ON l.purchase_order_id = p.id
     WHERE p.status IN ('sent', 'partially_received') AND p.currency = (SELECT currency FROM shop_settings LIMIT 1)
       AND l.quantity_ordered - l.quantity_received >= 2 ORDER BY p.id, l.id LIMIT 1`,
  );
  const promotion = one<{ id: number }>(`SELECT id FROM promotions WHERE status = 'ended' ORDER BY id LIMIT 1`);
  const stocktake = await shop.ok('stocktakes.open', { locationId: location.id });
  const others = db.prepare(`SELECT id FROM locations WHERE kind <> 'transit' AND active = 1 AND id <> ? ORDER BY id LIMIT 2`).all(location.id) as { id: number }[];
  if (others.length < 2) throw new Error('The demo shop has fewer than three locations');
  // Two sent orders for the same item at different unit costs: the scorecard lists the change (from → to).
  for (const unitCost of [1000, 1150]) {
    const order = await shop.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: location.id, lines: [{ variantId: variant.id, quantity: 3, unitCost }] });
    await shop.ok('purchaseOrders.send', { purchaseOrderId: order.id });
  }
  ids = {
    productId: variant.productId,
    variantId: variant.id,
    sku: variant.sku,
    locationId: location.id,
    stocktakeId: stocktake.id,
    purchaseOrderId: line.poId,
    poLineId: line.lineId,
    supplierId: supplier.id,
    promotionId: promotion.id,
    countLocations: [others[0]?.id ?? 0, others[1]?.id ?? 0],
  };
}, 300_000);

afterAll(async () => {
  await shop?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Staff sees no cost figure', () => {
  it('has an input for every method whose answer carries a cost figure', () => {
    expect(costly.length).toBeGreaterThan(40);
    expect(costly.filter((method) => !inputs[method])).toEqual([]);
  });

  it('gets null at every cost path of every such method, where an Owner gets figures; or FORBIDDEN', async () => {
    const problems: string[] = [];
    for (const method of costly) {
      const input = inputs[method];
      if (!input) continue;
      const paths = costPaths(contract[method].output as z.ZodType);
      const asStaff: Envelope<unknown> = await staff.callAny(method, input('staff'));
      if (!staffMay(method)) {
        const got = asStaff.ok ? 'ok' : `${asStaff.error.code}:${String(asStaff.error.details.params?.permission)}`;
        if (got !== `FORBIDDEN:${methodPermissions[method].need}`) problems.push(`${method}: Staff got ${got}, not FORBIDDEN`);
        continue;
      }
      if (!asStaff.ok) {
        problems.push(`${method}: Staff's call failed: ${asStaff.error.code} ${asStaff.error.message}`);
        continue;
      }
      const shown = paths.flatMap((path) => valuesAt(asStaff.value, path).filter((v) => v !== null && v !== undefined).map((v) => `${path}=${String(v)}`));
      if (shown.length > 0) problems.push(`${method}: Staff sees ${shown.slice(0, 3).join(', ')}`);
      const asOwner = await owner.callAny(method, input('owner'));
      if (!asOwner.ok) {
        problems.push(`${method}: Owner's call failed: ${asOwner.error.code} ${asOwner.error.message}`);
        continue;
      }
      const figures = paths.flatMap((path) => valuesAt(asOwner.value, path)).filter((v) => typeof v === 'number');
      if (figures.length === 0) problems.push(`${method}: the Owner's answer has no cost figure either (the check proves nothing)`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses stock valuation whole, and a cost a Staff person sends', async () => {
    const valuation = await staff.call('stock.valuation', {});
    expect(valuation.ok ? 'ok' : valuation.error.code).toBe('FORBIDDEN');
    const exported = await staff.call('purchaseOrders.export', { purchaseOrderId: ids.purchaseOrderId, format: 'xlsx' });
    expect(exported.ok ? 'ok' : exported.error.details.params?.permission).toBe('costs.view');
    const edit = await staff.call('variants.update', { variantId: ids.variantId, changes: { cost: 1 } });
    expect(edit.ok ? 'ok' : edit.error.details.params?.permission).toBe('costs.view');
    const receive = await staff.call('purchaseOrders.receive', {
      purchaseOrderId: ids.purchaseOrderId,
      lines: [{ lineId: ids.poLineId, quantity: 1, unitCost: 1 }],
    });
    expect(receive.ok ? 'ok' : receive.error.details.params?.permission).toBe('costs.view');
  });

  it("blanks a cost's before and after in History for Staff, not for an Owner", async () => {
    const edit = await owner.call('variants.update', { variantId: ids.variantId, changes: { cost: 4321, weightGrams: 777 } });
    if (!edit.ok) throw new Error(edit.error.message);
    const changeSetId = edit.value.changeSetId;
    if (changeSetId === null) throw new Error('no change set');
    const seen = async (who: SignedIn): Promise<Record<string, unknown>> => {
      const answer = await who.call('history.get', { changeSetId });
      if (!answer.ok) throw new Error(answer.error.message);
      return Object.fromEntries(answer.value.items.map((item) => [item.field, [item.before, item.after]]));
    };
    const asOwner = await seen(owner);
    expect((asOwner['cost'] as unknown[])[1]).toBe(4321);
    const asStaff = await seen(staff);
    expect(asStaff['cost']).toEqual([null, null]);
    expect(asStaff['weight_grams'] ?? asStaff['weightGrams']).toEqual(asOwner['weight_grams'] ?? asOwner['weightGrams']);
  });
});

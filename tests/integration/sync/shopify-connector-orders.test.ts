// What the Shopify connector reads of an order beyond lines and statuses (line prices, buyer
// e-mail, assigned location), that an orders page stays within the cost bucket, and that the
// pacer does not hold points for requests that failed before Shopify ran them.
import { afterEach, describe, expect, it } from 'vitest';
import { orderNodeCost, ordersCost } from '../../../src/sync/connectors/shopify/queries.js';
import { ordersPageMax } from '../../../src/sync/connectors/shopify/orders.js';
import type { ShopifyEmulator } from '../../emulators/shopify/server.js';
import { type ShopifyFixture, shopifyFixture } from './shopify-connector-helpers.js';

const started: ShopifyEmulator[] = [];
async function fixture(options: Parameters<typeof shopifyFixture>[0] = {}): Promise<ShopifyFixture> {
  const f = await shopifyFixture(options);
  started.push(f.emulator);
  return f;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.stop()));
});

/** Sleeps that return at once but are recorded, so pacing waits show without taking time. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: (ms) => { slept.push(ms); return Promise.resolve(); } };
}

describe('shopify connector: order prices, e-mail and location', () => {
  it('maps each line price to minor units (seeded or the variant price), the e-mail and the assigned location', async () => {
    const f = await fixture();
    const door = f.emulator.sideDoor;
    const id = door.createOrder(
      [{ sku: 'TEA-100', quantity: 2, price: '11.25' }, { sku: 'MUG-1', quantity: 1 }, { sku: 'GIFT-WRAP', quantity: 1, price: '3' }],
      { email: 'buyer@example.com', locationGid: f.store },
    );
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    const order = page.orders.find((o) => o.remoteOrderId === id);
    expect(order).toMatchObject({ customerEmail: 'buyer@example.com', remoteLocationId: f.store, currency: 'USD' });
    expect(order?.lines.map((l) => [l.sku, l.unitPrice])).toEqual([['TEA-100', 1125], ['MUG-1', 800], ['GIFT-WRAP', 300]]);
  });

  it('an order without e-mail has none; the default location is the first one', async () => {
    const f = await fixture();
    const id = f.emulator.sideDoor.createOrder([{ sku: 'TEA-250', quantity: 1 }]);
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    expect(page.orders.find((o) => o.remoteOrderId === id)).toMatchObject({ customerEmail: null, remoteLocationId: f.warehouse });
    expect(page.orders[0]?.lines[0]?.unitPrice).toBe(2500);
  });

  it('lines read beyond the first page of an order carry their prices too', async () => {
    const f = await fixture();
    const lines = Array.from({ length: 23 }, (_, i) => ({ sku: `CUSTOM-${i}`, quantity: 1, price: `${i + 1}.05` }));
    const id = f.emulator.sideDoor.createOrder(lines);
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    const order = page.orders.find((o) => o.remoteOrderId === id);
    expect(order?.lines.map((l) => l.unitPrice)).toEqual(lines.map((_, i) => (i + 1) * 100 + 5));
  });
});

describe('shopify connector: orders page cost', () => {
  it('a full page of orders requests no more than the 1000-point single-query limit', () => {
    expect(ordersPageMax).toBeGreaterThanOrEqual(10);
    expect(ordersCost(ordersPageMax)).toBeLessThanOrEqual(1000);
  });

  it('with a bucket smaller than a full page, pages shrink to fit it and are never throttled', async () => {
    const bucket = { maximumAvailable: 300, restoreRate: 1000 };
    const f = await fixture({ emulator: { bucket } });
    const door = f.emulator.sideDoor;
    const ids = Array.from({ length: 5 }, () => door.createOrder([{ sku: 'MUG-1', quantity: 1 }]));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor, limit: 50 });
      expect(page.orders.length).toBeLessThanOrEqual(Math.floor((bucket.maximumAvailable - 2) / orderNodeCost));
      seen.push(...page.orders.map((o) => o.remoteOrderId));
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect(door.counters().throttled).toBe(0);
  });
});

describe('shopify pacer: failed requests', () => {
  it('points booked for requests that failed with 5xx or a reset are given back: the retries do not wait for the bucket', async () => {
    const { sleep, slept } = recordingSleep();
    const f = await fixture({ tuning: { sleep } });
    const door = f.emulator.sideDoor;
    door.createOrder([{ sku: 'MUG-1', quantity: 1 }]);
    door.failNext(2, 503);
    door.resetNext(2);
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    expect(page.orders).toHaveLength(1);
    expect(f.connector.stats.retries).toBe(4);
    // Four failures of a ~940-point query: without giving points back, ~8 s of pacing each.
    expect(f.connector.stats.waitedMs).toBe(0);
    expect(slept.every((ms) => ms <= 50)).toBe(true);
  });

  it('a timed-out request may have run, so its points stay booked and the retry waits for them', async () => {
    const { sleep } = recordingSleep();
    const f = await fixture({ requestTimeoutMs: 200, tuning: { sleep } });
    const door = f.emulator.sideDoor;
    door.createOrder([{ sku: 'MUG-1', quantity: 1 }]);
    door.delayNext(1, 400);
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    expect(page.orders).toHaveLength(1);
    expect(f.connector.stats.retries).toBe(1);
    // The retry had to wait for most of the 900-odd points to be restored at 100 per second.
    expect(f.connector.stats.waitedMs).toBeGreaterThan(5000);
  });
});

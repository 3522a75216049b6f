// A shop behind a real core (router, validation, output checks) with a clock the test moves, a
// fetch the test can break, and a Shopify emulator holding one product whose SKU matches a local
// variant with stock — the starting point of the Channels tests (connect, sync, schedule, alert).
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../../src/core.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract.js';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { fixedClock } from '../../../src/shared/clock.js';
import type { AppErrorShape } from '../../../src/shared/envelope.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../../emulators/shopify/server.js';
import { failure, ok, tempDir, testNow } from '../temp-shop.js';

export interface MovableClock {
  now(): Date;
  advance(ms: number): void;
}

export function movableClock(start = testNow): MovableClock {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export interface ChannelsShop {
  core: Core;
  db: Db;
  path: string;
  dir: string;
  clock: MovableClock;
  emulator: ShopifyEmulator;
  /** While true, every request to a marketplace answers 401 (as a revoked token would). */
  breakRemote(broken: boolean): void;
  variant: { id: number; sku: string };
  locationId: number;
  remote: { variantId: string; inventoryItemId: string; warehouse: string };
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppErrorShape>;
  /** Connects the emulator as channel "Shopify store"; returns its id. */
  connect(): Promise<number>;
  /** Waits for a job to end; returns its final info. */
  job(jobId: string): Promise<MethodOutput<'jobs.list'>['jobs'][number]>;
  close(): Promise<void>;
}

export async function channelsShop(options: Partial<CoreOptions> = {}): Promise<ChannelsShop> {
  const dir = tempDir();
  const path = join(dir, 'shop.db');
  const seed = openShopDatabase({ path, migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(testNow) });
  seed.settingsStore.insert({ name: 'Test shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, testNow);
  seed.db.close();
  const clock = movableClock();
  let broken = false;
  const fetchThrough: typeof globalThis.fetch = async (input, init) =>
    broken ? new Response('{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}', { status: 401 }) : globalThis.fetch(input, init);
  const core = createCore({ dbPath: path, clock, checkOutputs: true, background: false, fetch: fetchThrough, syncRequestTimeoutMs: 3000, ...options });
  const db = openDatabase(path);

  const location = await ok(core, 'locations.create', { code: 'MAIN', name: 'Main', kind: 'warehouse' });
  const product = await ok(core, 'products.create', { title: 'Green tea', skuPrefix: 'TEA', price: 1_250 });
  const local = product.variants[0];
  if (!local) throw new Error('no variant created');
  await ok(core, 'stock.adjust', { lines: [{ variantId: local.id, locationId: location.id, delta: 7, reasonCode: 'found' }] });

  // A roomy cost bucket: these tests are about the service layer, not pacing (the connector's own tests are).
  const emulator = await startShopifyEmulator({ bucket: { maximumAvailable: 20_000, restoreRate: 10_000 } });
  emulator.sideDoor.setShopName('Tea & Mugs');
  const warehouse = emulator.sideDoor.addLocation('Warehouse');
  const seeded = emulator.sideDoor.addProduct('Green tea', [{ sku: local.sku, price: '12.50', stock: { [warehouse]: 2 } }]);
  const remoteVariant = seeded.variants[0];
  if (!remoteVariant) throw new Error('no remote variant seeded');

  const shop: ChannelsShop = {
    core,
    db,
    path,
    dir,
    clock,
    emulator,
    breakRemote: (value) => void (broken = value),
    variant: { id: local.id, sku: local.sku },
    locationId: location.id,
    remote: { variantId: remoteVariant.id, inventoryItemId: remoteVariant.inventoryItemId, warehouse },
    ok: (method, input) => ok(core, method, input),
    fail: (method, input) => failure(core, method, input),
    async connect() {
      const detail = await ok(core, 'channels.connect', {
        kind: 'shopify',
        name: 'Shopify store',
        connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: emulator.url, bucketSize: 20_000, restoreRatePerSecond: 10_000 },
        credentials: { accessToken: emulator.accessToken },
      });
      return detail.id;
    },
    async job(jobId) {
      for (let i = 0; i < 400; i += 1) {
        const found = (await ok(core, 'jobs.list', {})).jobs.find((job) => job.id === jobId);
        if (found && found.status !== 'running') return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`job ${jobId} did not finish`);
    },
    async close() {
      db.close();
      await core.close();
      await emulator.stop();
    },
  };
  return shop;
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Order pull benchmarks (issue 14): the real order puller (src/sync/order-puller.ts) and
// WooCommerce connector against the WooCommerce emulator, in real time.
//  - First sync of 50,000 remote orders (1–3 lines of 200 linked products, placed 3 s apart in the
//    emulator's clock, so they span about 40 hours): every order becomes a local order committing
//    stock, pages of 100, one transaction per page.
//  - Incremental pull after 1,000 of them changed (completed or cancelled an hour later): the
//    watermark's overlap window re-reads a few more, which the puller leaves unchanged.
// Each against the emulator's bare page-read time: the very URLs the connector requested, read
// again with plain fetch and JSON.parse, no validation, no database writes.
//  - Shopify, standard bucket (1,000 points, 100/s): a first sync of a few hundred orders, against
//    the bucket's bound — the points the pages actually cost (extensions.cost.actualQueryCost),
//    less the full bucket at the start, at 100 points/s. Every page must wait until its
//    *requested* cost is back in the bucket, so the pull runs at the actual-cost rate; 50,000
//    orders this way take hours (the figure printed), which is why it is measured small.
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open.js';
import { Rng } from '../../src/demo/prng.js';
import { systemClock } from '../../src/shared/clock.js';
import { createOrderPuller } from '../../src/sync/order-puller.js';
import { buildConnector, connectionOf, secretsOf } from '../integration/sync/soak-connectors.js';
import { startWooEmulator, defaultTestKey } from '../emulators/woocommerce/index.js';
import { startShopifyPlatform } from '../integration/sync/soak-platforms.js';
import { connectChannel, createSoakShopFile } from '../integration/sync/soak-shop.js';
import { printTable } from './measure.js';

const CHANNEL = 1;
const PRODUCTS = 200;

export interface PullRun {
  orders: number;
  created: number;
  updated: number;
  unchanged: number;
  pages: number;
  seconds: number;
  ordersPerSecond: number;
  bareSeconds: number;
  ratio: number;
}

export interface ShopifyPullRun {
  orders: number;
  pages: number;
  seconds: number;
  ordersPerSecond: number;
  actualCost: number;
  /** (actual cost − bucket) ÷ restore rate: the least time the bucket allows for these pages. */
  boundSeconds: number;
  ratio: number;
  /** 50,000 orders at the measured rate. */
  hoursFor50k: number;
}

export interface SyncPullFigures {
  first: PullRun;
  incremental: PullRun;
  shopify: ShopifyPullRun;
}

async function benchShopifyPull(dir: string, orders: number): Promise<ShopifyPullRun> {
  const path = join(dir, 'pull-shopify.db');
  const variants = createSoakShopFile(path, PRODUCTS, 20261208, 40);
  const bucket = { maximumAvailable: 1000, restoreRate: 100 };
  const platform = await startShopifyPlatform({ timeoutMs: 30_000, bucket });
  const links = platform.seed(variants, () => 1_000_000);
  const db = openDatabase(path);
  connectChannel(db, { id: CHANNEL, platform: 'shopify', connection: connectionOf(platform.config), links, locationMap: platform.locationMap() });
  db.prepare('DELETE FROM sync_outbox').run();
  const rng = new Rng(8);
  const skuOf = new Map(variants.map((v) => [v.id, v.sku]));
  for (let i = 0; i < orders; i += 1) {
    const picked = new Map<number, (typeof links)[number]>();
    for (let n = rng.int(1, 3); n > 0; n -= 1) {
      const link = rng.pick(links);
      picked.set(link.variantId, link);
    }
    platform.placeOrder([...picked.values()].map((link) => ({ link, sku: skuOf.get(link.variantId) ?? '', quantity: rng.int(1, 2) })));
  }
  let actualCost = 0;
  const costing: typeof globalThis.fetch = async (input, init) => {
    const answer = await globalThis.fetch(input, init);
    const text = await answer.text();
    const cost = (JSON.parse(text) as { extensions?: { cost?: { actualQueryCost?: number | null } } }).extensions?.cost?.actualQueryCost;
    actualCost += cost ?? 0;
    return new Response(text, { status: answer.status, headers: answer.headers });
  };
  const { connector } = buildConnector(platform.config, costing);
  const puller = createOrderPuller({ db, clock: systemClock, connectorFor: () => connector, pageSize: 250 });
  const start = performance.now();
  const summary = await puller.runOnce(CHANNEL);
  const seconds = (performance.now() - start) / 1000;
  db.close();
  await platform.stop();
  if (summary.status !== 'done') throw new Error(`Shopify pull ended ${summary.status}`);
  const boundSeconds = Math.max(0, actualCost - bucket.maximumAvailable) / bucket.restoreRate;
  const ordersPerSecond = summary.created / seconds;
  return { orders: summary.created, pages: summary.pages, seconds, ordersPerSecond, actualCost, boundSeconds, ratio: boundSeconds / seconds, hoursFor50k: 50_000 / ordersPerSecond / 3600 };
}

export async function benchSyncPull(dir: string, orders = 50_000, changed = 1_000, shopifyOrders = 300): Promise<SyncPullFigures> {
  const path = join(dir, 'pull.db');
  const variants = createSoakShopFile(path, PRODUCTS, 20261207, 40);
  const woo = await startWooEmulator();
  const door = woo.sideDoor;
  const links = variants.map((variant) => {
    const product = door.seedProduct({ name: `Item ${variant.sku}`, sku: variant.sku, regular_price: (variant.price / 100).toFixed(2), manage_stock: true, stock_quantity: 1_000_000 });
    return { variantId: variant.id, remoteVariantId: String(product.id), remoteInventoryItemId: null, remoteProductId: String(product.id) };
  });
  const config = { kind: 'woocommerce' as const, url: woo.url, consumerKey: defaultTestKey.consumerKey, consumerSecret: defaultTestKey.consumerSecret, timeoutMs: 30_000 };
  const db = openDatabase(path);
  connectChannel(db, { id: CHANNEL, platform: 'woocommerce', connection: connectionOf(config), links, locationMap: [] });
  db.prepare('DELETE FROM sync_outbox').run(); // this bench pulls; the pushes the links queued are not its business

  console.error(`sync pull bench: placing ${orders} orders in the emulator…`);
  const rng = new Rng(7);
  const placed: number[] = [];
  door.advanceClock(-orders * 3000 - 3_600_000);
  for (let i = 0; i < orders; i += 1) {
    const lines = [];
    for (let n = rng.int(1, 3); n > 0; n -= 1) lines.push({ product_id: Number(rng.pick(links).remoteVariantId), quantity: rng.int(1, 2) });
    placed.push(door.placeOrder(lines).id);
    door.advanceClock(3000);
  }

  const urls: string[] = [];
  const recording: typeof globalThis.fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return globalThis.fetch(input, init);
  };
  const { connector } = buildConnector(config, recording);
  const puller = createOrderPuller({ db, clock: systemClock, connectorFor: () => connector, secretsOf: () => secretsOf(config), pageSize: 100 });
  const auth = `Basic ${Buffer.from(`${config.consumerKey}:${config.consumerSecret}`).toString('base64')}`;

  async function bare(pages: readonly string[]): Promise<number> {
    const start = performance.now();
    for (const url of pages) {
      const read = () => globalThis.fetch(url, { headers: { Authorization: auth } });
      const answer = await read().catch(read);
      JSON.parse(await answer.text());
    }
    return (performance.now() - start) / 1000;
  }

  async function measure(): Promise<PullRun> {
    urls.length = 0;
    const start = performance.now();
    const summary = await puller.runOnce(CHANNEL);
    const seconds = (performance.now() - start) / 1000;
    if (summary.status !== 'done') throw new Error(`pull ended ${summary.status}: ${JSON.stringify(summary.error)}`);
    const received = summary.created + summary.updated + summary.unchanged;
    const bareSeconds = await bare([...urls]);
    return { orders: received, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, pages: summary.pages, seconds, ordersPerSecond: received / seconds, bareSeconds, ratio: seconds / bareSeconds };
  }

  console.error('  first sync…');
  const first = await measure();
  door.advanceClock(3_600_000);
  const toChange = [...placed];
  rng.shuffle(toChange);
  for (const id of toChange.slice(0, changed)) door.changeOrderStatus(id, rng.chance(0.8) ? 'completed' : 'cancelled');
  console.error(`  done in ${first.seconds.toFixed(1)} s; incremental pull of ${changed} changed orders…`);
  const incremental = await measure();
  db.close();
  await woo.stop();
  console.error(`  done in ${incremental.seconds.toFixed(1)} s; Shopify, ${shopifyOrders} orders at the standard bucket…`);
  const shopify = await benchShopifyPull(dir, shopifyOrders);

  const row = (name: string, run: PullRun) => [
    name,
    `${run.orders} (${run.created} new, ${run.updated} changed, ${run.unchanged} unchanged)`,
    String(run.pages),
    `${run.seconds.toFixed(2)} s`,
    run.ordersPerSecond.toFixed(0),
    `${run.bareSeconds.toFixed(2)} s (${(run.orders / run.bareSeconds).toFixed(0)} orders/s)`,
    `${run.ratio.toFixed(2)}x`,
  ];
  printTable('Order pull, WooCommerce emulator', ['run', 'orders read', 'pages', 'time', 'orders/s', 'bare page reads', 'pull / bare'], [
    row(`first sync, ${orders.toLocaleString('en')} orders`, first),
    row(`incremental, ${changed.toLocaleString('en')} changed`, incremental),
  ]);
  printTable('Order pull, Shopify emulator (bucket 1000, 100/s)', ['run', 'pages', 'time', 'orders/s', 'bucket bound (actual cost)', 'bound / time', '50,000 orders'], [
    [
      `first sync, ${shopify.orders} orders`,
      String(shopify.pages),
      `${shopify.seconds.toFixed(1)} s`,
      shopify.ordersPerSecond.toFixed(1),
      `${shopify.boundSeconds.toFixed(1)} s (${shopify.actualCost} points)`,
      `${(shopify.ratio * 100).toFixed(0)} %`,
      `${shopify.hoursFor50k.toFixed(1)} h`,
    ],
  ]);
  return { first, incremental, shopify };
}

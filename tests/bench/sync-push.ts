// Stock push benchmarks (issue 14): 10,000 linked SKUs queued in the outbox, pushed by the real
// push worker and connector to an emulator, in real time (no emulator clock speed-up).
//  - Shopify, bucket 1,000 points restoring 100/s: items/s against the theoretical maximum the
//    bucket allows. The emulator charges a flat `mutationCost` per inventorySetQuantities call
//    whatever its number of quantities, and the connector sends `stockBatchSize` quantities per
//    call, so the sustained ceiling is restoreRate ÷ mutationCost × stockBatchSize items/s. The run
//    starts with a drained bucket so it measures that sustained rate (from a full bucket, 10,000
//    items fit in the burst and the bucket never binds; that run is printed too, as the client's
//    own speed).
//  - WooCommerce, batches of 100 with read-back: items/s against the same batch writes sent bare
//    (plain fetch, no database, no read-back).
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/db/open.js';
import { systemClock } from '../../src/shared/clock.js';
import { createOutboxStore } from '../../src/sync/outbox-store.js';
import { createPushWorker } from '../../src/sync/push-worker.js';
import { mutationCost } from '../emulators/shopify/cost.js';
import { buildConnector, connectionOf, secretsOf } from '../integration/sync/soak-connectors.js';
import { startPlatform, type SoakPlatform } from '../integration/sync/soak-platforms.js';
import { endState } from '../integration/sync/soak-run.js';
import { connectChannel, createSoakShopFile } from '../integration/sync/soak-shop.js';
import { defaultStockRule } from '../../src/sync/available-to-sell.js';
import { printTable } from './measure.js';

const CHANNEL = 1;

export interface PushRun {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  calls: number;
  throttled: number;
  mismatches: number;
}

export interface SyncPushFigures {
  shopify: PushRun & { batch: number; costPerCall: number; restoreRate: number; theoreticalPerSecond: number; ratio: number; waitedMs: number | null; fullBucket: PushRun };
  woocommerce: PushRun & { bareSeconds: number; bareItemsPerSecond: number; ratio: number };
}

interface Prepared {
  db: Db;
  platform: SoakPlatform;
  close(): Promise<void>;
  push(): Promise<PushRun & { waitedMs: number | null; batch: number }>;
}

async function prepare(kind: SoakPlatform['kind'], dir: string, items: number, name: string): Promise<Prepared> {
  const path = join(dir, `${name}.db`);
  const variants = createSoakShopFile(path, items, 20261206);
  const platform = await startPlatform(kind, { timeoutMs: 15_000, bucket: { maximumAvailable: 1000, restoreRate: 100 } });
  const links = platform.seed(variants, () => 0);
  const db = openDatabase(path);
  connectChannel(db, { id: CHANNEL, platform: kind, connection: connectionOf(platform.config), links, locationMap: platform.locationMap() });
  const built = buildConnector(platform.config);
  const worker = createPushWorker({ db, clock: systemClock, connectorFor: () => built.connector, secretsOf: () => secretsOf(platform.config) });
  const outbox = createOutboxStore(db);
  return {
    db,
    platform,
    close: async () => {
      db.close();
      await platform.stop();
    },
    async push() {
      const writesBefore = platform.stockWrites();
      const throttledBefore = platform.throttled();
      const start = performance.now();
      for (let pass = 0; outbox.pendingCount(CHANNEL) > 0 && pass < 10_000; pass += 1) await worker.runOnce(CHANNEL);
      const seconds = (performance.now() - start) / 1000;
      const end = endState(db, platform, CHANNEL, variants, links, defaultStockRule);
      return {
        items,
        seconds,
        itemsPerSecond: items / seconds,
        calls: platform.stockWrites() - writesBefore,
        throttled: platform.throttled() - throttledBefore,
        mismatches: end.mismatches.length + end.outbox,
        waitedMs: built.waitedMs(),
        batch: built.connector.capabilities.stockBatchSize,
      };
    },
  };
}

/** The same batch writes the WooCommerce connector sends, with plain fetch: no database, no read-back. */
async function bareWooBatches(platform: SoakPlatform, ids: readonly number[]): Promise<number> {
  if (platform.config.kind !== 'woocommerce') throw new Error('WooCommerce only');
  const auth = `Basic ${Buffer.from(`${platform.config.consumerKey}:${platform.config.consumerSecret}`).toString('base64')}`;
  const start = performance.now();
  for (let i = 0; i < ids.length; i += 100) {
    const update = ids.slice(i, i + 100).map((id, j) => ({ id, manage_stock: true, stock_quantity: (i + j) % 37 }));
    const send = () =>
      fetch(`${platform.config.url}/wp-json/wc/v3/products/batch`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ update }),
      });
    // A kept-alive socket the server closed meanwhile: send again once, as any client would.
    const answer = await send().catch(send);
    if (!answer.ok) throw new Error(`bare batch: HTTP ${answer.status}`);
    await answer.json();
  }
  return (performance.now() - start) / 1000;
}

export async function benchSyncPush(dir: string, items = 10_000): Promise<SyncPushFigures> {
  // Shopify from a full bucket: the client's own speed (the burst covers every call).
  console.error(`sync push bench: ${items} items, Shopify from a full bucket…`);
  const burst = await prepare('shopify', dir, items, 'push-shopify-burst');
  const { waitedMs: _w, batch: _b, ...fullBucket } = await burst.push();
  await burst.close();

  console.error(`  done in ${fullBucket.seconds.toFixed(1)} s; Shopify from a drained bucket…`);
  const shopify = await prepare('shopify', dir, items, 'push-shopify');
  const restoreRate = 100;
  shopify.platform.drainRateLimit();
  const sustained = await shopify.push();
  await shopify.close();
  const theoreticalPerSecond = (restoreRate / mutationCost) * sustained.batch;

  console.error(`  done in ${sustained.seconds.toFixed(1)} s; WooCommerce…`);
  const woo = await prepare('woocommerce', dir, items, 'push-woo');
  const { waitedMs: _ww, batch: _wb, ...wooRun } = await woo.push();
  const ids = woo.db.prepare<[], { id: string }>('SELECT remote_variant_id AS id FROM channel_links ORDER BY id').all().map((row) => Number(row.id));
  const bareSeconds = await bareWooBatches(woo.platform, ids);
  await woo.close();

  const figures: SyncPushFigures = {
    shopify: { ...sustained, costPerCall: mutationCost, restoreRate, theoreticalPerSecond, ratio: sustained.itemsPerSecond / theoreticalPerSecond, fullBucket },
    woocommerce: { ...wooRun, bareSeconds, bareItemsPerSecond: items / bareSeconds, ratio: wooRun.seconds / bareSeconds },
  };
  const n = (value: number) => value.toFixed(0);
  printTable(`Stock push, ${items.toLocaleString('en')} linked SKUs`, ['run', 'time', 'items/s', 'calls', 'throttled', 'end-state mismatches', 'against'], [
    [
      `Shopify, drained bucket 1000/${restoreRate} per s`,
      `${sustained.seconds.toFixed(2)} s`,
      n(sustained.itemsPerSecond),
      String(sustained.calls),
      String(sustained.throttled),
      String(sustained.mismatches),
      `max ${n(theoreticalPerSecond)} items/s (${restoreRate}/s ÷ ${mutationCost} points × ${sustained.batch}): ${(figures.shopify.ratio * 100).toFixed(1)} %`,
    ],
    [`Shopify, full bucket (burst)`, `${fullBucket.seconds.toFixed(2)} s`, n(fullBucket.itemsPerSecond), String(fullBucket.calls), String(fullBucket.throttled), String(fullBucket.mismatches), 'bucket does not bind'],
    [
      'WooCommerce, batches of 100 + read-back',
      `${wooRun.seconds.toFixed(2)} s`,
      n(wooRun.itemsPerSecond),
      String(wooRun.calls),
      String(wooRun.throttled),
      String(wooRun.mismatches),
      `bare batches ${bareSeconds.toFixed(2)} s (${n(figures.woocommerce.bareItemsPerSecond)} items/s): ${figures.woocommerce.ratio.toFixed(2)}x`,
    ],
  ]);
  return figures;
}

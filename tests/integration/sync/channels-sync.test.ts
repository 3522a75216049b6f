// Sync through the core: Sync now pulls the channel's orders and pushes stock, the Channels page's
// figures follow, one pass at a time per channel, the scheduler runs passes by itself (after the
// pull interval, and within seconds of a local stock change), and a channel failing for more than
// 30 minutes raises the sync-failure alert, which resolves when the channel recovers.
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../temp-shop.js';
import { channelsShop, eventually, type ChannelsShop } from './channels-harness.js';

let shop: ChannelsShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
  removeTempDirs();
});

/** Connect, read the catalogue and link the one matching variant. */
async function linkedChannel(s: ChannelsShop): Promise<number> {
  const channelId = await s.connect();
  const scan = await s.ok('links.scan', { channelId });
  expect((await s.job(scan.jobId)).status).toBe('succeeded');
  expect((await s.ok('links.apply', { channelId, links: 'allMatched' })).linked).toBe(1);
  return channelId;
}

const channelOf = async (s: ChannelsShop, channelId: number) => {
  const found = (await s.ok('channels.list', {})).channels.find((c) => c.id === channelId);
  if (!found) throw new Error('channel missing');
  return found;
};

describe('sync.run', () => {
  it('pulls the new order and pushes what the shop may sell; the status figures follow', async () => {
    shop = await channelsShop();
    const channelId = await linkedChannel(shop);
    shop.emulator.sideDoor.createOrder([{ sku: shop.variant.sku, quantity: 2 }]);

    const { jobId } = await shop.ok('sync.run', { channelId });
    const job = await shop.job(jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');

    const orders = shop.db.prepare('SELECT COUNT(*) AS n FROM channel_orders WHERE channel_id = ?').get(channelId) as { n: number };
    expect(orders.n).toBe(1);
    // 7 on hand, 2 committed to the channel order: 5 may be sold, and the channel shows 5.
    expect(shop.emulator.sideDoor.available(shop.remote.inventoryItemId, shop.remote.warehouse)).toBe(5);

    const status = await channelOf(shop, channelId);
    expect(status).toMatchObject({ syncStatus: 'connected', running: false, failingSince: null, lastError: null, queueLength: 0, links: 1, pulledToday: 1 });
    expect(status.pushedToday).toBeGreaterThanOrEqual(1);
    expect(status.lastPullOkAt).not.toBeNull();
    expect(status.lastPushOkAt).not.toBeNull();
    const log = await shop.ok('sync.log', { channelId });
    expect(log.rows.some((row) => row.direction === 'pull')).toBe(true);
    expect(log.rows.some((row) => row.direction === 'push')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(shop.emulator.accessToken);
  });

  it('runs one pass per channel: a second Sync now joins the running job', async () => {
    shop = await channelsShop();
    const channelId = await linkedChannel(shop);
    shop.emulator.sideDoor.delayNext(1, 300);
    const first = await shop.ok('sync.run', { channelId });
    const second = await shop.ok('sync.run', { channelId, what: 'push' });
    expect(second.jobId).toBe(first.jobId);
    expect((await channelOf(shop, channelId)).running).toBe(true);
    expect((await shop.job(first.jobId)).status).toBe('succeeded');
    expect((await channelOf(shop, channelId)).running).toBe(false);
  });

  it('Cancel stops the pass: the job ends cancelled and the channel is free again', async () => {
    shop = await channelsShop();
    const channelId = await linkedChannel(shop);
    shop.emulator.sideDoor.delayNext(1, 300);
    const { jobId } = await shop.ok('sync.run', { channelId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await shop.ok('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect((await shop.job(jobId)).status).toBe('cancelled');
    expect((await channelOf(shop, channelId)).running).toBe(false);
    expect((await shop.job((await shop.ok('sync.run', { channelId })).jobId)).status).toBe('succeeded');
  });

  it('a failed pass fails the job with the connector reason and marks the channel failing', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    shop.breakRemote(true);
    const { jobId } = await shop.ok('sync.run', { channelId });
    const job = await shop.job(jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'PERMISSION', details: { key: 'syncShopifyBadToken' } });
    const status = await channelOf(shop, channelId);
    expect(status).toMatchObject({ syncStatus: 'failing', lastError: { key: 'syncShopifyBadToken' } });
    expect(status.failingSince).not.toBeNull();
  });
});

describe('links through the core', () => {
  it('imports a remote-only product as a linked local one, and unlinks', async () => {
    shop = await channelsShop();
    shop.emulator.sideDoor.addProduct('Mug', [{ sku: 'MUG-1', price: '8.00', stock: { [shop.remote.warehouse]: 4 } }]);
    const channelId = await linkedChannel(shop);
    const before = await shop.ok('links.review', { channelId, filter: 'remoteOnly' });
    expect(before.rows.map((row) => row.remote?.sku)).toEqual(['MUG-1']);

    const imported = await shop.ok('links.importRemote', { channelId, remoteVariantIds: 'all' });
    expect(imported).toMatchObject({ products: 1, variants: 1, counts: { linked: 2, remoteOnly: 0 } });
    expect((await shop.ok('products.list', {})).rows.map((row) => row.sku).sort()).toEqual(['MUG-1', shop.variant.sku]);
    expect((await channelOf(shop, channelId)).links).toBe(2);

    const unlinked = await shop.ok('links.unlink', { channelId, variantIds: [shop.variant.id] });
    expect(unlinked).toMatchObject({ unlinked: 1, counts: { linked: 1 } });
  });
});

describe('shutting down', () => {
  it('core.close() aborts a running scheduled pass and waits for it: nothing fails under a closed database', async () => {
    const errors: unknown[] = [];
    shop = await channelsShop({ background: true, syncPollMs: 20, logError: (error) => errors.push(error) });
    const s = shop;
    s.emulator.sideDoor.delayNext(2, 300);
    const channelId = await s.connect();
    s.emulator.sideDoor.delayNext(3, 300);
    await eventually(async () => (await channelOf(s, channelId)).running);
    await s.core.close();
    // Past the delayed answers: a pass left running would now fail on the closed database.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(errors).toEqual([]);
  });
});

describe('the scheduler', () => {
  it('pulls when a channel is due, again after its interval, and pushes soon after a local stock change', async () => {
    shop = await channelsShop({ background: true, syncPollMs: 40 });
    const channelId = await linkedChannel(shop);
    const s = shop;
    // Never pulled: due at once.
    const first = await eventually(async () => (await channelOf(s, channelId)).lastPullOkAt ?? undefined);
    expect(first).toBe(s.clock.now().toISOString());
    await eventually(async () => !(await channelOf(s, channelId)).running);

    // A local change is pushed within a poll or two, long before the next pull (5 minutes).
    await s.ok('stock.adjust', { lines: [{ variantId: s.variant.id, locationId: s.locationId, delta: 3, reasonCode: 'found' }] });
    await eventually(() => s.emulator.sideDoor.available(s.remote.inventoryItemId, s.remote.warehouse) === 10);
    expect((await channelOf(s, channelId)).lastPullOkAt).toBe(first);

    // Five minutes later the next pull is due.
    s.clock.advance(300_000);
    const second = await eventually(async () => {
      const at = (await channelOf(s, channelId)).lastPullOkAt;
      return at !== first ? at : undefined;
    });
    expect(second).toBe(s.clock.now().toISOString());
  });
});

describe('the sync-failure alert', () => {
  it('opens after 30 minutes of failures and resolves when the channel syncs again', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    shop.breakRemote(true);
    expect((await shop.job((await shop.ok('sync.run', { channelId })).jobId)).status).toBe('failed');
    const alertsOf = async () => (await shop?.ok('alerts.list', {}))?.alerts.filter((a) => a.rule === 'syncFailure') ?? [];

    shop.clock.advance(20 * 60_000);
    await shop.ok('alerts.evaluate', {});
    expect(await alertsOf()).toEqual([]);

    shop.clock.advance(11 * 60_000);
    expect((await shop.job((await shop.ok('sync.run', { channelId })).jobId)).status).toBe('failed');
    await shop.ok('alerts.evaluate', {});
    const [alert] = await alertsOf();
    expect(alert).toMatchObject({
      status: 'new',
      severity: 'critical',
      subjectType: 'channel',
      subjectId: String(channelId),
      explanation: { title: { key: 'alerts.title.syncFailure', params: { channel: 'Shopify store' } }, value: 31, baseline: 30, action: { kind: 'openChannel', channelId } },
    });

    // Paused channels are not watched; resumed and healthy, the alert resolves.
    shop.breakRemote(false);
    expect((await shop.job((await shop.ok('sync.run', { channelId })).jobId)).status).toBe('succeeded');
    await shop.ok('alerts.evaluate', {});
    expect((await alertsOf()).map((a) => a.status)).toEqual(['resolved']);
  });

  it('warns when more than 20 failed items wait, and stops watching a paused channel', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    const insert = shop.db.prepare(
      `INSERT INTO review_queue (channel_id, kind, subject, reason_key, created_at, updated_at) VALUES (?, 'failed_item', ?, 'syncServerError', ?, ?)`,
    );
    const add = (from: number, to: number) => {
      for (let i = from; i < to; i += 1) insert.run(channelId, `variant:${i}:stock`, '2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z');
    };
    const alertsOf = async () => (await shop?.ok('alerts.list', {}))?.alerts.filter((a) => a.rule === 'syncFailure') ?? [];
    add(0, 20);
    await shop.ok('alerts.evaluate', {});
    expect(await alertsOf()).toEqual([]);

    add(20, 21);
    await shop.ok('alerts.evaluate', {});
    const [alert] = await alertsOf();
    expect(alert).toMatchObject({ severity: 'warning', explanation: { value: 21, baseline: 20, metric: { key: 'alerts.metric.syncFailedItems' } } });
    expect(alert?.explanation.causes).toEqual([{ key: 'alerts.cause.syncFailedItems', params: { items: 21 } }]);

    // The review queue exports like any other list (reason key and params in their own cells).
    const exported = await shop.ok('exports.grid', {
      source: 'review.list',
      query: { channelId, kind: 'failed_item' },
      columns: [
        { field: 'subject', header: 'Subject', kind: 'text' },
        { field: 'reasonKey', header: 'Why', kind: 'text', labels: { syncServerError: 'The channel had a problem' } },
        { field: 'attempts', header: 'Attempts', kind: 'number' },
      ],
      format: 'csv',
      fileName: 'review',
    });
    expect(exported.rows).toBe(21);
    expect(Buffer.from(exported.contentBase64, 'base64').toString('utf8')).toContain('variant:20:stock,The channel had a problem');

    await shop.ok('channels.pause', { channelId });
    await shop.ok('alerts.evaluate', {});
    expect((await alertsOf()).map((a) => a.status)).toEqual(['resolved']);
  });
});

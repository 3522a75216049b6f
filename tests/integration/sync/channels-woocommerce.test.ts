// The same service layer against the WooCommerce emulator: connect with a consumer key and
// secret (sealed), link, Sync now pulls the order and pushes stock; a changed channel buffer
// re-queues every linked variant; the sync log exports without the secret.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTestKey, startWooEmulator, type RunningWooEmulator } from '../../emulators/woocommerce/index.js';
import { removeTempDirs } from '../temp-shop.js';
import { channelsShop, type ChannelsShop } from './channels-harness.js';

let shop: ChannelsShop | null = null;
let woo: RunningWooEmulator | null = null;
afterEach(async () => {
  await shop?.close();
  await woo?.stop();
  shop = null;
  woo = null;
  removeTempDirs();
});

describe('a WooCommerce channel', () => {
  it('connects, links, pulls an order, pushes stock and follows a buffer change', async () => {
    shop = await channelsShop();
    woo = await startWooEmulator();
    const product = woo.sideDoor.seedProduct({ name: 'Green tea', sku: shop.variant.sku, regular_price: '12.50', manage_stock: true, stock_quantity: 2 });

    const detail = await shop.ok('channels.connect', {
      kind: 'woocommerce',
      name: 'Woo shop',
      connection: { siteUrl: woo.url },
      credentials: { consumerKey: defaultTestKey.consumerKey, consumerSecret: defaultTestKey.consumerSecret },
    });
    expect(detail).toMatchObject({ kind: 'woocommerce', syncStatus: 'connected', hasCredentials: true });
    expect(JSON.stringify(detail)).not.toContain(defaultTestKey.consumerSecret);
    const channelId = detail.id;

    const scan = await shop.ok('links.scan', { channelId });
    expect((await shop.job(scan.jobId)).status).toBe('succeeded');
    const review = await shop.ok('links.review', { channelId, filter: 'matched' });
    expect(review.counts).toMatchObject({ matched: 1, linked: 0 });
    expect(review.scannedAt).not.toBeNull();
    await shop.ok('links.apply', { channelId, links: 'allMatched' });

    woo.sideDoor.placeOrder([{ product_id: product.id, quantity: 1 }]);
    const run = await shop.ok('sync.run', { channelId });
    const job = await shop.job(run.jobId);
    expect(job.error).toBeNull();
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM channel_orders WHERE channel_id = ?').get(channelId)).toEqual({ n: 1 });
    // 7 on hand, 1 committed: 6 may be sold.
    expect(woo.sideDoor.product(product.id).stock_quantity).toBe(6);

    // A buffer of 2 on the channel: every linked variant is queued and pushed again.
    const updated = await shop.ok('channels.update', { channelId, buffer: 2 });
    expect(updated.buffer).toBe(2);
    expect(updated.queueLength).toBe(1);
    expect((await shop.job((await shop.ok('sync.run', { channelId, what: 'push' })).jobId)).status).toBe('succeeded');
    expect(woo.sideDoor.product(product.id).stock_quantity).toBe(4);

    // The sync log exports, credentials never in it.
    const exported = await shop.ok('exports.grid', {
      source: 'sync.log',
      query: { channelId },
      columns: [
        { field: 'at', header: 'When', kind: 'text' },
        { field: 'direction', header: 'Direction', kind: 'text' },
        { field: 'summaryKey', header: 'What', kind: 'text', labels: { 'sync.log.stockPushed': 'Stock pushed: {items} products, {failed} failed' }, paramsField: 'summaryParamValues' },
        { field: 'summaryParams', header: 'Figures', kind: 'text' },
        { field: 'requestExcerpt', header: 'Sent', kind: 'text' },
        { field: 'answerExcerpt', header: 'Received', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'sync-log',
    });
    const csv = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
    // The summary reads as the sentence on screen, its figures filled in.
    expect(csv).toMatch(/Stock pushed: \d+ products, 0 failed/);
    expect(csv).toContain('pull');
    expect(csv).not.toContain(defaultTestKey.consumerSecret);
    expect(csv).not.toContain(defaultTestKey.consumerKey);
  });
});

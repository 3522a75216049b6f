// Connecting a channel through the core: the connection is tested before anything is saved,
// credentials are stored only sealed, the reasons for a failure are named, and pause / resume /
// disconnect do what the Channels page promises.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileName } from '../../../src/sync/credential-vault.js';
import { removeTempDirs } from '../temp-shop.js';
import { channelsShop, type ChannelsShop } from './channels-harness.js';

let shop: ChannelsShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
  removeTempDirs();
});

const fileText = (path: string): string => {
  try {
    return readFileSync(path).toString('latin1');
  } catch {
    return '';
  }
};

describe('channels.connect and channels.test', () => {
  it('tests, saves and seals: the token is nowhere in the shop file, the key file is owner-only', async () => {
    shop = await channelsShop();
    const token = shop.emulator.accessToken;
    const detail = await shop.ok('channels.connect', {
      kind: 'shopify',
      name: 'Shopify store',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: token },
      buffer: 1,
    });
    expect(detail).toMatchObject({ name: 'Shopify store', code: 'shopify-store', kind: 'shopify', syncStatus: 'connected', paused: false, hasCredentials: true, buffer: 1 });
    expect(detail.locations).toEqual([{ remoteLocationId: shop.remote.warehouse, remoteLocationName: 'Warehouse', locationId: null }]);
    expect(JSON.stringify(detail)).not.toContain(token);

    // Checkpoint the WAL so the bytes on disk are the whole database, then look for the token.
    shop.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileText(shop.path) + fileText(`${shop.path}-wal`);
    expect(bytes).toContain('keyfile-aes-256-gcm');
    expect(bytes).not.toContain(token);
    const mode = statSync(join(shop.dir, keyFileName)).mode & 0o777;
    expect(mode).toBe(0o600);

    // The saved channel opens its credentials again and reaches the shop.
    const report = await shop.ok('channels.test', { channelId: detail.id });
    expect(report).toMatchObject({ shopName: 'Tea & Mugs', locations: 1, products: 1 });
    const log = await shop.ok('sync.log', { channelId: detail.id, direction: 'test' });
    expect(log.rows.map((row) => row.summary.key)).toEqual(['sync.log.tested', 'sync.log.connected']);
    expect(JSON.stringify(log)).not.toContain(token);
  });

  it('Test connection of a new connection says what it found, without saving anything', async () => {
    shop = await channelsShop();
    const report = await shop.ok('channels.test', {
      kind: 'shopify',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: shop.emulator.accessToken },
    });
    expect(report).toMatchObject({ shopName: 'Tea & Mugs', locations: 1, products: 1 });
    expect((await shop.ok('channels.list', {})).channels.filter((c) => c.kind !== null)).toEqual([]);
  });

  it('a bad token is refused with the reason naming it, and no channel is saved', async () => {
    shop = await channelsShop();
    const error = await shop.fail('channels.connect', {
      kind: 'shopify',
      name: 'Shopify store',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: 'shpat_wrong' },
    });
    expect(error.code).toBe('PERMISSION');
    expect(error.details.key).toBe('syncShopifyBadToken');
    expect(JSON.stringify(error)).not.toContain('shpat_wrong');
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM channel_credentials').get()).toEqual({ n: 0 });
    expect((await shop.ok('channels.list', {})).channels.some((c) => c.name === 'Shopify store')).toBe(false);
  });

  it('refuses plain http:// to another machine (credentials would travel in clear)', async () => {
    shop = await channelsShop();
    const woo = await shop.fail('channels.connect', {
      kind: 'woocommerce',
      name: 'Woo',
      connection: { siteUrl: 'http://shop.example.com' },
      credentials: { consumerKey: 'ck_1234', consumerSecret: 'cs_1234' },
    });
    expect(woo.code).toBe('VALIDATION');
    expect(woo.details.issues).toEqual([expect.objectContaining({ path: 'connection.siteUrl', key: 'httpsRequired' })]);
    const shopify = await shop.fail('channels.test', {
      kind: 'shopify',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: 'http://10.0.0.5:8080' },
      credentials: { accessToken: 'shpat_x' },
    });
    expect(shopify.details.issues?.[0]?.key).toBe('httpsRequired');
  });

  it('refuses to store credentials under a key file other users can read', async () => {
    shop = await channelsShop();
    writeFileSync(join(shop.dir, keyFileName), randomBytes(32), { mode: 0o644 });
    chmodSync(join(shop.dir, keyFileName), 0o644);
    const error = await shop.fail('channels.connect', {
      kind: 'shopify',
      name: 'Shopify store',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: shop.emulator.accessToken },
    });
    expect(error.details.key).toBe('keyFileExposed');
    expect((await shop.ok('channels.list', {})).channels.some((c) => c.name === 'Shopify store')).toBe(false);
  });

  it('refuses a second channel of the same name', async () => {
    shop = await channelsShop();
    await shop.connect();
    const again = await shop.fail('channels.connect', {
      kind: 'shopify',
      name: 'shopify STORE',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: shop.emulator.accessToken },
    });
    expect(again).toMatchObject({ code: 'CONFLICT', details: { key: 'channelNameTaken' } });
  });
});

describe('channels.update', () => {
  it('tests a new connection or token before it replaces the working one', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    const insecure = await shop.fail('channels.update', { channelId, connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: 'http://10.0.0.5' } });
    expect(insecure.code).toBe('VALIDATION');
    expect(insecure.details.issues).toEqual([expect.objectContaining({ path: 'connection.baseUrl', key: 'httpsRequired' })]);
    const badToken = await shop.fail('channels.update', { channelId, credentials: { accessToken: 'shpat_revoked' } });
    expect(badToken).toMatchObject({ code: 'PERMISSION', details: { key: 'syncShopifyBadToken' } });
    // Nothing was replaced: the saved channel still reaches the shop.
    expect((await shop.ok('channels.test', { channelId })).shopName).toBe('Tea & Mugs');
    const renamed = await shop.ok('channels.update', { channelId, name: 'Tea shop', pullIntervalSeconds: 600 });
    expect(renamed).toMatchObject({ name: 'Tea shop', pullIntervalSeconds: 600, code: 'shopify-store' });
  });
});

describe('pause, resume and disconnect', () => {
  it('a paused channel is not synced until resumed', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    const paused = await shop.ok('channels.pause', { channelId });
    expect(paused).toMatchObject({ paused: true, nextPullAt: null });
    expect(await shop.fail('sync.run', { channelId })).toMatchObject({ code: 'CONFLICT', details: { key: 'channelPaused' } });
    const resumed = await shop.ok('channels.resume', { channelId });
    expect(resumed.paused).toBe(false);
    expect(resumed.nextPullAt).not.toBeNull();
    const { jobId } = await shop.ok('sync.run', { channelId });
    expect((await shop.job(jobId)).status).toBe('succeeded');
  });

  it('disconnect removes the credentials, links and queue; the channel and its orders stay', async () => {
    shop = await channelsShop();
    const channelId = await shop.connect();
    const scan = await shop.ok('links.scan', { channelId });
    expect((await shop.job(scan.jobId)).status).toBe('succeeded');
    const applied = await shop.ok('links.apply', { channelId, links: 'allMatched' });
    expect(applied.linked).toBe(1);
    const count = (table: string) => (shop?.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE channel_id = ?`).get(channelId) as { n: number }).n;
    expect(count('channel_links')).toBe(1);

    const summary = await shop.ok('channels.disconnect', { channelId });
    expect(summary).toMatchObject({ syncStatus: 'disconnected', links: 0, queueLength: 0 });
    for (const table of ['channel_credentials', 'channel_links', 'sync_outbox', 'channel_location_map']) expect(count(table)).toBe(0);
    expect(await shop.fail('sync.run', { channelId })).toMatchObject({ code: 'CONFLICT', details: { key: 'channelNotConnected' } });
    expect((await shop.ok('channels.list', {})).channels.find((c) => c.id === channelId)?.syncStatus).toBe('disconnected');

    // New credentials connect it again.
    const again = await shop.ok('channels.update', { channelId, credentials: { accessToken: shop.emulator.accessToken } });
    expect(again).toMatchObject({ syncStatus: 'connected', hasCredentials: true });
    expect(again.locations.map((location) => location.remoteLocationName)).toEqual(['Warehouse']);
  });
});

import { describe, expect, it } from 'vitest';
import { channelSettingsSchema, secureUrlSchema, stockRuleOf } from '../../../src/sync/channel-settings.js';
import { shopifySettingsSchema } from '../../../src/sync/connectors/shopify/settings.js';
import { wooSettingsSchema } from '../../../src/sync/connectors/woocommerce/settings.js';
import { vendureSettingsSchema } from '../../../src/sync/connectors/vendure/settings.js';

describe('channel settings', () => {
  it('fills the defaults: no buffer, full share, no cap, a pull every 5 minutes, not paused, Shopdesk owns prices', () => {
    const settings = channelSettingsSchema.parse({ connection: { siteUrl: 'https://shop.example' } });
    expect(settings).toEqual({
      connection: { siteUrl: 'https://shop.example' },
      buffer: 0,
      shareBasisPoints: 10_000,
      cap: null,
      pullIntervalSeconds: 300,
      paused: false,
      ownership: { price: 'shopdesk', compareAtPrice: 'shopdesk' },
    });
    expect(stockRuleOf(channelSettingsSchema.parse({ connection: {}, buffer: 2, shareBasisPoints: 5000, cap: 9 }))).toEqual({
      buffer: 2,
      shareBasisPoints: 5000,
      cap: 9,
    });
  });

  it('refuses fractional shares, negative buffers and pull intervals under a minute', () => {
    expect(channelSettingsSchema.safeParse({ connection: {}, shareBasisPoints: 50.5 }).success).toBe(false);
    expect(channelSettingsSchema.safeParse({ connection: {}, shareBasisPoints: 10_001 }).success).toBe(false);
    expect(channelSettingsSchema.safeParse({ connection: {}, buffer: -1 }).success).toBe(false);
    expect(channelSettingsSchema.safeParse({ connection: {}, pullIntervalSeconds: 10 }).success).toBe(false);
  });
});

describe('connection URLs', () => {
  it('accepts HTTPS anywhere and plain HTTP only on this machine', () => {
    for (const url of ['https://shop.example.com', 'http://localhost:8080', 'http://127.0.0.1:3000/wp', 'http://[::1]:9000']) {
      expect(secureUrlSchema.safeParse(url).success, url).toBe(true);
    }
    for (const url of ['http://shop.example.com', 'ftp://localhost', 'not a url', 'https://user:pw@shop.example.com', 'http://localhost.evil.com']) {
      expect(secureUrlSchema.safeParse(url).success, url).toBe(false);
    }
  });

  it('checks each platform connection: Shopify domain and dated version, WooCommerce and Vendure URLs', () => {
    expect(shopifySettingsSchema.parse({ shopDomain: 'My-Shop.myshopify.com' })).toMatchObject({ shopDomain: 'my-shop.myshopify.com', apiVersion: '2026-04' });
    expect(shopifySettingsSchema.safeParse({ shopDomain: 'my-shop.example.com' }).success).toBe(false);
    expect(shopifySettingsSchema.safeParse({ shopDomain: 'a.myshopify.com', apiVersion: '2026-05' }).success).toBe(false);
    expect(wooSettingsSchema.safeParse({ siteUrl: 'http://shop.example.com' }).success).toBe(false);
    expect(wooSettingsSchema.parse({ siteUrl: 'https://shop.example.com' }).authInQuery).toBe(false);
    expect(vendureSettingsSchema.safeParse({ adminApiUrl: 'http://127.0.0.1:3001/admin-api' }).success).toBe(true);
  });
});

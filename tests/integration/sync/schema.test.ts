// The sync tables' own guarantees: what the database refuses whatever the code does.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const at = '2026-11-20T10:00:00.000Z';

function withChannel(s: TestShop): void {
  s.db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'shop', 'Shopify', 'shopify', ?)").run(at);
}

describe('sync schema', () => {
  it('imports a remote order once per channel: a second row for the same remote id is refused', () => {
    shop = testShop();
    withChannel(shop);
    const insert = shop.db.prepare(
      "INSERT INTO channel_orders (channel_id, remote_order_id, remote_updated_at, state, imported_at) VALUES (1, ?, ?, 'imported', ?)",
    );
    insert.run('gid://shopify/Order/1', at, at);
    expect(() => insert.run('gid://shopify/Order/1', at, at)).toThrow(/UNIQUE/);
  });

  it('keeps one open review item per subject, while resolved ones stay as history', () => {
    shop = testShop();
    withChannel(shop);
    const open = shop.db.prepare(
      "INSERT INTO review_queue (channel_id, kind, subject, reason_key, created_at, updated_at) VALUES (1, 'conflict', 'variant:3:price', 'priceConflict', ?, ?)",
    );
    open.run(at, at);
    expect(() => open.run(at, at)).toThrow(/UNIQUE/);
    shop.db.prepare("UPDATE review_queue SET status = 'resolved', resolved_at = ?").run(at);
    expect(() => open.run(at, at)).not.toThrow();
  });

  it('refuses invalid JSON settings, unknown outbox kinds and a key without its version', () => {
    shop = testShop();
    withChannel(shop);
    expect(() => shop?.db.prepare("UPDATE channels SET settings = '{not json' WHERE id = 1").run()).toThrow(/CHECK/);
    shop.db.prepare("INSERT INTO products (id, title, handle, status, created_at, updated_at) VALUES (1, 'Tea', 'tea', 'active', ?, ?)").run(at, at);
    shop.db.prepare("INSERT INTO variants (id, product_id, sku, price, position, created_at, updated_at) VALUES (1, 1, 'TEA', 100, 1, ?, ?)").run(at, at);
    expect(() =>
      shop?.db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (1, 1, 'title', ?)").run(at),
    ).toThrow(/CHECK/);
    expect(() =>
      shop?.db
        .prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at, idempotency_key) VALUES (1, 1, 'stock', ?, 'k')")
        .run(at),
    ).toThrow(/CHECK/);
  });

  it('drops a channel’s links, outbox rows and credentials with the channel', () => {
    shop = testShop();
    withChannel(shop);
    shop.db.prepare("INSERT INTO products (id, title, handle, status, created_at, updated_at) VALUES (1, 'Tea', 'tea', 'active', ?, ?)").run(at, at);
    shop.db.prepare("INSERT INTO variants (id, product_id, sku, price, position, created_at, updated_at) VALUES (1, 1, 'TEA', 100, 1, ?, ?)").run(at, at);
    shop.db.prepare("INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, created_at) VALUES (1, 1, 'r1', ?)").run(at);
    shop.db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (1, 1, 'stock', ?)").run(at);
    shop.db.prepare("INSERT INTO channel_credentials (channel_id, scheme, sealed, updated_at) VALUES (1, 'keyfile-aes-256-gcm', 'AQ==', ?)").run(at);
    shop.db.prepare('DELETE FROM channels WHERE id = 1').run();
    const left = shop.db
      .prepare('SELECT (SELECT COUNT(*) FROM channel_links) + (SELECT COUNT(*) FROM sync_outbox) + (SELECT COUNT(*) FROM channel_credentials) AS n')
      .get() as { n: number };
    expect(left.n).toBe(0);
  });
});

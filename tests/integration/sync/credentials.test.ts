// Credentials reach the shop database only sealed, come back only in the shape the connector expects.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keyFileSealerIn, VaultError } from '../../../src/sync/credential-vault.js';
import { createCredentialsStore } from '../../../src/sync/credentials-store.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, tempDir } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const wooCredentials = z.object({ consumerKey: z.string().startsWith('ck_'), consumerSecret: z.string().startsWith('cs_') });
const secret = 'cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const at = '2026-11-20T10:00:00.000Z';

function withChannels(s: TestShop): void {
  const insert = s.db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (?, ?, ?, 'woocommerce', ?)");
  insert.run(1, 'woo-a', 'Woo A', at);
  insert.run(2, 'woo-b', 'Woo B', at);
}

describe('credentials store', () => {
  it('stores only sealed text, and loads the credentials back validated', () => {
    shop = testShop();
    withChannels(shop);
    const store = createCredentialsStore(shop.db, keyFileSealerIn(tempDir()));
    store.save(1, { consumerKey: 'ck_1234', consumerSecret: secret }, at);
    expect(store.has(1)).toBe(true);
    expect(store.load(1, wooCredentials)).toEqual({ consumerKey: 'ck_1234', consumerSecret: secret });
    expect(store.load(2, wooCredentials)).toBeNull();

    shop.db.pragma('wal_checkpoint(TRUNCATE)');
    const row = shop.db.prepare('SELECT scheme, sealed FROM channel_credentials WHERE channel_id = 1').get() as { scheme: string; sealed: string };
    expect(row.scheme).toBe('keyfile-aes-256-gcm');
    expect(row.sealed).not.toContain(secret);
    expect(readFileSync(shop.path).includes(Buffer.from(secret))).toBe(false);
  });

  it('refuses a record moved to another channel, and one that no longer matches the schema, without quoting it', () => {
    shop = testShop();
    withChannels(shop);
    const store = createCredentialsStore(shop.db, keyFileSealerIn(tempDir()));
    store.save(1, { consumerKey: 'ck_1234', consumerSecret: secret }, at);
    shop.db.prepare("INSERT INTO channel_credentials (channel_id, scheme, sealed, updated_at) SELECT 2, scheme, sealed, updated_at FROM channel_credentials WHERE channel_id = 1").run();
    expect(() => store.load(2, wooCredentials)).toThrow(VaultError);

    store.save(1, { consumerKey: 'wrong', consumerSecret: secret }, at);
    let message = '';
    try {
      store.load(1, wooCredentials);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/incomplete/);
    expect(message).not.toContain(secret);

    store.remove(1);
    expect(store.has(1)).toBe(false);
  });
});

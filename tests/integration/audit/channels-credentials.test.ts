// Channels: a connection and its settings are recorded, its credentials never —
// neither the token sent with the call nor the sealed value stored.
import { afterEach, describe, expect, it } from 'vitest';
import { channelsShop, type ChannelsShop } from '../sync/channels-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { audited, changeOf } from './audit-harness.js';

let shop: ChannelsShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

describe('channels in the audit log', () => {
  it('records the connection and a settings change without any credential', async () => {
    shop = await channelsShop();
    const token = shop.emulator.accessToken;
    const connected = await audited(shop, 'channels.connect', {
      kind: 'shopify',
      name: 'Shopify store',
      connection: { shopDomain: 'tea-and-mugs.myshopify.com', baseUrl: shop.emulator.url },
      credentials: { accessToken: token },
    });
    expect(connected.row).toMatchObject({ kind: 'channels.connect', area: 'channels', personName: connected.expectedPerson });
    expect(changeOf(connected.row, 'channels', 'name')).toMatchObject({ before: null, after: 'Shopify store' });
    // That credentials were stored is recorded (when, which sealer), never their value.
    expect(changeOf(connected.row, 'channel_credentials', 'scheme')?.after).toBeTruthy();
    const sealed = (shop.db.prepare('SELECT sealed FROM channel_credentials').get() as { sealed: string }).sealed;
    const everything = JSON.stringify(shop.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(sealed);
    expect(everything).toContain('•••');

    const renamed = await audited(shop, 'channels.update', { channelId: connected.value.id, name: 'Shopify (EU)' });
    expect(changeOf(renamed.row, 'channels', 'name')).toMatchObject({ before: 'Shopify store', after: 'Shopify (EU)' });
  });
});

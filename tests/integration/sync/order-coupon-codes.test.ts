// Synced orders carry the coupon code the buyer entered into orders.coupon_code (promotion
// attribution reads it): Shopify's discountCodes, WooCommerce's coupon_lines, Vendure's
// couponCodes — the first when there are several — and a code changed on the platform follows.
import { afterEach, describe, expect, it } from 'vitest';
import { toRemoteOrder, vendureOrderSchema } from '../../../src/sync/connectors/vendure/orders.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../../emulators/shopify/server.js';
import { startWooEmulator, type RunningWooEmulator } from '../../emulators/woocommerce/index.js';
import { HOD_M, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, OrdersSource, pullerShop, type PullerShop } from './order-puller-helpers.js';
import { connectorFor } from './shopify-connector-helpers.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

let shopify: ShopifyEmulator | undefined;
let woo: RunningWooEmulator | undefined;
let ctx: PullerShop | undefined;
afterEach(async () => {
  await ctx?.shop.close();
  await shopify?.stop();
  await woo?.stop();
  ctx = undefined;
  shopify = undefined;
  woo = undefined;
  removeTempDirs();
});

const codes = (db: PullerShop['db']) =>
  db.prepare('SELECT order_number AS number, coupon_code AS code FROM orders ORDER BY order_number').all();

describe('coupon codes on synced orders', () => {
  it('Shopify: the first of the order’s discount codes, updated when the merchant changes it', async () => {
    shopify = await startShopifyEmulator();
    const door = shopify.sideDoor;
    door.freezeClock('2026-12-06T10:00:00Z');
    const wh = door.addLocation('Warehouse');
    const tea = door.addProduct('Tea', [{ sku: 'TEA-100', price: '128.00', stock: { [wh]: 50 } }]).variants[0]?.id ?? '';
    ctx = pullerShop({ [tea]: TEA }, {}, 'shopify');
    const withCodes = door.createOrder([{ sku: 'TEA-100', quantity: 1 }], { discountCodes: ['Summer20', 'FREESHIP'] });
    door.createOrder([{ sku: 'TEA-100', quantity: 1 }]);
    const run = ctx.puller(connectorFor(shopify));
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 2 });
    expect(codes(ctx.db)).toEqual([
      { number: '#1001', code: 'Summer20' },
      { number: '#1002', code: null },
    ]);

    door.advanceClock(60_000);
    door.setDiscountCodes(withCodes, ['WINTER5']);
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(codes(ctx.db)).toEqual([
      { number: '#1001', code: 'WINTER5' },
      { number: '#1002', code: null },
    ]);
    // Read again with nothing changed: unchanged, the code stays.
    expect(await run.runOnce(CH)).toMatchObject({ created: 0, updated: 0 });
    expect(codes(ctx.db)[0]).toEqual({ number: '#1001', code: 'WINTER5' });
  });

  it('WooCommerce: the first coupon line’s code', async () => {
    woo = await startWooEmulator();
    const hoodie = woo.sideDoor.seedProduct({ name: 'Hoodie', sku: 'HOD-001-BLK-M', regular_price: '59.99', manage_stock: true, stock_quantity: 50 }).id;
    ctx = pullerShop({ [String(hoodie)]: HOD_M }, {}, 'woocommerce');
    const placed = woo.sideDoor.placeOrder([{ product_id: hoodie, quantity: 1 }], 'processing', ['wb-7kq2m9xp', 'extra10']);
    expect(await ctx.puller(wooConnector(woo).connector).runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    expect(codes(ctx.db)).toEqual([{ number: placed.number, code: 'wb-7kq2m9xp' }]);
  });

  it('Vendure: the first of the order’s couponCodes, through the engine', async () => {
    ctx = pullerShop({ '41': TEA }, {}, 'vendure');
    // An Admin API answer as the connector's query (orderFields) reads it.
    const answer = {
      id: '7', code: 'VND-7', state: 'PaymentSettled', active: false, orderPlacedAt: '2026-12-06T10:00:00.000Z', createdAt: '2026-12-06T09:59:00.000Z',
      updatedAt: '2026-12-06T10:00:00.000Z', currencyCode: 'USD', customer: { emailAddress: 'mei@example.com' }, couponCodes: ['SPRING10', 'VIP'],
      lines: [{ id: '1', quantity: 2, orderPlacedQuantity: 2, unitPrice: 12800, productVariant: { id: '41', sku: 'TEA-100', name: 'Tea' } }],
    };
    const order = toRemoteOrder(vendureOrderSchema.parse(answer));
    expect(order?.couponCode).toBe('SPRING10');
    // An answer from a server that sends no couponCodes: no code.
    const { couponCodes: _none, ...older } = answer;
    expect(toRemoteOrder(vendureOrderSchema.parse(older))?.couponCode).toBeNull();

    const source = new OrdersSource();
    if (order) source.put(order);
    expect(await ctx.puller(source).runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    expect(codes(ctx.db)).toEqual([{ number: 'VND-7', code: 'SPRING10' }]);
  });
});

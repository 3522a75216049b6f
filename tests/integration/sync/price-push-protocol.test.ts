// The price pusher's delivery: batches of the platform's size, the idempotency key committed
// before sending and reused after a lost answer or a crash, backoff after failures, failed items
// in the review queue with the answer redacted, and the field a person is deciding left alone.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src/sync/connector.js';
import { createPricePusher } from '../../../src/sync/price-push.js';
import { HOD_M, MUG, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { PriceFakeConnector } from './price-fake-connector.js';
import { CH, SECRET, TestClock, addChannel, basePrices, closeShops, linkAtCurrentPrices, logKeys, openPriceShop, outboxRows, reviewItems, setLocal, setupPrices } from './price-shop.js';

afterEach(() => {
  closeShops();
  removeTempDirs();
});

describe('price push delivery', () => {
  it('sends one item per variant in batches of priceBatchSize and moves each synced base', async () => {
    const { db, connector, pusher } = setupPrices({}, { priceBatchSize: 2 }, [TEA, MUG, HOD_M]);
    setLocal(db, TEA, { price: 13000 });
    setLocal(db, TEA, { price: 13100 }); // coalesces into the same row
    setLocal(db, MUG, { compareAtPrice: 2500 });
    setLocal(db, HOD_M, { price: 6499 });
    expect(outboxRows(db).map((r) => r.variantId)).toEqual([HOD_M, TEA, MUG]);

    expect(await pusher.runOnce(CH)).toMatchObject({ status: 'done', pushed: 3, retrying: 0, failed: 0 });
    expect(connector.priceCalls.map((call) => call.length)).toEqual([2, 1]);
    expect(connector.prices.get(`rv-${TEA}`)).toEqual({ price: 13100, compareAtPrice: null });
    expect(connector.prices.get(`rv-${MUG}`)).toEqual({ price: 990, compareAtPrice: 2500 });
    expect(connector.prices.get(`rv-${HOD_M}`)).toEqual({ price: 6499, compareAtPrice: 7999 });
    expect([basePrices(db, TEA), basePrices(db, MUG), basePrices(db, HOD_M)]).toEqual([
      { price: 13100, compareAtPrice: null },
      { price: 990, compareAtPrice: 2500 },
      { price: 6499, compareAtPrice: 7999 },
    ]);
    expect(logKeys(db)).toEqual(['sync.log.pricesPushed', 'sync.log.pricesPushed']);
    expect(outboxRows(db)).toEqual([]);
  });

  it('after a lost answer, sees the price arrived in the next catalogue read and records it without resending', async () => {
    const { db, clock, connector, pusher } = setupPrices();
    setLocal(db, TEA, { price: 9900 });
    connector.loseNextAnswer = true;
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, retrying: 1 });
    const [queued] = outboxRows(db);
    expect(queued).toMatchObject({ variantId: TEA, attempts: 1, lastError: 'sync.error.timeout' });
    expect(queued?.nextTryAt).not.toBeNull();
    expect(basePrices(db, TEA)?.price).toBe(12800);

    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, accepted: 0 }); // backing off: not due yet
    clock.at += 60 * 60_000;
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, accepted: 1 });
    expect(connector.priceCalls).toHaveLength(1);
    expect(basePrices(db, TEA)?.price).toBe(9900);
    expect(outboxRows(db)).toEqual([]);
  });

  it('resends under the same key when the remote was not read again, and the platform applies it once', async () => {
    const { db, clock, connector } = setupPrices();
    const pusher = createPricePusher({ db, clock, connectorFor: () => connector, random: () => 0.5 });
    setLocal(db, TEA, { price: 9900 });
    connector.loseNextAnswer = true;
    expect(await pusher.runOnce(CH)).toMatchObject({ retrying: 1 });
    const key = outboxRows(db)[0]?.idempotencyKey ?? '';
    expect(key).not.toBe('');
    clock.at += 60 * 60_000;
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    expect(connector.priceCalls.map((call) => call[0]?.idempotencyKey)).toEqual([key, key]);
    expect(connector.pricesAppliedByKey.get(key)).toBe(1);
    expect(basePrices(db, TEA)?.price).toBe(9900);
    expect(outboxRows(db)).toEqual([]);
  });

  it('leaves the row queued with its key when the commit after the send fails, and resends the same request', async () => {
    const { db, clock, connector } = setupPrices();
    const pusher = createPricePusher({ db, clock, connectorFor: () => connector });
    setLocal(db, TEA, { price: 9900 });
    db.exec("CREATE TEMP TRIGGER crash BEFORE UPDATE OF synced_price ON channel_links BEGIN SELECT RAISE(ABORT, 'killed'); END");
    await expect(pusher.runOnce(CH)).rejects.toThrow('killed');
    const [queued] = outboxRows(db);
    expect(queued).toMatchObject({ variantId: TEA, attempts: 0 });
    expect(basePrices(db, TEA)?.price).toBe(12800);

    db.exec('DROP TRIGGER crash');
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    expect(connector.priceCalls.map((call) => call[0]?.idempotencyKey)).toEqual([queued?.idempotencyKey, queued?.idempotencyKey]);
    expect(connector.pricesAppliedByKey.get(queued?.idempotencyKey ?? '')).toBe(1);
    expect(basePrices(db, TEA)?.price).toBe(9900);
  });

  it('backs every row off after a whole-call error and stops calling after one that would repeat', async () => {
    const { db, connector, pusher } = setupPrices({}, { priceBatchSize: 1 });
    setLocal(db, TEA, { price: 9900 });
    setLocal(db, MUG, { price: 1090 });
    connector.nextCallError = new ConnectorError('auth', { key: 'syncBadToken', params: {} });
    const summary = await pusher.runOnce(CH);
    expect(summary).toMatchObject({ pushed: 0, retrying: 2, error: { key: 'syncBadToken' } });
    expect(connector.priceCalls).toHaveLength(1); // the second batch was not sent
    expect(outboxRows(db).map((r) => [r.variantId, r.attempts, r.lastError])).toEqual([
      [TEA, 1, 'syncBadToken'],
      [MUG, 1, 'syncBadToken'],
    ]);
    expect(logKeys(db)).toEqual(['sync.log.pricePushFailed']);
  });

  it('puts an item the platform refuses for good in the review queue, with the answer redacted, and backs off a retryable one', async () => {
    const { db, connector, pusher } = setupPrices();
    setLocal(db, TEA, { price: 9900 });
    setLocal(db, MUG, { price: 1090 });
    connector.failing.set(`rv-${TEA}`, { retryable: false, excerpt: `{"error":"price invalid","token":"${SECRET}"}` });
    connector.failing.set(`rv-${MUG}`, { retryable: true, excerpt: null });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, failed: 1, retrying: 1 });

    const [failed] = reviewItems(db);
    expect(failed).toMatchObject({ kind: 'failed_item', subject: `variant:${TEA}:price`, reasonKey: 'sync.item.refused', vals: { price: 9900, lastSynced: 12800 } });
    const answer = db.prepare<[], { remoteAnswer: string }>("SELECT remote_answer AS remoteAnswer FROM review_queue WHERE kind = 'failed_item'").get();
    expect(answer?.remoteAnswer).toContain('price invalid');
    expect(answer?.remoteAnswer).not.toContain(SECRET);
    expect(outboxRows(db)).toMatchObject([{ variantId: MUG, attempts: 1, lastError: 'sync.item.refused' }]);
    expect(basePrices(db, TEA)?.price).toBe(12800);
  });

  it('sends the channel its own value for a field waiting on a person while pushing the other field', async () => {
    const { db, connector, pusher } = setupPrices({ price: 'ask', compareAtPrice: 'shopdesk' }, {}, [MUG]);
    setLocal(db, MUG, { price: 1090, compareAtPrice: 2400 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 1 });
    expect(connector.priceCalls.flat()).toMatchObject([{ price: 990, compareAtPrice: 2400 }]);
    expect(connector.prices.get(`rv-${MUG}`)).toEqual({ price: 990, compareAtPrice: 2400 });
    expect(basePrices(db, MUG)).toEqual({ price: 990, compareAtPrice: 2400 });
    expect(reviewItems(db)).toMatchObject([{ subject: `variant:${MUG}:price`, reasonKey: 'sync.review.localPriceChanged', vals: { lastSynced: 990, local: 1090, remote: 990 } }]);
  });

  it('ignores compare-at on a platform without it', async () => {
    const { db, connector, pusher } = setupPrices({}, { compareAtPrice: false }, [MUG]);
    setLocal(db, MUG, { compareAtPrice: 2600 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0 });
    expect(connector.priceCalls).toEqual([]);
    expect(outboxRows(db)).toEqual([]);
    setLocal(db, MUG, { price: 1200 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    expect(connector.prices.get(`rv-${MUG}`)?.price).toBe(1200);
  });

  it('keeps the row when a newer change lands during the push, and pushes the new price next', async () => {
    const { db, connector, pusher } = setupPrices();
    setLocal(db, TEA, { price: 9900 });
    const push = connector.pushPrices.bind(connector);
    connector.pushPrices = (items) => {
      setLocal(db, TEA, { price: 9800 });
      connector.pushPrices = push;
      return push(items);
    };
    await pusher.runOnce(CH);
    expect(outboxRows(db)).toHaveLength(1);
    await pusher.runOnce(CH);
    expect(connector.prices.get(`rv-${TEA}`)?.price).toBe(9800);
    expect(basePrices(db, TEA)?.price).toBe(9800);
    expect(outboxRows(db)).toEqual([]);
  });
});

describe('price push: links, reads and channel state', () => {
  it('records agreement on a never-synced link without a call, and pushes a difference when Shopdesk owns the price', async () => {
    const { db, connector, pusher } = setupPrices({}, {}, [TEA, MUG]);
    db.prepare('UPDATE channel_links SET synced_price = NULL, synced_compare_at_price = NULL').run();
    connector.prices.set(`rv-${MUG}`, { price: 800, compareAtPrice: 1980 });
    db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (?, ?, 'price', ?), (?, ?, 'price', ?)").run(CH, TEA, 'x', CH, MUG, 'x');
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    expect(connector.priceCalls.flat().map((item) => item.remoteVariantId)).toEqual([`rv-${MUG}`]);
    expect(connector.prices.get(`rv-${MUG}`)).toEqual({ price: 990, compareAtPrice: 1980 });
    expect(basePrices(db, TEA)).toEqual({ price: 12800, compareAtPrice: null });
    expect(basePrices(db, MUG)).toEqual({ price: 990, compareAtPrice: 1980 });
  });

  it.each([
    ['ask', { price: 12800, compareAtPrice: null }, 'sync.review.priceDiffersAtLink'],
    ['channel', { price: 12000, compareAtPrice: null }, null],
  ] as const)('on a never-synced link whose prices differ, %s ownership asks or takes the channel price', async (owner, base, review) => {
    const { db, connector, pusher } = setupPrices({ price: owner }, {}, [TEA]);
    db.prepare('UPDATE channel_links SET synced_price = NULL, synced_compare_at_price = NULL').run();
    connector.prices.set(`rv-${TEA}`, { price: 12000, compareAtPrice: null });
    db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (?, ?, 'price', 'x')").run(CH, TEA);
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0 });
    expect(connector.priceCalls).toEqual([]);
    expect(basePrices(db, TEA)).toEqual(review ? { price: null, compareAtPrice: null } : base);
    expect(reviewItems(db).map((item) => [item.reasonKey, item.vals])).toEqual(
      review ? [[review, { field: 'price', lastSynced: null, local: 12800, remote: 12000 }]] : [],
    );
  });

  it('does not compare against a remote catalogue it could not read', async () => {
    const shop = openPriceShop();
    addChannel(shop);
    linkAtCurrentPrices(shop, TEA);
    const connector = new PriceFakeConnector();
    const pusher = createPricePusher({
      db: shop,
      clock: new TestClock(),
      connectorFor: () => connector,
      refreshRemote: () => Promise.reject(new ConnectorError('transient', { key: 'syncServerError', params: {} })),
    });
    setLocal(shop, TEA, { price: 9900 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, error: { key: 'syncServerError' } });
    expect(connector.priceCalls).toEqual([]);
    expect(outboxRows(shop)).toMatchObject([{ variantId: TEA, attempts: 0 }]);
  });

  it('does nothing on a paused or unconfigured channel', async () => {
    const { db, connector, pusher } = setupPrices();
    setLocal(db, TEA, { price: 9900 });
    db.prepare("UPDATE channels SET settings = json_set(settings, '$.paused', json('true'))").run();
    expect(await pusher.runOnce(CH)).toMatchObject({ status: 'paused' });
    db.prepare('UPDATE channels SET settings = NULL').run();
    expect(await pusher.runOnce(CH)).toMatchObject({ status: 'notConfigured', error: { key: 'sync.push.channelNotConfigured' } });
    expect(connector.priceCalls).toEqual([]);
    expect(outboxRows(db)).toHaveLength(1);
  });
});

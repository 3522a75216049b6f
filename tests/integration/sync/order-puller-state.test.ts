// What a pass asks for and what it leaves besides orders: the incremental request (first pull
// from the beginning, then from the watermark with the overlap), paused and unconfigured
// channels, a malformed order that becomes a failed item without stopping the pass, the
// redacted sync log, the channel's sync state and its daily counters, and analytics that count
// channel sales like any other.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src/sync/connector.js';
import { createSyncStateStore } from '../../../src/sync/pull-state-store.js';
import { TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import {
  CH,
  channelOrders,
  level,
  line,
  OrdersSource,
  pullerShop,
  pullLog,
  remoteOrder,
  reviews,
  SECRET,
  syncState,
  watermark,
  type PullerShop,
} from './order-puller-helpers.js';

let ctx: PullerShop | undefined;
afterEach(async () => {
  await ctx?.shop.close();
  ctx = undefined;
  removeTempDirs();
});

const AT = '2026-11-19T12:00:00.000Z';
const later = (seconds: number) => new Date(Date.parse(AT) + seconds * 1000).toISOString();

function setup(settings: Record<string, unknown> = {}): PullerShop & { source: OrdersSource } {
  ctx = pullerShop({ 'rv-tea': TEA }, settings);
  return { ...ctx, source: new OrdersSource() };
}

describe('order puller: requests, state and log', () => {
  it('pulls everything first, then from the watermark with an overlap of at least 120 s', async () => {
    const { db, puller, source } = setup();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)]), remoteOrder('2', later(3), [line('l2', 'rv-tea', 1, 9000)]));
    const run = puller(source, 1);
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 2, pages: 2 });
    expect(source.requests.map((r) => [r.since, r.cursor, r.limit])).toEqual([[null, null, 1], [null, '1', 1]]);
    expect(watermark(db)).toEqual({ value: later(3), overlapSeconds: 120 });
    await run.runOnce(CH);
    expect(source.requests[2]).toEqual({ since: later(3), overlapSeconds: 120, cursor: null, limit: 1 });
  });

  it('stops at the next page when its signal is aborted, keeping the pages committed before', async () => {
    const { db, puller, source } = setup();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)]), remoteOrder('2', later(3), [line('l2', 'rv-tea', 2, 9000)]));
    const stop = new AbortController();
    const run = puller(source, 1);
    await expect(run.runOnce(CH, { signal: stop.signal, onProgress: () => stop.abort() })).rejects.toThrow();
    expect(source.requests).toHaveLength(1);
    expect(channelOrders(db).map((o) => o.remoteOrderId)).toEqual(['1']);
    expect(watermark(db)?.value).toBe(AT);
    expect(await run.runOnce(CH)).toMatchObject({ created: 1, unchanged: 1 });
    expect(level(db, TEA).committed).toBe(3);
  });

  it('does nothing for a paused channel or one without connection settings', async () => {
    const paused = setup({ paused: true });
    paused.source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)]));
    expect(await paused.puller(paused.source).runOnce(CH)).toEqual({ status: 'paused', created: 0, updated: 0, unchanged: 0, held: 0, pages: 0, error: null });
    paused.db.prepare('UPDATE channels SET settings = NULL WHERE id = ?').run(CH);
    expect(await paused.puller(paused.source).runOnce(CH)).toMatchObject({ status: 'notConfigured', error: { key: 'sync.pull.channelNotConfigured' } });
    expect(paused.source.requests).toEqual([]);
    expect(channelOrders(paused.db)).toEqual([]);
  });

  it('records a malformed order as a failed item and goes on with the rest; a good re-read resolves it', async () => {
    const { db, puller, source } = setup();
    source.put(
      remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000, { refundedQuantity: 5 })]),
      remoteOrder('2', later(1), [line('l2', 'rv-tea', 1, 9000)]),
    );
    const run = puller(source);
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    expect(channelOrders(db).map((o) => o.remoteOrderId)).toEqual(['2']);
    const [failed] = reviews(db);
    expect(failed).toMatchObject({ kind: 'failed_item', subject: 'order:1', reasonKey: 'sync.pull.orderInvalid' });
    expect(failed?.remoteAnswer).toContain('"refundedQuantity":5');
    expect(watermark(db)?.value).toBe(later(1));

    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000)], { updatedAt: later(30) }));
    expect(await run.runOnce(CH)).toMatchObject({ created: 1, unchanged: 1 });
    expect(reviews(db)).toEqual([]);
    expect(level(db, TEA).committed).toBe(3);
  });

  it('logs one redacted row per page and counts what it pulled today', async () => {
    const { db, clock, puller, source } = setup();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000, { title: `Tea ${SECRET}` })]), remoteOrder('2', later(1), [line('l2', 'rv-tea', 1, 9000)]));
    const run = puller(source, 1);
    await run.runOnce(CH);
    const log = pullLog(db);
    expect(log.map((l) => [l.summaryKey, JSON.parse(l.params)])).toEqual([
      ['sync.log.pulledOrders', { orders: 1, created: 1, updated: 0, unchanged: 0, held: 0, failed: 0 }],
      ['sync.log.pulledOrders', { orders: 1, created: 1, updated: 0, unchanged: 0, held: 0, failed: 0 }],
    ]);
    expect(log[0]?.answer).toContain('[redacted]');
    expect(JSON.stringify(log)).not.toContain(SECRET);
    expect(syncState(db)).toMatchObject({ pulledToday: 2, lastPullOkAt: clock.now().toISOString(), failingSince: null });

    // Overlap re-reads of unchanged orders are not counted.
    await run.runOnce(CH);
    expect(syncState(db)?.pulledToday).toBe(2);
    clock.at += 24 * 3_600_000;
    source.put(remoteOrder('2', later(1), [line('l2', 'rv-tea', 3, 9000)], { updatedAt: later(90) }));
    await run.runOnce(CH);
    expect(syncState(db)?.pulledToday).toBe(1);
  });

  it('keeps push and pull health in one row: failures set failing_since once, a success clears it', () => {
    const { db } = setup();
    const state = createSyncStateStore(db);
    state.pushFailed(CH, { key: 'syncThrottled', params: { seconds: 3 } }, '2026-11-20T10:00:00.000Z');
    state.pullFailed(CH, { key: 'syncServerError', params: { status: 503 } }, '2026-11-20T10:05:00.000Z');
    state.addThrottleWait(CH, 1500, '2026-11-20T10:06:00.000Z');
    expect(state.get(CH)).toMatchObject({
      failingSince: '2026-11-20T10:00:00.000Z',
      lastError: { key: 'syncServerError', params: { status: 503 } },
      throttleWaitMsToday: 1500,
      lastPushAt: '2026-11-20T10:00:00.000Z',
      lastPullAt: '2026-11-20T10:05:00.000Z',
    });
    state.pushSucceeded(CH, 7, '2026-11-20T10:10:00.000Z');
    expect(state.get(CH)).toMatchObject({ failingSince: null, lastError: null, pushedToday: 7, lastPushOkAt: '2026-11-20T10:10:00.000Z' });
    state.pushSucceeded(CH, 1, '2026-11-21T00:00:01.000Z');
    expect(state.get(CH)).toMatchObject({ day: '2026-11-21', pushedToday: 1, throttleWaitMsToday: 0 });
    expect(state.get(999)).toBeNull();
  });

  it('ends a pass as failed when the connector cannot be reached, keeping earlier pages', async () => {
    const { db, puller, source } = setup();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)]), remoteOrder('2', later(1), [line('l2', 'rv-tea', 1, 9000)]));
    const run = puller(source, 1);
    const pulled = source.pullOrders.bind(source);
    let calls = 0;
    source.pullOrders = (request) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new ConnectorError('auth', { key: 'syncBadToken', params: {} }, { answerExcerpt: `token ${SECRET}` }));
      return pulled(request);
    };
    expect(await run.runOnce(CH)).toMatchObject({ status: 'failed', created: 1, pages: 1, error: { key: 'syncBadToken' } });
    expect(channelOrders(db)).toHaveLength(1);
    expect(syncState(db)).toMatchObject({ lastErrorKey: 'syncBadToken' });
    expect(JSON.stringify(pullLog(db))).not.toContain(SECRET);
  });

  it('lets analytics count channel sales: the KPIs of the day include pulled orders, not cancelled ones', async () => {
    const { shop, puller, source } = setup();
    const period = { from: '2026-11-19', to: '2026-11-19' };
    const before = await shop.ok('analytics.kpis', period);
    source.put(
      remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000)]),
      remoteOrder('2', later(60), [line('l2', 'rv-tea', 1, 9000)]),
      remoteOrder('3', later(120), [line('l3', 'rv-tea', 1, 9000)], { status: 'cancelled' }),
    );
    await puller(source).runOnce(CH);
    const after = await shop.ok('analytics.kpis', period);
    expect(after.current.orders - before.current.orders).toBe(2);
    expect(after.current.gmv - before.current.gmv).toBe(27000);
    expect(after.current.units - before.current.units).toBe(3);
    expect(after.byChannel.find((c) => c.channelId === CH)?.values).toMatchObject({ orders: 2, gmv: 27000 });
  });
});

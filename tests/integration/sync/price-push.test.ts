// Prices out against an in-memory connector: every ownership × change combination of the
// three-way compare, per field (price and compare-at separately), and what the pusher leaves
// behind — remote prices, the synced base, local prices, review items, the log.
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldOwner } from '../../../src/sync/channel-settings.js';
import type { PriceField } from '../../../src/sync/price-compare.js';
import { MUG, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, basePrices, closeShops, localPrices, logKeys, outboxRows, reviewItems, setLocal, setupPrices } from './price-shop.js';

afterEach(() => {
  closeShops();
  removeTempDirs();
});

type Change = 'none' | 'localOnly' | 'remoteOnly' | 'bothSame' | 'bothDifferent';
/** B: the synced base, L: the local edit, R: the remote edit. */
type Sym = 'B' | 'L' | 'R';
interface Expected {
  remote: Sym;
  base: Sym;
  local: Sym;
  review: string | null;
  pushed: boolean;
}

const e = (remote: Sym, base: Sym, local: Sym, pushed: boolean, review: string | null = null): Expected => ({ remote, base, local, review, pushed });

const rule: Record<FieldOwner, Record<Change, Expected>> = {
  shopdesk: {
    none: e('B', 'B', 'B', false),
    localOnly: e('L', 'L', 'L', true),
    remoteOnly: e('B', 'B', 'B', true), // the remote edit is overwritten by the local value
    bothSame: e('L', 'L', 'L', false),
    bothDifferent: e('R', 'B', 'L', false, 'sync.review.priceConflict'),
  },
  channel: {
    none: e('B', 'B', 'B', false),
    localOnly: e('B', 'B', 'L', false),
    remoteOnly: e('R', 'R', 'B', false),
    bothSame: e('L', 'L', 'L', false),
    bothDifferent: e('R', 'R', 'L', false),
  },
  ask: {
    none: e('B', 'B', 'B', false),
    localOnly: e('B', 'B', 'L', false, 'sync.review.localPriceChanged'),
    remoteOnly: e('R', 'B', 'B', false, 'sync.review.remotePriceChanged'),
    bothSame: e('L', 'L', 'L', false),
    bothDifferent: e('R', 'B', 'L', false, 'sync.review.priceConflict'),
  },
};

const fields: { field: PriceField; variantId: number; B: number; L: number; R: number }[] = [
  { field: 'price', variantId: TEA, B: 12800, L: 13000, R: 12500 },
  { field: 'compareAtPrice', variantId: MUG, B: 1980, L: 2200, R: 1500 },
];

const cases = fields.flatMap((f) =>
  (Object.keys(rule) as FieldOwner[]).flatMap((owner) => (Object.keys(rule[owner]) as Change[]).map((change) => ({ ...f, owner, change, expected: rule[owner][change] }))),
);

describe('three-way price compare, per field and owner', () => {
  it.each(cases)('$field owned by $owner, $change', async ({ field, variantId, owner, change, expected, ...values }) => {
    const { db, connector, pusher } = setupPrices({ [field]: owner }, {}, [variantId]);
    const other: PriceField = field === 'price' ? 'compareAtPrice' : 'price';
    const otherBefore = localPrices(db, variantId)?.[other];
    const remoteId = `rv-${variantId}`;
    const editRemote = (value: number) => {
      const now = connector.prices.get(remoteId) ?? { price: 0, compareAtPrice: null };
      connector.prices.set(remoteId, { ...now, [field]: value });
    };
    if (change === 'localOnly' || change === 'bothDifferent') setLocal(db, variantId, { [field]: values.L });
    if (change === 'remoteOnly' || change === 'bothDifferent') editRemote(values.R);
    if (change === 'bothSame') {
      setLocal(db, variantId, { [field]: values.L });
      editRemote(values.L);
    }

    const summary = await pusher.runOnce(CH);
    expect(summary.status).toBe('done');
    expect(connector.priceCalls.length > 0).toBe(expected.pushed);
    expect(connector.prices.get(remoteId)?.[field]).toBe(values[expected.remote]);
    expect(basePrices(db, variantId)?.[field]).toBe(values[expected.base]);
    expect(localPrices(db, variantId)?.[field]).toBe(values[expected.local]);
    // The other field is never disturbed: not locally, not remotely.
    expect(localPrices(db, variantId)?.[other]).toBe(otherBefore);
    expect(connector.prices.get(remoteId)?.[other]).toBe(otherBefore);

    const open = reviewItems(db);
    if (expected.review === null) {
      expect(open).toEqual([]);
    } else {
      const lastSynced = values.B;
      const local = values[expected.local];
      const remote = values[expected.remote];
      expect(open).toEqual([
        expect.objectContaining({ kind: 'conflict', subject: `variant:${variantId}:${field}`, reasonKey: expected.review, vals: { field, lastSynced, local, remote } }),
      ]);
    }
    expect(logKeys(db).includes('sync.log.remotePriceOverwritten')).toBe(owner === 'shopdesk' && change === 'remoteOnly');
    // Every row is settled: pushed, accepted, or waiting for a person in the review queue.
    expect(outboxRows(db)).toEqual([]);

    // A second pass finds nothing new to do and sends nothing.
    const calls = connector.priceCalls.length;
    const again = await pusher.runOnce(CH);
    expect(connector.priceCalls.length).toBe(calls);
    expect(again).toMatchObject({ pushed: 0, accepted: 0, reviews: 0 });
  });
});

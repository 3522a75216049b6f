// The Vendure order pull's keyset cursor without a server: what the next page asks for after a
// page, how ids read at the boundary instant are carried and bounded, and cursors it refuses.
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src/sync/connector.js';
import {
  decodeOrderCursor, encodeOrderCursor, keysetQuery, maxSeenIds, nextKeyset,
} from '../../../src/sync/connectors/vendure/order-cursor.js';

const row = (id: number, second: number): { id: string; updatedAt: string } => ({
  id: String(id), updatedAt: new Date(Date.UTC(2026, 11, 6, 10, 0, second)).toISOString(),
});

describe('vendure order cursor', () => {
  it('continues at the last instant read, excluding the orders already read at that instant', () => {
    const keyset = nextKeyset(null, [row(1, 0), row(2, 1), row(3, 1)]);
    expect(keyset).toEqual({ at: '2026-12-06T10:00:01.000Z', seen: ['2', '3'], skip: 0 });
    const cursor = decodeOrderCursor(encodeOrderCursor(keyset ?? { at: '', seen: [], skip: 0 }));
    expect(cursor).toEqual({ kind: 'keyset', keyset });
    // Strictly after one millisecond before the instant: the instant itself is read again.
    expect(keysetQuery(keyset ?? { at: '', seen: [], skip: 0 })).toEqual({
      updatedAt: { after: '2026-12-06T10:00:00.999Z' }, id: { notIn: ['2', '3'] }, skip: 0,
    });
  });

  it('carries the ids over while pages stay within one instant, and starts afresh at a later one', () => {
    const first = nextKeyset(null, [row(1, 1)]);
    const second = nextKeyset(first, [row(2, 1)]);
    expect(second?.seen).toEqual(['1', '2']);
    expect(nextKeyset(second, [row(9, 2)])).toEqual({ at: '2026-12-06T10:00:02.000Z', seen: ['9'], skip: 0 });
  });

  it('bounds the id list: beyond it, orders of the same instant are counted as an offset', () => {
    const many = Array.from({ length: maxSeenIds + 30 }, (_, i) => row(i + 1, 5));
    const keyset = nextKeyset(null, many);
    expect(keyset?.seen).toHaveLength(maxSeenIds);
    expect(keyset?.skip).toBe(30);
    expect(nextKeyset(keyset, [row(10_000, 5)])?.skip).toBe(31);
    expect(keyset ? keysetQuery(keyset).skip : null).toBe(30);
  });

  it('accepts the earlier skip cursors and refuses anything else with a reason', () => {
    expect(decodeOrderCursor(null)).toEqual({ kind: 'start' });
    expect(decodeOrderCursor('40')).toEqual({ kind: 'offset', skip: 40 });
    for (const bad of ['-1', 'k1.not-json', `k1.${Buffer.from('{"at":"x","seen":[],"skip":0}').toString('base64url')}`, 'abc']) {
      expect(() => decodeOrderCursor(bad)).toThrow(ConnectorError);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { chainHash, genesisHash, walkChain, type ChainedFields, type StoredChainRow } from '../../../src/audit/chain.js';

function fields(id: number, summary = `row ${id}`): ChainedFields {
  return {
    id,
    at: `2026-12-07T00:00:0${id}.000Z`,
    personId: 1,
    personName: 'Owner',
    origin: 'desktop',
    area: 'settings',
    kind: 'settings.update',
    subject: null,
    summary,
    inputJson: null,
    beforeJson: null,
    afterJson: null,
    extraJson: null,
    changeSetId: null,
  };
}

function chain(count: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let prev = genesisHash;
  for (let id = 1; id <= count; id += 1) {
    const row = fields(id);
    const hash = chainHash(prev, row);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('walkChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(walkChain(chain(4))).toEqual({ ok: true, rows: 4 });
    expect(walkChain([])).toEqual({ ok: true, rows: 0 });
  });

  it('the hash covers every field: changing any one breaks it', () => {
    const base = fields(1);
    const hash = chainHash(genesisHash, base);
    for (const key of Object.keys(base) as (keyof ChainedFields)[]) {
      const changed = { ...base, [key]: typeof base[key] === 'number' ? 99 : 'x' };
      expect(chainHash(genesisHash, changed), key).not.toBe(hash);
    }
  });

  it('names an edited row, a gap and a row re-linked out of order', () => {
    const edited = chain(3);
    edited[1] = { ...(edited[1] as StoredChainRow), summary: 'forged' };
    expect(walkChain(edited)).toMatchObject({ ok: false, brokenAt: { id: 2, reason: 'edited' } });
    const gap = chain(3).filter((row) => row.id !== 2);
    expect(walkChain(gap)).toMatchObject({ ok: false, brokenAt: { id: 3, reason: 'missingBefore' } });
    // A self-consistent row that does not follow its predecessor.
    const rows = chain(3);
    const stranger = { ...fields(2, 'slipped in') };
    rows[1] = { ...stranger, prevHash: 'a'.repeat(64), hash: chainHash('a'.repeat(64), stranger) };
    expect(walkChain(rows)).toMatchObject({ ok: false, brokenAt: { id: 2, reason: 'inserted' } });
  });
});

import { describe, expect, it } from 'vitest';
import { foldCapture } from '../../../src/audit/capture.js';
import { fieldChanges } from '../../../src/audit/field-changes.js';
import { redactSecrets } from '../../../src/audit/redact.js';

describe('redactSecrets', () => {
  it('replaces passwords, tokens, keys, secrets and PINs at any depth, and nothing else', () => {
    const input = {
      password: 'hunter2',
      credentials: { accessToken: 'shpat_x', consumerKey: 'ck', consumerSecret: 'cs' },
      pin: '1234',
      newPin: '9876',
      shipping: 500,
      mapping: { a: 1 },
      name: 'Acme',
      lines: [{ apiKey: 'k', quantity: 2 }],
    };
    expect(redactSecrets(input)).toEqual({
      password: '•••',
      credentials: '•••',
      pin: '•••',
      newPin: '•••',
      shipping: 500,
      mapping: { a: 1 },
      name: 'Acme',
      lines: [{ apiKey: '•••', quantity: 2 }],
    });
  });

  it('keeps the first 200 items of a long list and counts the rest', () => {
    const out = redactSecrets({ ids: Array.from({ length: 250 }, (_, i) => i) }) as { ids: unknown[] };
    expect(out.ids).toHaveLength(201);
    expect(out.ids[200]).toBe('… 50 more');
  });
});

const row = (seq: number, table: string, key: string, before: object | null, after: object | null) => ({
  seq,
  tableName: table,
  rowKey: key,
  beforeJson: before && JSON.stringify(before),
  afterJson: after && JSON.stringify(after),
});

describe('foldCapture and fieldChanges', () => {
  it('keeps the first before and the last after of a row written twice, and drops a row created and removed', () => {
    const folded = foldCapture([
      row(1, 'suppliers', '1', { name: 'A', lead: 5 }, { name: 'B', lead: 5 }),
      row(2, 'suppliers', '1', { name: 'B', lead: 5 }, { name: 'C', lead: 7 }),
      row(3, 'locations', '9', null, { name: 'Tmp' }),
      row(4, 'locations', '9', { name: 'Tmp' }, null),
    ]);
    expect(folded.before).toEqual({ 'suppliers:1': { name: 'A', lead: 5 } });
    expect(folded.after).toEqual({ 'suppliers:1': { name: 'C', lead: 7 } });
    expect(folded.tables).toEqual({ suppliers: 1 });
    expect(fieldChanges(JSON.stringify(folded.before), JSON.stringify(folded.after))).toEqual([
      { table: 'suppliers', rowKey: '1', label: 'C', field: 'name', before: 'A', after: 'C' },
      { table: 'suppliers', rowKey: '1', label: 'C', field: 'lead', before: 5, after: 7 },
    ]);
  });

  it('keeps at most the limit of rows and counts the others', () => {
    const folded = foldCapture(
      Array.from({ length: 10 }, (_, i) => row(i + 1, 'coupon_codes', String(i), null, { code: `C${i}` })),
      4,
    );
    expect(Object.keys(folded.after)).toHaveLength(4);
    expect(folded.omitted).toBe(6);
    expect(folded.tables).toEqual({ coupon_codes: 10 });
  });
});

import { describe, expect, it } from 'vitest';
import { logExcerpt, redact } from '../../../src/sync/redact.js';

describe('redact', () => {
  it('masks a known secret wherever it appears, also URL-encoded', () => {
    const secret = 'cs_a+b/c=d';
    const text = `POST /wp-json/wc/v3/products/batch?x=${encodeURIComponent(secret)} failed; secret ${secret} rejected`;
    const out = redact(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toContain('[redacted]');
    expect(out).toContain('/wp-json/wc/v3/products/batch');
  });

  it('masks credentials by where they travel, even when the secret is not known', () => {
    const text = [
      'X-Shopify-Access-Token: shpat_live_123456',
      'Authorization: Basic Y2tfMTpjc18y',
      'GET /orders?consumer_key=ck_999&consumer_secret=cs_999&page=2',
      '{"username":"admin","password":"hunter2hunter2","token":"abc.def"}',
      'vendure-auth-token: 7f3c9a',
    ].join('\n');
    const out = redact(text);
    for (const leaked of ['shpat_live_123456', 'Y2tfMTpjc18y', 'ck_999', 'cs_999', 'hunter2hunter2', 'abc.def', '7f3c9a']) {
      expect(out).not.toContain(leaked);
    }
    // What explains the request stays readable.
    expect(out).toContain('page=2');
    expect(out).toContain('"username":"admin"');
  });

  it('leaves text without credentials unchanged and ignores too-short "secrets"', () => {
    const text = '{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}';
    expect(redact(text, ['', 'e'])).toBe(text);
  });

  it('cuts long excerpts after redacting, so a secret is never half kept', () => {
    const secret = 'shpat_0123456789';
    const excerpt = logExcerpt(`${'x'.repeat(10)}${secret}${'y'.repeat(100)}`, [secret], 15);
    expect(excerpt).toBe(`${'x'.repeat(10)}[reda…`);
    expect(logExcerpt('short', [], 15)).toBe('short');
  });
});

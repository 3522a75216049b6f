// Every reason the sync code can give — a channel's last error, a review item's
// "why", a sync-log summary, a refused Test connection — has its text in English
// and Chinese. The keys are collected from src/sync the way a reviewer would grep
// for them: `reason('…')`, `{ key: '…' }`, the connectors' reason tables
// (`badToken: 'syncShopifyBadToken'`, `x: 'sync.woocommerce.x'`), and key families
// built from a union type (`sync.review.${why}`). A key without a text fails here,
// before a merchant reads "Something went wrong on the channel" instead of why.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { expectedReasonKey, reasonMessageKey, reasonText } from '../../../renderer/src/pages/channels/sync-texts.js';
import { translateDynamic } from '../../../renderer/src/i18n/translate.js';
import { contract } from '../../../src/contract.js';
import { eventSchemas } from '../../../src/events.js';

const syncDir = join(__dirname, '../../../src/sync');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** A reason key's shape: `sync.<area>.<what>` or a camel-case `syncSomething`. */
const keyShape = String.raw`sync(?:\.[A-Za-z]+){2,}|sync[A-Z][A-Za-z]+`;
const literalPatterns = [
  // reason('sync.push.unexpected', …), reason("syncTimeout")
  new RegExp(String.raw`\breason\(\s*'(${keyShape})'`, 'g'),
  // { key: 'sync.review.unlinkedLine', params … }
  new RegExp(String.raw`\bkey:\s*'(${keyShape})'`, 'g'),
  // reason tables: badToken: 'syncShopifyBadToken', rateLimited: 'sync.woocommerce.rateLimited'
  new RegExp(String.raw`^\s*\w+:\s*'(${keyShape})',?\s*$`, 'gm'),
  // any other quoted reason-shaped literal (a key passed through a variable)
  new RegExp(String.raw`'(${keyShape})'`, 'g'),
];
/** Families built at run time: `sync.review.${why}` with `why` a string-literal union. */
const templatePattern = /`(sync(?:\.[A-Za-z]+)+)\.\$\{(\w+)\}`/g;
/** Which union type each family's variable is (the test fails on a family it does not know). */
const families: Record<string, string> = { 'sync.review': 'ReviewReason' };

interface Found {
  key: string;
  where: string;
}

/** The members of `type Name = 'a' | 'b'` in any sync source. */
function unionMembers(sources: Map<string, string>, typeName: string): string[] {
  for (const source of sources.values()) {
    const match = new RegExp(String.raw`type ${typeName}\s*=\s*([^;]+);`).exec(source);
    if (match?.[1]) return [...match[1].matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1] ?? '');
  }
  return [];
}

/** Method and event names look like keys ('sync.run', 'sync.status') but are not reasons. */
const notReasons = new Set<string>([...Object.keys(contract), ...Object.keys(eventSchemas)]);

function collect(): { found: Found[]; unknownFamilies: string[] } {
  const sources = new Map(sourceFiles(syncDir).map((file) => [relative(syncDir, file), readFileSync(file, 'utf8')]));
  const found: Found[] = [];
  const unknownFamilies: string[] = [];
  for (const [where, source] of sources) {
    for (const pattern of literalPatterns) {
      for (const match of source.matchAll(pattern)) {
        const key = match[1] ?? '';
        if (!notReasons.has(key)) found.push({ key, where });
      }
    }
    for (const match of source.matchAll(templatePattern)) {
      const prefix = match[1] ?? '';
      const typeName = families[prefix];
      if (!typeName) {
        unknownFamilies.push(`${prefix}.\${${match[2] ?? ''}} (${where})`);
        continue;
      }
      for (const member of unionMembers(sources, typeName)) found.push({ key: `${prefix}.${member}`, where });
    }
  }
  return { found, unknownFamilies };
}

describe('sync reason keys', () => {
  const { found, unknownFamilies } = collect();
  const keys = new Map(found.map(({ key, where }) => [key, where]));

  it('are found in the sources (the scan itself works)', () => {
    // One per way of writing a key: a table constant, reason('…'), { key: '…' }, a union family.
    for (const key of ['syncShopifyBadToken', 'syncTimeout', 'sync.push.unexpected', 'sync.woocommerce.badKeys', 'syncVendureBadCredentials', 'sync.review.priceConflict']) {
      expect([...keys.keys()], key).toContain(key);
    }
    expect(keys.size).toBeGreaterThan(40);
  });

  it('come only from families this test can expand', () => {
    expect(unknownFamilies).toEqual([]);
  });

  it('each have a text in English and Chinese', () => {
    const missing = [...keys].filter(([key]) => reasonMessageKey(key) === null).map(([key, where]) => `${expectedReasonKey(key)} (${where})`);
    expect(missing).toEqual([]);
    for (const [key] of keys) {
      const messageKey = reasonMessageKey(key);
      if (!messageKey) continue;
      expect(en[messageKey], key).not.toBe('');
      // Chinese text, not the English copied over.
      expect(zhCN[messageKey], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('job titles and phases the sync starts have texts too (the jobs tray shows them)', () => {
    const jobKeys = new Set<string>();
    for (const file of sourceFiles(syncDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'(jobs\.(?:kind|phase)\.[A-Za-z]+)'/g)) jobKeys.add(match[1] ?? '');
    }
    expect(jobKeys.size).toBeGreaterThan(2);
    const missing = [...jobKeys].filter((key) => !(key in en) || !/[\u4e00-\u9fff]/.test(zhCN[key as keyof typeof zhCN]));
    expect(missing).toEqual([]);
  });

  it('read as a sentence, with a nested reason in words and unknown keys said plainly', () => {
    const tKeyZh = (key: string, fallback: Parameters<typeof translateDynamic>[2], params?: Record<string, string | number>) => translateDynamic('zh-CN', key, fallback, params);
    const tKeyEn = (key: string, fallback: Parameters<typeof translateDynamic>[2], params?: Record<string, string | number>) => translateDynamic('en', key, fallback, params);
    const failed = reasonText({ key: 'sync.log.stockPushFailed', params: { items: 3, reason: 'syncTimeout' } }, tKeyEn);
    expect(failed).toContain(en['errors.syncTimeout']);
    expect(failed).not.toContain('syncTimeout');
    expect(reasonText({ key: 'syncShopifyBadToken', params: {} }, tKeyZh)).toBe(zhCN['errors.syncShopifyBadToken']);
    expect(reasonText({ key: 'sync.brandNew.thing', params: {} }, tKeyEn)).toContain('sync.brandNew.thing');
  });
});

// Every error key the core can send has its text in both languages. The keys
// are found in the core's source the way a reviewer would grep for them: the
// `key:` of every AppError, validationError and field issue, the keys a field
// check returns, the keys zod schemas name as their message, and the router's
// own keys for zod's complaints. A key without `errors.<key>` in English and
// Chinese fails here, before a person sees "Some of the information is not valid"
// (or worse, "restart Shopdesk") instead of what is wrong.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { validationKeys } from '../../../src/router.js';

const srcDir = join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'demo' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return source.slice(open, i + 1);
    }
  }
  return source.slice(open);
}

const keyLiteral = /\bkey:\s*'([A-Za-z][\w.]*)'/g;
const patterns: RegExp[] = [
  // A field issue literal: { path: …, key: 'x', message: … } (one line or a few).
  /\bpath[,:](?:[^;{}]|\$\{[^}]*\}){0,200}?\bkey:\s*'([A-Za-z][\w.]*)'/g,
  // A field check's refusal: { ok: false, key: 'x' } or key: cond ? 'a' : 'b'.
  /\bok: false, key:\s*'([A-Za-z][\w.]*)'/g,
  /\bkey:\s*\w+\s*===?\s*'\w+'\s*\?\s*'([A-Za-z][\w.]*)'/g,
  /\bkey:\s*\w+\s*===?\s*'\w+'\s*\?\s*'[A-Za-z][\w.]*'\s*:\s*'([A-Za-z][\w.]*)'/g,
  // An envelope written out by hand: details: { key: 'busy' }.
  /\bdetails:\s*\{\s*key:\s*'([A-Za-z][\w.]*)'/g,
  // Helpers that take the key as an argument.
  /\b(?:issue|fileRefused)\([^,()]*,\s*'([A-Za-z][\w.]*)'/g,
  /\brefuse\('([A-Za-z][\w.]*)'/g,
  /\bteamRefusal\('([A-Za-z][\w.]*)'/g,
  /\bfileRefused\([^,()]*,\s*`([A-Za-z]+)\.\$\{/g,
  // Schemas naming their own key: .min(1, 'quantityPositive'), { message: 'periodOrder' }.
  /\.(?:min|max|regex|refine|length|gte|lte|gt|lt|int|email)\([^()]*?,\s*'([a-z][A-Za-z.]*)'\s*\)/g,
  /\bmessage:\s*'([a-z][A-Za-z.]*)'/g,
  // The serve-mode transport's own refusals.
  /\berrorEnvelope\([^()]*,\s*'([A-Za-z][\w.]*)'\)/g,
  // A barcode check's verdict.
  /(?:\breturn|:)\s*'(barcode[A-Z]\w*)'/g,
  // Stock text checks.
  /\breturn '(text[A-Z]\w*)'/g,
];

interface Found {
  key: string;
  where: string;
}

function keysInSource(): Found[] {
  const found: Found[] = [];
  for (const file of sourceFiles(srcDir)) {
    const source = readFileSync(file, 'utf8');
    const where = relative(srcDir, file);
    for (const call of ['new AppError(', 'validationError(']) {
      for (let at = source.indexOf(call); at >= 0; at = source.indexOf(call, at + 1)) {
        for (const match of callText(source, at + call.length - 1).matchAll(keyLiteral)) found.push({ key: match[1] ?? '', where });
      }
    }
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) found.push({ key: match[1] ?? '', where });
    }
  }
  return found;
}

/** `fileRefused(name, \`zip.${…}\`)` and friends: the prefixes expand to these known endings. */
const expansions: Record<string, string[]> = {
  zip: ['tooManyEntries', 'tooLargeUncompressed', 'compressionRatio', 'corrupt'],
  notSpreadsheet: ['image', 'pdf', 'archive', 'document', 'binary'],
};

/** An import's row issues have their texts under importIssues. (the toast falls back to them). */
const importRowIssue = (key: string, where: string): boolean =>
  where.startsWith('spreadsheets') && Object.prototype.hasOwnProperty.call(en, `importIssues.${key}`);

function allCoreKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const { key, where } of keysInSource()) {
    const expanded = expansions[key] ? expansions[key].map((end) => `${key}.${end}`) : [key];
    for (const one of expanded) if (!keys.has(one)) keys.set(one, where);
  }
  for (const key of validationKeys) keys.set(key, 'router.ts');
  return keys;
}

describe('error keys the core can send', () => {
  const keys = allCoreKeys();

  it('are found in the source (the scan itself works)', () => {
    // A handful the scan must see, one per way of writing a key.
    for (const key of ['skuTaken', 'insufficientStock', 'overReceipt', 'unknownScanCode', 'poState', 'stocktakeState', 'unknownLocation',
      'optionNameEmpty', 'weightTooLarge', 'quantityPositive', 'periodOrder', 'countColumnsMissing', 'barcodeCheckDigit', 'zip.corrupt',
      'badRequest', 'required', 'tooSmall', 'exportUnknownField', 'busy', 'internal', 'unknownMethod']) {
      expect([...keys.keys()], key).toContain(key);
    }
    expect(keys.size).toBeGreaterThan(100);
  });

  it('each have an errors.<key> text in English and Chinese', () => {
    const missing = [...keys]
      .filter(([key, where]) => !(`errors.${key}` in en) && !importRowIssue(key, where))
      .map(([key, where]) => `errors.${key} (${where})`);
    expect(missing).toEqual([]);
    for (const [key] of keys) {
      if (!(`errors.${key}` in en)) continue;
      const zh = zhCN[`errors.${key}` as keyof typeof zhCN];
      // Chinese text, not the English copied over.
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never advise restarting Shopdesk for an expected refusal', () => {
    const internal = new Set(['internal', 'jobFailed', 'migrationFailed', 'network', 'closed']);
    for (const [key] of keys) {
      if (internal.has(key)) continue;
      for (const text of [en[`errors.${key}` as keyof typeof en], en[`errorHints.${key}` as keyof typeof en]]) {
        if (text) expect(text, key).not.toMatch(/restart/i);
      }
      for (const text of [zhCN[`errors.${key}` as keyof typeof zhCN], zhCN[`errorHints.${key}` as keyof typeof zhCN]]) {
        if (text) expect(text, key).not.toMatch(/重启/);
      }
    }
  });
});

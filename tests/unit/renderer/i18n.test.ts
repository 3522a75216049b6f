// The two dictionaries must stay in step: same keys, no empty values, and the
// same {placeholders} per key (a translation that drops one loses information).
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { interpolate, translate, translateDynamic } from '../../../renderer/src/i18n/translate.js';
import { issueKeys } from '../../../src/spreadsheets/issue-messages.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n dictionaries', () => {
  it('have identical key sets', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty values', () => {
    for (const dictionary of [en, zhCN]) {
      for (const [key, value] of Object.entries(dictionary)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(value));
    }
  });

  it('translate every error key the core and transport can send', () => {
    const keys = [
      'validation', 'notFound', 'conflict', 'shopNotReady', 'cancelled', 'dbTooNew', 'migrationFailed', 'internal',
      'unknownMethod', 'required', 'tooLong', 'currencyUnknown', 'timeZoneUnknown', 'network', 'closed',
      'demoRunning', 'jobFailed', 'shopExists', 'badRequest', 'tooLarge', 'forbiddenHost',
    ];
    for (const key of keys) expect(Object.keys(en), key).toContain(`errors.${key}`);
  });

  it('translate every row issue and error an import can report', () => {
    for (const key of issueKeys) expect(Object.keys(en), key).toContain(`importIssues.${key}`);
    const coreKeys = [
      'importHasErrors', 'importTargetUnavailable', 'mappingColumns', 'unknownField', 'hostileHeaderMapped', 'importRunning',
      'importOptionNeeded', 'busy', 'importFileTooLarge', 'tooManyRows', 'tooManyColumns', 'unreadableFile',
      'zip.tooManyEntries', 'zip.tooLargeUncompressed', 'zip.compressionRatio', 'zip.corrupt',
    ];
    for (const key of coreKeys) expect(Object.keys(en), key).toContain(`errors.${key}`);
    for (const phase of ['checking', 'writing']) expect(Object.keys(en)).toContain(`jobs.phase.${phase}`);
  });

  it('cover the demo job title and phases', () => {
    for (const phase of ['starting', 'catalog', 'customers', 'orders', 'stock', 'finish', 'swap']) {
      expect(Object.keys(en)).toContain(`jobs.phase.${phase}`);
    }
    expect(translate('zh-CN', 'jobs.kind.demoGenerate')).toBe('正在生成演示店铺');
  });
});

describe('translate', () => {
  it('interpolates {params} and leaves unknown ones visible', () => {
    expect(interpolate('{count} variants', { count: '12,345' })).toBe('12,345 variants');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('falls back for keys this build does not know', () => {
    expect(translateDynamic('en', 'errors.somethingNew', 'errors.internal')).toBe(en['errors.internal']);
    expect(translateDynamic('zh-CN', 'errors.required', 'errors.internal')).toBe(zhCN['errors.required']);
  });
});

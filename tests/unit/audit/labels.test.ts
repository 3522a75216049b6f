// Every change a person can make has words in History, in English and 简体中文: each
// contract method that writes (src/team/method-permissions.ts) and each event kind.
import { describe, expect, it } from 'vitest';
import { auditEventKinds } from '../../../src/audit/kinds-contract.js';
import { methodPermissions } from '../../../src/team/method-permissions.js';
import { auditAreas } from '../../../src/audit/kinds-contract.js';
import { auditOrigins } from '../../../src/audit/contract.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN as zh } from '../../../renderer/src/i18n/zh-CN.js';

const dictionaries = { en: en as Record<string, string>, zh: zh as Record<string, string> };
const han = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  const writing = Object.entries(methodPermissions)
    .filter(([, rule]) => rule.writes)
    .map(([method]) => method);

  it('names every writing method and every event in both languages, and the Chinese is Chinese', () => {
    expect(writing.length).toBeGreaterThan(50);
    for (const kind of [...writing, ...auditEventKinds]) {
      const key = `audit.kind.${kind}`;
      expect(dictionaries.en[key], key).toBeTruthy();
      expect(dictionaries.zh[key], key).toMatch(han);
      expect(dictionaries.zh[key]).not.toBe(dictionaries.en[key]);
    }
  });

  it('names every area and origin in both languages', () => {
    for (const key of [...auditAreas.map((a) => `audit.area.${a}`), ...auditOrigins.map((o) => `audit.origin.${o}`)]) {
      expect(dictionaries.en[key], key).toBeTruthy();
      expect(dictionaries.zh[key], key).toBeTruthy();
    }
  });

  it('reads "suppliers.update" as a merchant would', () => {
    expect(dictionaries.en['audit.kind.suppliers.update']).toBe('Supplier changed');
    expect(dictionaries.zh['audit.kind.suppliers.update']).toBe('供应商已修改');
  });
});

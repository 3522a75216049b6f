// Every permission a role can hold is named and explained in both languages, sits
// in exactly one area of the role checklist, and a FORBIDDEN message names it
// by that label ("Your role does not allow: Edit prices" / "您的角色无权：修改价格").
import { describe, expect, it } from 'vitest';
import { errorParams } from '../../../renderer/src/components/toasts.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { translate, translateDynamic, isMessageKey } from '../../../renderer/src/i18n/translate.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { allPermissions, permissionGroups } from '../../../renderer/src/pages/team/permission-groups.js';
import { effectiveLocale } from '../../../renderer/src/pages/team/window-locale.js';
import { builtInRoles, permissionNames } from '../../../src/team/permission-names.js';

const dictionaries = { en, 'zh-CN': zhCN } as const;

describe('permission labels', () => {
  it('has a label and a one-line description for every permission, in English and Chinese', () => {
    for (const permission of permissionNames) {
      for (const suffix of ['', '.hint']) {
        const key = `team.permission.${permission}${suffix}`;
        expect(isMessageKey(key), key).toBe(true);
        if (!isMessageKey(key)) continue;
        expect(en[key].trim(), key).not.toBe('');
        expect(zhCN[key].trim(), key).not.toBe('');
        expect(zhCN[key], `${key} is translated`).not.toBe(en[key]);
        expect(zhCN[key], `${key} is Chinese`).toMatch(/[\u4e00-\u9fff]/u);
      }
    }
  });

  it('gives every permission different labels, so a checklist never shows two alike', () => {
    for (const dictionary of Object.values(dictionaries)) {
      const labels = permissionNames.map((permission) => dictionary[`team.permission.${permission}` as keyof typeof en]);
      expect(new Set(labels).size).toBe(permissionNames.length);
    }
  });

  it('names every built-in role and says what it is for', () => {
    for (const role of builtInRoles) {
      for (const key of [`team.role.${role}`, `team.role.${role}.hint`]) expect(isMessageKey(key), key).toBe(true);
    }
  });

  it('puts every permission in exactly one area of the checklist', () => {
    expect([...allPermissions]).toEqual([...permissionNames]);
    const grouped = permissionGroups.flatMap((group) => group.permissions);
    expect([...grouped].sort()).toEqual([...permissionNames].sort());
    for (const group of permissionGroups) expect(isMessageKey(`team.area.${group.area}`), group.area).toBe(true);
  });

  it('fills a FORBIDDEN message with the permission in the reader’s language', () => {
    const params = { permission: 'prices.edit', method: 'variants.update' };
    const headline = (locale: 'en' | 'zh-CN') => {
      const tKey = (key: string, fallback: Parameters<typeof translateDynamic>[2], p?: Record<string, string | number>) => translateDynamic(locale, key, fallback, p);
      return translateDynamic(locale, 'errors.forbidden', 'errors.code.forbidden', errorParams('forbidden', params, tKey));
    };
    expect(headline('en')).toBe('Your role does not allow: Edit prices');
    expect(headline('zh-CN')).toBe('您的角色无权：修改价格');
    expect(translate('en', 'errors.signInRateLimited', { seconds: 30 })).toBe('Too many wrong tries. Wait 30 seconds and try again.');
  });
});

describe('the language of a window whose person may not change the shop’s', () => {
  it('follows the window’s choice until the shop’s language changes', () => {
    expect(effectiveLocale('en', null)).toBe('en');
    expect(effectiveLocale('en', { locale: 'zh-CN', over: 'en' })).toBe('zh-CN');
    // The owner set the shop to Chinese afterwards: that choice is seen again.
    expect(effectiveLocale('zh-CN', { locale: 'en', over: 'en' })).toBe('zh-CN');
  });
});

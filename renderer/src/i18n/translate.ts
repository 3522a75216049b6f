// Pure translation lookup, shared by React components and unit tests.
import type { Locale } from '../../../src/settings/contract.js';
import { en, type Dictionary, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

export const dictionaries: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN };
export const locales: readonly Locale[] = ['en', 'zh-CN'];

export type Params = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `{name}` placeholders are replaced; unknown ones stay visible so a missing param is noticed. */
export function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale][key], params);
}

/** For keys that come from the core at runtime (errors, job phases): falls back when unknown. */
export function translateDynamic(locale: Locale, key: string, fallback: MessageKey, params?: Params): string {
  return translate(locale, isMessageKey(key) ? key : fallback, params);
}

// Word lists per shop locale: the demo shop reads like a real shop in the
// language the owner picked (Chinese names for zh-CN).
import type { Locale } from '../settings/contract.js';
import { wordsEn } from './words-en.js';
import { wordsZh } from './words-zh.js';

export interface Words {
  shopName: string;
  currency: string;
  timeZone: string;
  country: string;
  /** Joins title words: with spaces in English, without in Chinese. */
  joiner: string;
  categories: Record<string, string>;
  /** Product nouns per leaf category key. */
  nouns: Record<string, string[]>;
  adjectives: string[];
  /** Descriptive words per product kind (materials, features). */
  qualifiers: Record<string, string[]>;
  brands: string[];
  tags: string[];
  optionNames: Record<string, string>;
  /** Labels for option value codes (colours, materials, ...); sizes fall back to the code. */
  values: Record<string, string>;
  firstNames: string[];
  lastNames: string[];
  /** Person name in the locale's order. */
  personName: (first: string, last: string) => string;
  /** ASCII local part for e-mail addresses. */
  emailName: (first: string, last: string, firstIndex: number, lastIndex: number) => string;
  cities: string[];
  phone: (digits: string) => string;
  supplierNames: string[];
  contactNames: string[];
  paymentTerms: string[];
  locationNames: Record<string, string>;
  channelNames: Record<string, string>;
  description: (title: string, category: string) => string;
  /** Names of the demo's past and planned promotions (year = the promotion's year). */
  promotionNames: PromotionNames;
}

export interface PromotionNames {
  midYear: (year: number) => string;
  double11: (year: number) => string;
  double12: (year: number) => string;
  flashSale: string;
  winBack: string;
  newArrivals: string;
}

export function wordsFor(locale: Locale): Words {
  return locale === 'zh-CN' ? wordsZh : wordsEn;
}

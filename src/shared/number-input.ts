// One reader for every number a person types or pastes (grid cells, forms,
// dialogs, stocktake counts, receipts) and for spreadsheet cells
// (spreadsheets/values.ts). Pure: the core and the renderer import it.
//
// What it reads: `1,299.00`, `1 299,00` (spaces, NBSP, narrow NBSP, thin space
// or an apostrophe as group separators), `1.299,00`, `12,50`, full-width digits
// and punctuation (`１２，５０`, `１２。５０` from a Chinese IME), currency marks
// before or after (`￥59`, `¥59`, `$12.50`, `US$ 5`, `59元`, `12 EUR`), a sign
// (`-3`, `+2`, `−3`) and accounting negatives (`(12.50)`).
//
// The rule (why a typed number is never silently reinterpreted):
// - A group separator is the other mark, a space or an apostrophe, and groups
//   are exactly three digits after a first group of 1–3 (`1,299,000`); a
//   number uses one kind of group separator. Anything else is 'format'.
// - 'either' (the shop's mark could be either): when the text reads validly
//   both ways with different values (`1,299`, `1.299`, `12,500`) the answer is
//   'ambiguous' and the person is asked; when only one way is valid (`12,50`,
//   `1.299,00`, `1,299.00`) that one is the number.
// - '.' or ',': the shop's mark decides what it can (`1,299` is 1299 in a '.'
//   shop). A text that is only valid with the other mark, and is just digits
//   around one such mark (`12,50` or `3,5` in a '.' shop), is 'ambiguous':
//   readings are the other mark as a decimal (12.5) and the mark as a sloppy
//   thousands separator (1250, what a '.' reader that ignores group sizes
//   stores — the 100× price this rule exists to prevent). Nothing is guessed.
//   Only when the text cannot mean anything else (`1.299,00`, `0,5`) is the
//   other mark's reading taken.
// - `readings` are always [the reading with '.' as the decimal mark, the
//   reading with ',' as the decimal mark], so a UI can label its choices.
//
// numberConventions('auto', currency, locale): '.' when both the currency's
// home convention and the UI language write '.' (USD, CNY, JPY, GBP … in
// English or 简体中文); otherwise (EUR, BRL, an unknown currency …) 'either',
// so a typed `1,299` is asked about rather than guessed. An explicit setting
// ('.' or ',') is the convention.

export type NumberReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; text: string; readings: [number, number] }
  | { kind: 'invalid'; reason: 'notANumber' | 'format' };

export interface NumberConventions {
  decimalMark: '.' | ',' | 'either';
}

type Mark = '.' | ',';

/** Currencies written with a decimal point where they are used (and in en / zh-CN). */
const pointCurrencies = new Set([
  'USD', 'CNY', 'JPY', 'GBP', 'HKD', 'TWD', 'MOP', 'KRW', 'SGD', 'MYR', 'THB', 'PHP', 'INR', 'PKR', 'BDT', 'LKR',
  'NPR', 'AUD', 'NZD', 'CAD', 'MXN', 'ILS', 'AED', 'SAR', 'QAR', 'KWD', 'BHD', 'OMR', 'JOD', 'EGP', 'NGN', 'KES',
  'GHS', 'UGX', 'TZS', 'PEN', 'GTQ', 'DOP', 'HNL', 'NIO', 'PAB', 'SVC', 'JMD', 'TTD', 'BSD', 'BBD', 'BMD', 'KYD',
  'XCD', 'FJD', 'BND', 'MNT', 'KHR', 'LAK', 'MMK', 'CHF',
]);
/** The UI languages' own decimal mark; both write 12.50 today. */
const localeMarks: Record<'en' | 'zh-CN', Mark> = { en: '.', 'zh-CN': '.' };

export function numberConventions(decimalMark: 'auto' | '.' | ',', currency: string, locale: 'en' | 'zh-CN'): NumberConventions {
  if (decimalMark !== 'auto') return { decimalMark };
  const currencyMark: Mark | null = pointCurrencies.has(currency.toUpperCase()) ? '.' : null;
  return { decimalMark: currencyMark !== null && currencyMark === localeMarks[locale] ? currencyMark : 'either' };
}

const symbols = '$¥€£₩₹₽₺₫₱฿₴₪';
/** `$`, `US$`, `HK$`, `R$`, `¥`, `€` … before the number (only known dollar prefixes: `abc$5` stays garbage). */
const symbolPrefix = new RegExp(`^(?:(?:US|HK|NT|NZ|AU|CA|MX|SG|RD|TT|[ACJRSZ])\\$|[${symbols}])\\s*`, 'iu');
const symbolSuffix = new RegExp(`\\s*(?:[${symbols}]|元|块|圆|円)$`, 'u');
const codePrefix = /^([A-Za-z]{3})\s*/;
const codeSuffix = /\s*([A-Za-z]{3})$/;

let currencyCodes: Set<string> | null = null;
function isCurrencyCode(code: string): boolean {
  if (!currencyCodes) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'CNY', 'EUR'];
    currencyCodes = new Set([...supported, 'RMB']);
  }
  return currencyCodes.has(code.toUpperCase());
}

/**
 * Full-width digits and punctuation to ASCII (NFKC), the ideographic full stop a Chinese IME
 * types for `.` to a point, the typographic minus to `-`, every kind of space to one space.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/。/g, '.')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Sign, accounting parentheses and currency marks off; null when what is left is not number-like. */
function bareNumber(text: string): { negative: boolean; body: string } | null {
  let rest = text;
  let signs = 0;
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(rest);
  if (accounting) {
    rest = (accounting[1] ?? '').trim();
    negative = true;
    signs += 1;
  }
  const takeSign = () => {
    const sign = /^([+-])\s*/.exec(rest);
    if (!sign) return;
    signs += 1;
    negative = sign[1] === '-' ? !negative : negative;
    rest = rest.slice(sign[0].length);
  };
  const strip = (pattern: RegExp, code: boolean) => {
    const match = pattern.exec(rest);
    if (!match || (code && !isCurrencyCode(match[1] ?? ''))) return;
    rest = pattern === codePrefix || pattern === symbolPrefix ? rest.slice(match[0].length) : rest.slice(0, rest.length - match[0].length);
  };
  takeSign();
  strip(symbolPrefix, false);
  strip(codePrefix, true);
  takeSign(); // `$-5`
  strip(symbolSuffix, false);
  strip(codeSuffix, true);
  if (signs > 1 || !/^[\d.,' ]+$/.test(rest) || !/\d/.test(rest)) return null;
  return { negative, body: rest };
}

const groupedBy: Record<string, RegExp> = {
  ',': /^[1-9]\d{0,2}(?:,\d{3})+$/,
  '.': /^[1-9]\d{0,2}(?:\.\d{3})+$/,
  ' ': /^[1-9]\d{0,2}(?: \d{3})+$/,
  "'": /^[1-9]\d{0,2}(?:'\d{3})+$/,
};

/** The value when `body` is valid with `mark` as the decimal mark (and strict groups of three). */
function strictReading(body: string, mark: Mark): number | null {
  const parts = body.split(mark);
  if (parts.length > 2) return null;
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  if (whole === '' && fraction === undefined) return null;
  let digits = whole;
  if (!/^\d*$/.test(whole)) {
    const separators = new Set(whole.replace(/\d/g, ''));
    const [separator] = [...separators];
    if (separators.size !== 1 || separator === mark || separator === undefined) return null;
    if (!groupedBy[separator]?.test(whole)) return null;
    digits = whole.split(separator).join('');
  }
  return Number(`${digits === '' ? '0' : digits}${fraction === undefined ? '' : `.${fraction}`}`);
}

/**
 * Digits around exactly one `mark` and nothing else, the digits before it not a lone zero:
 * the mark could be a decimal (12,50 → 12.5) or a thousands separator typed carelessly
 * (12,50 → 1250). Returns that careless reading.
 */
function carelessGrouping(body: string, mark: Mark): number | null {
  const match = (mark === ',' ? /^([1-9]\d*),(\d+)$/ : /^([1-9]\d*)\.(\d+)$/).exec(body);
  return match ? Number(`${match[1]}${match[2]}`) : null;
}

export function readNumber(text: string, conventions: NumberConventions): NumberReading {
  const clean = normalise(text);
  if (clean === '') return { kind: 'empty' };
  const bare = bareNumber(clean);
  if (!bare) return { kind: 'invalid', reason: 'notANumber' };
  const signed = (value: number) => (bare.negative && value !== 0 ? -value : value);
  const point = strictReading(bare.body, '.');
  const comma = strictReading(bare.body, ',');
  const number = (value: number): NumberReading => ({ kind: 'number', value: signed(value) });
  const ambiguous = (byPoint: number, byComma: number): NumberReading => ({
    kind: 'ambiguous',
    text: text.trim(),
    readings: [signed(byPoint), signed(byComma)],
  });

  switch (conventions.decimalMark) {
    case 'either':
      if (point !== null && comma !== null && point !== comma) return ambiguous(point, comma);
      if (point !== null) return number(point);
      if (comma !== null) return number(comma);
      break;
    case '.': {
      if (point !== null) return number(point);
      if (comma === null) break;
      const careless = carelessGrouping(bare.body, ',');
      return careless === null ? number(comma) : ambiguous(careless, comma);
    }
    case ',': {
      if (comma !== null) return number(comma);
      if (point === null) break;
      const careless = carelessGrouping(bare.body, '.');
      return careless === null ? number(point) : ambiguous(point, careless);
    }
  }
  return { kind: 'invalid', reason: 'format' };
}

/**
 * A number written back so it reads the same under any convention: no group separators, the
 * shop's decimal mark (a point when it could be either), at most `fractionDigits` decimals
 * kept as typed (12.5 with 2 → "12.50"). Used when a person picks one reading of an
 * ambiguous input.
 */
export function writeNumber(value: number, conventions: NumberConventions, fractionDigits?: number): string {
  let text = fractionDigits === undefined ? String(value) : value.toFixed(Math.max(fractionDigits, decimalsOf(value)));
  // 1.299 would read as 1,299 too where the mark could be either: 1.2990 cannot.
  if (conventions.decimalMark === 'either' && /\.\d{3}$/.test(text)) text += '0';
  return conventions.decimalMark === ',' ? text.replace('.', ',') : text;
}

/** How many decimals a number has as JavaScript writes it (12.5 → 1, 3 → 0). */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

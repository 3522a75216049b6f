// What a change set did, stored as a key and parameters (change_sets.summary_key /
// summary_params) and rendered in the reader's language when it is read: History
// written today reads correctly after switching language. Pure: the renderer
// renders through its dictionary, the core through history-texts.ts (English text
// for logs and older readers, any language for exports).
import { z } from 'zod';
import type { Locale } from '../settings/contract.js';

/** A parameter: a plain value, or a nested summary (an undo names what it undid). */
export type SummaryValue = string | number | Summary;
export interface Summary {
  key: string;
  params: { [name: string]: SummaryValue };
}

export const summarySchema: z.ZodType<Summary> = z.object({
  key: z.string(),
  get params() {
    return z.record(z.string(), z.union([z.string(), z.number(), summarySchema]));
  },
});
export const summaryParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), summarySchema]));

/**
 * Parameters whose value is a code with a translated name (`summaryLabel.<name>.<code>`):
 * a bulk change's field, an import's target, a status, a rounding ending.
 */
const labelledParams: ReadonlySet<string> = new Set(['field', 'target', 'status', 'ending']);

export interface SummaryFormats {
  /** The template of a full dictionary key, or undefined when this build does not know it. */
  text(key: string): string | undefined;
  number(value: number): string;
  /** A signed percentage: 10 → "+10%". */
  percent(value: number): string;
  /** A signed amount in the shop currency, integer minor units. */
  money(minor: number): string;
}

function isSummary(value: SummaryValue): value is Summary {
  return typeof value === 'object' && value !== null;
}

function renderParam(name: string, value: SummaryValue, formats: SummaryFormats): string {
  if (isSummary(value)) return renderSummary(value, formats) ?? value.key;
  if (typeof value === 'number') {
    if (name === 'percent') return formats.percent(value);
    if (name === 'amount') return formats.money(value);
    // Ids and document numbers are names, not quantities: "#1234", never "#1,234".
    if (name.endsWith('Id')) return String(value);
    return formats.number(value);
  }
  return labelledParams.has(name) ? (formats.text(`summaryLabel.${name}.${value}`) ?? value) : value;
}

/** The summary in the formats' language; null when the key is unknown (the caller shows the stored text). */
export function renderSummary(summary: Summary, formats: SummaryFormats): string | null {
  const template = formats.text(`summary.${summary.key}`);
  if (template === undefined) return null;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = summary.params[name];
    return value === undefined ? whole : renderParam(name, value, formats);
  });
}

/** The formats of one language and shop currency, through Intl; `text` looks templates up. */
export function summaryFormats(locale: Locale, currency: string, text: (key: string) => string | undefined): SummaryFormats {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 2 });
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: 'exceptZero' });
  } catch {
    money = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  }
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  return {
    text,
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value / 100),
    money: (minor) => money.format(minor / 10 ** digits),
  };
}

/** Reads change_sets.summary_params; a damaged value reads as no parameters rather than failing the list. */
export function parseSummaryParams(json: string | null): Summary['params'] {
  if (json === null) return {};
  try {
    const parsed = summaryParamsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Who made a change, by name: `owner` → "Owner" / "店主"; an actor this build does not know stays as stored. */
export function actorName(actor: string, text: (key: string) => string | undefined): string {
  return text(`actor.${actor}`) ?? actor;
}

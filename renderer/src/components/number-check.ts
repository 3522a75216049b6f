// A typed number checked against what its field accepts (required, whole,
// bounds, decimals). Pure, so the grid, forms and tests share it; the React
// side is components/number-field.tsx.
import { decimalsOf, readNumber, type NumberConventions, type NumberReading } from '../../../src/shared/number-input.js';
import { currencyFractionDigits } from '../i18n/format.js';

/** What a field accepts beyond "a number". */
export interface NumberRule {
  /** Empty is refused (otherwise empty means "not set": null). */
  required?: boolean;
  /** Whole numbers only (quantities, grams, days). */
  integer?: boolean;
  min?: number;
  max?: number;
  /** At most this many decimals (money: the currency's). */
  decimals?: number;
}

export type NumberProblem = 'notANumber' | 'format' | 'ambiguous' | 'required' | 'wholeNumber' | 'tooSmall' | 'tooLarge' | 'decimals';
export type NumberCheck = { ok: true; value: number | null } | NumberRefusal;
export interface NumberRefusal {
  ok: false;
  problem: NumberProblem;
  reading: NumberReading;
  /** What was typed, for the message. */
  text: string;
}

/** A money field in `currency`: not negative, at most the currency's decimals. */
export function moneyRule(currency: string, rule: Omit<NumberRule, 'decimals'> = {}): NumberRule {
  return { min: 0, ...rule, decimals: currencyFractionDigits(currency) };
}

function ruleProblem(value: number, rule: NumberRule): NumberProblem | null {
  if ((rule.integer || rule.decimals === 0) && !Number.isInteger(value)) return 'wholeNumber';
  if (rule.decimals !== undefined && decimalsOf(value) > rule.decimals) return 'decimals';
  if (rule.min !== undefined && value < rule.min) return 'tooSmall';
  if (rule.max !== undefined && value > rule.max) return 'tooLarge';
  return null;
}

/**
 * A reading checked against a rule. Where the mark could be either and only one of the two
 * readings fits the rule (1,299 for a whole quantity), that one is meant; a careless-grouping
 * alternative (12,50 → 1250 in a '.' shop) is always asked about.
 */
export function checkNumber(text: string, rule: NumberRule, conventions: NumberConventions): NumberCheck {
  const reading = readNumber(text, conventions);
  const refuse = (problem: NumberProblem): NumberRefusal => ({ ok: false, problem, reading, text: text.trim() });
  switch (reading.kind) {
    case 'empty':
      return rule.required ? refuse('required') : { ok: true, value: null };
    case 'invalid':
      return refuse(reading.reason);
    case 'ambiguous': {
      const fitting = reading.readings.filter((value) => ruleProblem(value, rule) === null);
      if (conventions.decimalMark === 'either' && fitting.length === 1) return { ok: true, value: fitting[0] ?? null };
      return refuse('ambiguous');
    }
    case 'number': {
      const problem = ruleProblem(reading.value, rule);
      return problem ? refuse(problem) : { ok: true, value: reading.value };
    }
  }
}

// Options -> variants: up to three options, every combination in order (the
// first option varies slowest, as shops list them), with suggested SKUs.
// Pure; returns field issues rather than throwing so the form can show them.
import type { FieldIssue } from '../shared/envelope.js';

export const maxOptions = 3;
/** A guard against a typo (e.g. 40 sizes x 40 colours) producing a catalogue by accident. */
export const maxVariantsPerProduct = 2048;

export interface OptionInput {
  name: string;
  values: string[];
}

export interface MatrixVariant {
  /** One value per option, in option order. */
  options: string[];
  suggestedSku: string;
}

export type MatrixResult = { ok: true; variants: MatrixVariant[] } | { ok: false; issues: FieldIssue[] };

function issue(path: string, key: string, message: string): FieldIssue {
  return { path, key, message: `${path}: ${message}` };
}

export function checkOptions(options: OptionInput[], path = 'options'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (options.length > maxOptions) {
    issues.push(issue(path, 'tooManyOptions', `at most ${maxOptions} options`));
    return issues;
  }
  const names = new Set<string>();
  options.forEach((option, i) => {
    const name = option.name.trim().toLowerCase();
    if (name === '') issues.push(issue(`${path}.${i}.name`, 'optionNameEmpty', 'option name is empty'));
    else if (names.has(name)) issues.push(issue(`${path}.${i}.name`, 'optionNameDuplicate', `option "${option.name}" is listed twice`));
    names.add(name);
    if (option.values.length === 0) issues.push(issue(`${path}.${i}.values`, 'optionValuesEmpty', 'an option needs at least one value'));
    const seen = new Set<string>();
    option.values.forEach((value, j) => {
      // Case-insensitive: "Black" and "black" would be two variants nobody can tell apart.
      const key = value.trim().toLowerCase();
      if (key === '') issues.push(issue(`${path}.${i}.values.${j}`, 'optionValueEmpty', 'value is empty'));
      else if (seen.has(key)) issues.push(issue(`${path}.${i}.values.${j}`, 'optionValueDuplicate', `value "${value}" is listed twice`));
      seen.add(key);
    });
  });
  const count = options.reduce((n, option) => n * Math.max(1, option.values.length), 1);
  if (issues.length === 0 && count > maxVariantsPerProduct) {
    issues.push(issue(path, 'tooManyVariants', `${count} combinations; at most ${maxVariantsPerProduct}`));
  }
  return issues;
}

/** Uppercase ASCII letters and digits of a value; other characters cannot go in most SKUs. */
function sanitize(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * A short code per value of one option: the first three characters, or the whole
 * sanitized value when two values share those, or the 1-based position when the
 * value has no ASCII letters (e.g. 中文) or still collides.
 */
export function optionCodes(values: string[]): string[] {
  const short = values.map((v) => sanitize(v).slice(0, 3));
  const codes = values.map((v, i) => {
    const code = short[i] ?? '';
    const clash = short.some((other, j) => j !== i && other === code);
    return clash ? sanitize(v) : code;
  });
  return codes.map((code, i) => (code === '' || codes.some((other, j) => j !== i && other === code) ? String(i + 1) : code));
}

export function suggestSku(prefix: string, codes: string[]): string {
  return [sanitize(prefix) || 'SKU', ...codes].join('-');
}

/** The cartesian product of the option values; no options gives the one default variant. */
export function buildVariantMatrix(options: OptionInput[], skuPrefix: string): MatrixResult {
  const issues = checkOptions(options);
  if (issues.length > 0) return { ok: false, issues };
  const trimmed = options.map((o) => o.values.map((v) => v.trim()));
  const codes = trimmed.map(optionCodes);
  let rows: { options: string[]; codes: string[] }[] = [{ options: [], codes: [] }];
  trimmed.forEach((values, i) => {
    const optionCodesForI = codes[i] ?? [];
    rows = rows.flatMap((row) =>
      values.map((value, j) => ({ options: [...row.options, value], codes: [...row.codes, optionCodesForI[j] ?? String(j + 1)] })),
    );
  });
  return { ok: true, variants: rows.map((row) => ({ options: row.options, suggestedSku: suggestSku(skuPrefix, row.codes) })) };
}

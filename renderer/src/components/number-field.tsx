// Every number a person types goes through here: read with the shop's decimal
// mark and currency and the person's language (shared/number-input.ts), checked
// against the field's rule, and never silently reinterpreted — an invalid input
// says why next to the field, an input that reads two ways (12,50 in a USD shop)
// asks which was meant before it is accepted.
import { useCallback, useId, useMemo, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { decimalsOf, numberConventions, readNumber, writeNumber, type NumberConventions, type NumberReading } from '../../../src/shared/number-input.js';
import { useShop } from '../app/shop-context.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { formatNumber } from '../i18n/format.js';
import { Dialog } from './Dialog.js';
import { checkNumber, type NumberCheck, type NumberRefusal, type NumberRule } from './number-check.js';

export { moneyRule, type NumberCheck, type NumberProblem, type NumberRefusal, type NumberRule } from './number-check.js';

export interface NumberInput {
  conventions: NumberConventions;
  read(text: string): NumberReading;
  check(text: string, rule?: NumberRule): NumberCheck;
  /** Why a value was not taken, in the UI language, with an example in the shop's writing. */
  problemText(refusal: NumberRefusal, rule?: NumberRule): string;
  /** A number as the person should type it here (no grouping, the shop's mark). */
  write(value: number, decimals?: number): string;
  /** A number as shown on a choice button: grouped, in the UI language, with `decimals` at least. */
  show(value: number, decimals?: number): string;
}

function makeNumberInput(conventions: NumberConventions, i18n: I18n): NumberInput {
  const { t, locale } = i18n;
  const write = (value: number, decimals?: number) => writeNumber(value, conventions, decimals);
  const comma = conventions.decimalMark === ',';
  return {
    conventions,
    read: (text) => readNumber(text, conventions),
    check: (text, rule = {}) => checkNumber(text, rule, conventions),
    write,
    show: (value, decimals = 0) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, decimalsOf(value)) }).format(value),
    problemText(refusal, rule = {}) {
      const whole = rule.integer === true || rule.decimals === 0;
      switch (refusal.problem) {
        case 'notANumber':
          return t(whole ? 'numbers.problem.wholeNumber' : 'numbers.problem.notANumber', { example: whole ? '3' : write(12.5, rule.decimals ?? 2) });
        case 'format':
          return t('numbers.problem.format', { text: refusal.text, example: whole ? (comma ? '1.299' : '1,299') : comma ? '1.299,50' : '1,299.50' });
        case 'ambiguous':
          return t('numbers.problem.ambiguous', { text: refusal.text });
        case 'required':
          return t('numbers.problem.required');
        case 'wholeNumber':
          return t('numbers.problem.wholeNumber', { example: '3' });
        case 'tooSmall':
          return t('numbers.problem.tooSmall', { min: formatNumber(rule.min ?? 0, locale) });
        case 'tooLarge':
          return t('numbers.problem.tooLarge', { max: formatNumber(rule.max ?? 0, locale) });
        case 'decimals':
          return t('numbers.problem.decimals', { digits: rule.decimals ?? 0 });
      }
    },
  };
}

/** Reading, checking and writing numbers for the open shop and the UI language. */
export function useNumberInput(): NumberInput {
  const { settings } = useShop();
  const i18n = useI18n();
  const conventions = useMemo(
    () => numberConventions(settings.decimalMark, settings.currency, i18n.locale),
    [settings.decimalMark, settings.currency, i18n.locale],
  );
  return useMemo(() => makeNumberInput(conventions, i18n), [conventions, i18n]);
}

/** (text) → NumberReading for the open shop and the UI language. */
export function useReadNumber(): (text: string) => NumberReading {
  return useNumberInput().read;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'>;

/**
 * A text input for a number. The problem shows once the person leaves the field or presses
 * Enter (or at once when `showProblem`, e.g. after a refused submit); an input that reads two
 * ways offers both readings as buttons, and picking one rewrites the text to it.
 */
export function NumberField(
  props: InputProps & {
    value: string;
    onChange: (text: string) => void;
    rule?: NumberRule;
    showProblem?: boolean;
    /** Enter with an accepted value (inline-saved fields such as counts). */
    onCommit?: (value: number | null) => void;
  },
): ReactNode {
  const { value, onChange, rule, showProblem, onCommit, onBlur, onKeyDown, className, ...inputProps } = props;
  const { t } = useI18n();
  const numbers = useNumberInput();
  const [left, setLeft] = useState(false);
  const problemId = useId();
  const check = numbers.check(value, rule);
  const shown = !check.ok && (left || showProblem === true);
  const decimals = rule?.decimals;

  const keyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      onKeyDown?.(event);
      if (event.key !== 'Enter') return;
      setLeft(true);
      if (onCommit) {
        event.preventDefault();
        if (check.ok) onCommit(check.value);
      }
    },
    [onKeyDown, onCommit, check],
  );

  return (
    <span className={`number-field${shown ? ' number-field-invalid' : ''}`}>
      <input
        {...inputProps}
        className={className}
        type="text"
        inputMode={rule?.integer || decimals === 0 ? 'numeric' : 'decimal'}
        value={value}
        // A problem the caller marks (the core refused the field) stays marked too.
        aria-invalid={shown ? true : inputProps['aria-invalid']}
        aria-describedby={shown ? problemId : inputProps['aria-describedby']}
        onChange={(event) => {
          setLeft(false);
          onChange(event.target.value);
        }}
        onBlur={(event) => {
          setLeft(true);
          onBlur?.(event);
        }}
        onKeyDown={keyDown}
      />
      {shown && check.problem === 'ambiguous' && check.reading.kind === 'ambiguous' ? (
        <span className="number-choice" id={problemId} role="alert" data-testid="number-choice">
          <span>{t('numbers.which')}</span>
          {offered(check.reading.readings, firstChoice(numbers.conventions)).map(({ index, reading }, position) => (
            <span key={index} className="number-choice-option">
              {position > 0 ? <span className="muted">{t('numbers.or')}</span> : null}
              <button
                type="button"
                className="button button-small"
                aria-label={t('numbers.use', { value: numbers.show(reading, decimals) })}
                data-testid={`number-choice-${index}`}
                onClick={() => {
                  const chosen = numbers.write(reading, decimals);
                  onChange(chosen);
                  const accepted = numbers.check(chosen, rule);
                  if (onCommit && accepted.ok) onCommit(accepted.value);
                }}
              >
                {numbers.show(reading, decimals)}
              </button>
            </span>
          ))}
          <span>?</span>
        </span>
      ) : shown && !check.ok ? (
        <span className="field-error" id={problemId} role="alert" data-testid="number-problem">
          {numbers.problemText(check, rule)}
        </span>
      ) : null}
    </span>
  );
}

export interface NumberChoiceRequest {
  /** Already translated: where and what, e.g. "SKU TS-001 · Price: “12,50” can be read as … or as …". */
  line: string;
  /** The readings as the person should see them (e.g. "$1,250.00", "$12.50"), in the reader's order [point, comma]. */
  options: [string, string];
  /** Which one is offered first (and focused). */
  first: 0 | 1;
}

/**
 * Which reading of an ambiguous input to offer first: the one that takes the typed mark as a
 * decimal mark (12,50 → 12.50 in a '.' shop), never the careless thousands reading that makes
 * a price 100 times larger; where the mark could be either, the point reading.
 */
export function firstChoice(conventions: NumberConventions): 0 | 1 {
  return conventions.decimalMark === '.' ? 1 : 0;
}

/** Two readings (or labels) in the order they are offered, each with its index in the reader's order. */
function offered<T>(items: readonly [T, T], first: 0 | 1): { index: 0 | 1; reading: T }[] {
  const order: [0 | 1, 0 | 1] = first === 0 ? [0, 1] : [1, 0];
  return order.map((index) => ({ index, reading: items[index] }));
}

/**
 * Asks which reading of an ambiguous number was meant, for places without an input of their
 * own to show the question next to (grid cells, pasted blocks). `choose` resolves to the
 * chosen option's index, or null when the person cancels (nothing is saved then).
 */
export function useNumberChoice(): { choose: (request: NumberChoiceRequest) => Promise<0 | 1 | null>; dialog: ReactNode } {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ request: NumberChoiceRequest; resolve: (choice: 0 | 1 | null) => void } | null>(null);
  const choose = useCallback(
    (request: NumberChoiceRequest) => new Promise<0 | 1 | null>((resolve) => setOpen({ request, resolve })),
    [],
  );
  const close = useCallback(
    (choice: 0 | 1 | null) => {
      open?.resolve(choice);
      setOpen(null);
    },
    [open],
  );
  const dialog = open ? (
    <Dialog label={t('numbers.chooseTitle')} testId="number-choice-dialog" onClose={() => close(null)}>
      <h2>{t('numbers.chooseTitle')}</h2>
      <p className="confirm-line">{open.request.line}</p>
      <div className="form-actions">
        {offered(open.request.options, open.request.first).map(({ index, reading: label }) => (
          <button
            key={index}
            type="button"
            className="button button-primary"
            data-testid={`number-choice-${index}`}
            aria-label={t('numbers.use', { value: label })}
            onClick={() => close(index)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="button" data-testid="number-choice-cancel" onClick={() => close(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  ) : null;
  return { choose, dialog };
}

// One stocktake line's count, typed: read by the shared number reader (a count
// such as "1,200" or "12,5" is never silently reinterpreted; a fraction or
// letters say why they were not taken) and saved on Enter or on leaving the field.
import { useState, type ReactNode } from 'react';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useI18n } from '../../i18n/context.js';

const countRule: NumberRule = { integer: true, min: 0, max: 10_000_000 };

export function CountInput(props: { sku: string; counted: number | null; onSave: (counted: number) => void }): ReactNode {
  const { t } = useI18n();
  const numbers = useNumberInput();
  const [text, setText] = useState(props.counted === null ? '' : numbers.write(props.counted));
  const save = (value: number | null) => {
    // Empty leaves the line uncounted; the same number again is not a new count.
    if (value !== null && value !== props.counted) props.onSave(value);
  };
  return (
    <NumberField
      className="qty"
      value={text}
      onChange={setText}
      rule={countRule}
      aria-label={t('stocktake.countLabel', { sku: props.sku })}
      data-testid={`count-${props.sku}`}
      onCommit={save}
      onBlur={() => {
        const check = numbers.check(text, countRule);
        if (check.ok) save(check.value);
      }}
    />
  );
}

// A PIN field with a touch-friendly digit pad beside it, for the shared counter
// PC: typing on a keyboard and tapping the pad both fill the same field.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';

const maxDigits = 8;

export function PinPad(props: { id: string; value: string; onChange: (pin: string) => void; disabled?: boolean; testId?: string }): ReactNode {
  const { t } = useI18n();
  const { value, onChange } = props;
  const press = (digit: string): void => {
    if (value.length < maxDigits) onChange(value + digit);
  };
  return (
    <div className="pin-pad">
      <input
        id={props.id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={maxDigits}
        value={value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, maxDigits))}
      />
      <div className="pin-keys" role="group">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <button key={digit} type="button" className="button" disabled={props.disabled} onClick={() => press(digit)} tabIndex={-1}>
            {digit}
          </button>
        ))}
        <button type="button" className="button" disabled={props.disabled} onClick={() => onChange('')} tabIndex={-1}>
          {t('team.pinPad.clear')}
        </button>
        <button type="button" className="button" disabled={props.disabled} onClick={() => press('0')} tabIndex={-1}>
          0
        </button>
        <button
          type="button"
          className="button"
          disabled={props.disabled}
          aria-label={t('team.pinPad.back')}
          onClick={() => onChange(value.slice(0, -1))}
          tabIndex={-1}
        >
          ⌫
        </button>
      </div>
    </div>
  );
}

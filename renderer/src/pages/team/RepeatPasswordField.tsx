// "Repeat the password" under a new password: says at once when the two differ.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';

export function RepeatPasswordField(props: { id: string; value: string; onChange(value: string): void; mismatch: boolean; testId: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('team.password.repeat')}</label>
      <input
        id={props.id}
        type="password"
        autoComplete="new-password"
        value={props.value}
        data-testid={props.testId}
        aria-invalid={props.mismatch || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.mismatch ? <span className="field-error">{t('team.password.mismatch')}</span> : null}
    </div>
  );
}

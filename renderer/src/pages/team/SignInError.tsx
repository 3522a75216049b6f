// A refused sign-in or unlock, said beside the form (not as a toast: the person
// is looking at the form): wrong name or password, or how long to wait.
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/api-error.js';
import { errorParams, hintKey } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';

export function SignInError({ error }: { error: ApiError | null }): ReactNode {
  const { t, tKey } = useI18n();
  if (!error) return null;
  const { key } = error.details;
  const params = errorParams(key, error.details.params, tKey);
  const hint = hintKey(error.code, key);
  return (
    <div className="sign-in-error" role="alert" data-testid="sign-in-error">
      <strong>{tKey(`errors.${key}`, 'errors.internal', params)}</strong>
      {hint ? <span>{t(hint, params)}</span> : null}
    </div>
  );
}

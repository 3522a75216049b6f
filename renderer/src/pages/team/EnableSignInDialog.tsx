// Turning "Require sign-in" on from a window that acts as the owner without a
// session (sign-in was off): the person confirms with their password — or
// chooses one, the core refuses the switch until they have one — and this window
// signs in with it before the switch, so it stays open instead of landing on
// the sign-in page.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { SessionPerson } from '../../../../src/team/contract.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { SignInError } from './SignInError.js';
import { RepeatPasswordField } from './RepeatPasswordField.js';
import { SubmitOrCancel } from './SubmitOrCancel.js';

export function EnableSignInDialog(props: { me: SessionPerson; hasPassword: boolean; onClose: () => void; onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const { showSuccess } = useToasts();
  const ids = { password: useId(), repeat: useId() };
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const choosing = !props.hasPassword;
  const mismatch = choosing && repeat !== '' && password !== repeat;

  const enable = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (choosing && password !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      if (choosing) await call('team.changeOwnPassword', { currentPassword: '', newPassword: password });
      await call('team.signIn', { login: props.me.login, password });
      await call('team.settings.update', { signInRequired: true });
      showSuccess('team.settings.saved');
      props.onDone();
      props.onClose();
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={t('team.enable.title')} testId="enable-sign-in" onClose={props.onClose} onSubmit={(event) => void enable(event)}>
      <h2>{t('team.enable.title')}</h2>
      <p className="muted">{choosing ? t('team.enable.ledeChoose', { login: props.me.login }) : t('team.enable.lede', { name: props.me.name })}</p>
      <div className="fields">
        <div className="field">
          <label htmlFor={ids.password}>{choosing ? t('team.password.new') : t('team.enable.password')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete={choosing ? 'new-password' : 'current-password'}
            value={password}
            data-testid="enable-password"
            onChange={(event) => setPassword(event.target.value)}
          />
          {choosing ? <span className="muted small">{t('team.password.rule')}</span> : null}
        </div>
        {choosing ? (
          <RepeatPasswordField id={ids.repeat} value={repeat} onChange={setRepeat} mismatch={mismatch} testId="enable-repeat" />
        ) : null}
      </div>
      <SignInError error={error} />
      <SubmitOrCancel label={t('team.enable.submit')} disabled={busy || password === '' || (choosing && password !== repeat)} testId="enable-submit" onCancel={props.onClose} />
    </Dialog>
  );
}

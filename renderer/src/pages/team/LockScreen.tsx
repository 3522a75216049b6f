// A locked window (Lock pressed, or idle too long): the person's name, their
// password or PIN to unlock, or Switch person (signs out, then the sign-in page).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Locale } from '../../../../src/settings/contract.js';
import type { SessionPerson, TeamStatus } from '../../../../src/team/contract.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/context.js';
import { PinPad } from './PinPad.js';
import { initials } from './SignInPage.js';
import { SignInError } from './SignInError.js';

export function LockScreen(props: {
  shopName: string;
  person: SessionPerson;
  team: TeamStatus;
  onLocaleChange: (locale: Locale) => void;
  onChanged: () => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const hasPin = props.team.people.some((person) => person.id === props.person.id && person.hasPin);
  const [usePin, setUsePin] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const unlock = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('team.unlock', usePin ? { pin: secret } : { password: secret });
      props.onChanged();
    } catch (failure) {
      setError(toApiError(failure));
      setSecret('');
    } finally {
      setBusy(false);
    }
  };
  const switchPerson = (): void => {
    call('team.signOut', {})
      .catch(() => undefined) // Signed out or not, the sign-in page is where this goes.
      .finally(props.onChanged);
  };

  return (
    <div className="welcome sign-in">
      <header className="welcome-top">
        <span className="brand">
          {t('app.name')} · {props.shopName}
        </span>
        <LanguageSwitch onChange={props.onLocaleChange} />
      </header>
      <main className="welcome-main sign-in-main" id="main" data-testid="lock-screen">
        <form className="card sign-in-card lock-card" onSubmit={(event) => void unlock(event)} noValidate>
          <span className="avatar avatar-large" aria-hidden="true" data-i18n-skip>
            {initials(props.person.name)}
          </span>
          <h1>{t('team.lock.title')}</h1>
          <p className="muted">{t('team.lock.lede', { name: props.person.name })}</p>
          <div className="field">
            <label htmlFor={id}>{usePin ? t('team.lock.pin') : t('team.lock.password')}</label>
            {usePin ? (
              <PinPad id={id} value={secret} onChange={setSecret} disabled={busy} testId="unlock-pin" />
            ) : (
              <input
                id={id}
                type="password"
                autoComplete="current-password"
                value={secret}
                disabled={busy}
                data-testid="unlock-password"
                onChange={(event) => setSecret(event.target.value)}
              />
            )}
          </div>
          <SignInError error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || secret === ''} data-testid="unlock-submit">
              {t('team.lock.unlock')}
            </button>
            {hasPin ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setUsePin(!usePin);
                  setSecret('');
                  setError(null);
                }}
              >
                {usePin ? t('team.lock.usePassword') : t('team.lock.usePin')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={switchPerson} data-testid="lock-switch">
              {t('team.lock.switch')}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}

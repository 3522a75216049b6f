// The first screen of a shop that requires sign-in: sign-in name and password,
// and — for a shared counter PC — the people with a PIN as buttons: pick a
// name, type the PIN. The session lands in an HttpOnly cookie (serve mode) or
// the main process (Electron); this page never sees a token.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Locale } from '../../../../src/settings/contract.js';
import type { TeamStatus } from '../../../../src/team/contract.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/context.js';
import { PinPad } from './PinPad.js';
import { SignInError } from './SignInError.js';

type QuickPerson = TeamStatus['people'][number];

export function SignInPage(props: { shopName: string; team: TeamStatus; onLocaleChange: (locale: Locale) => void; onSignedIn: () => void }): ReactNode {
  const { t } = useI18n();
  const ids = { login: useId(), password: useId(), pin: useId() };
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [pinPerson, setPinPerson] = useState<QuickPerson | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const quick = props.team.people.filter((person) => person.hasPin);

  const attempt = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      props.onSignedIn();
    } catch (failure) {
      setError(toApiError(failure));
      setPassword('');
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  const signIn = (event: FormEvent): void => {
    event.preventDefault();
    void attempt(() => call('team.signIn', { login, password }));
  };
  const signInWithPin = (event: FormEvent): void => {
    event.preventDefault();
    if (pinPerson) void attempt(() => call('team.signInWithPin', { personId: pinPerson.id, pin }));
  };

  return (
    <div className="welcome sign-in">
      <header className="welcome-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch onChange={props.onLocaleChange} />
      </header>
      <main className="welcome-main sign-in-main" id="main" data-testid="sign-in-page">
        <h1>{t('team.signIn.title', { shop: props.shopName })}</h1>
        <p className="welcome-lede">{t('team.signIn.lede')}</p>
        <div className={quick.length > 0 ? 'sign-in-cards' : 'sign-in-cards sign-in-single'}>
          {pinPerson ? (
            <form className="card sign-in-card" onSubmit={signInWithPin} noValidate data-testid="pin-form">
              <div className="field">
                <label htmlFor={ids.pin}>{t('team.signIn.pinFor', { name: pinPerson.name })}</label>
                <PinPad id={ids.pin} value={pin} onChange={setPin} disabled={busy} testId="sign-in-pin" />
              </div>
              <SignInError error={error} />
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy || pin.length < 4}>
                  {busy ? t('team.signIn.working') : t('team.signIn.pinSubmit')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setLogin(pinPerson.login);
                    setPinPerson(null);
                    setError(null);
                  }}
                >
                  {t('team.signIn.usePassword')}
                </button>
              </div>
            </form>
          ) : (
            <form className="card sign-in-card" onSubmit={signIn} noValidate data-testid="sign-in-form">
              <div className="field">
                <label htmlFor={ids.login}>{t('team.signIn.login')}</label>
                <input
                  id={ids.login}
                  type="text"
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={login}
                  disabled={busy}
                  data-testid="sign-in-login"
                  onChange={(event) => setLogin(event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={ids.password}>{t('team.signIn.password')}</label>
                <input
                  id={ids.password}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  disabled={busy}
                  data-testid="sign-in-password"
                  onChange={(event) => setPassword(event.target.value)}
                />
              </div>
              <SignInError error={error} />
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy || login.trim() === '' || password === ''} data-testid="sign-in-submit">
                  {busy ? t('team.signIn.working') : t('team.signIn.submit')}
                </button>
              </div>
              <p className="muted small sign-in-forgot">{t('team.signIn.forgot')}</p>
            </form>
          )}
          {quick.length > 0 ? (
            <section className="card sign-in-quick" aria-labelledby={`${ids.pin}-quick`}>
              <h2 id={`${ids.pin}-quick`}>{t('team.signIn.quick')}</h2>
              <p className="muted small">{t('team.signIn.quickHint')}</p>
              <div className="sign-in-people">
                {quick.map((person) => (
                  <button
                    key={person.id}
                    type="button"
                    className={`button sign-in-person${pinPerson?.id === person.id ? ' active' : ''}`}
                    aria-pressed={pinPerson?.id === person.id}
                    data-testid={`quick-${person.login}`}
                    onClick={() => {
                      setPinPerson(person);
                      setPin('');
                      setError(null);
                    }}
                  >
                    <span className="avatar" aria-hidden="true" data-i18n-skip>
                      {initials(person.name)}
                    </span>
                    <span data-i18n-skip>{person.name}</span>
                  </button>
                ))}
              </div>
            </section>
          ) : null}
        </div>
      </main>
    </div>
  );
}

/** "Lin Wei" → "LW", "王芳" → "王". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...(words[0] ?? '')][0] ?? '';
  if (/[\u3400-\u9fff]/u.test(first)) return first;
  const second = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + second).toUpperCase();
}

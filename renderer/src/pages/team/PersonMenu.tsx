// The person menu in the top bar: who is signed in (name, role), Lock, Switch
// person, Sign out and Change my password. With sign-in off, it says who the
// window acts as and offers only the password (the first step to turning sign-in on).
import { useRef, useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useTeam } from '../../app/team-context.js';
import { useDismiss } from '../../components/use-dismiss.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { ChangePasswordDialog } from './ChangePasswordDialog.js';
import { roleLabel } from './role-label.js';
import { initials } from './SignInPage.js';

export function PersonMenu(): ReactNode {
  const { t } = useI18n();
  const team = useTeam();
  const { showError } = useToasts();
  const menu = useRef<HTMLDetailsElement | null>(null);
  const [changing, setChanging] = useState(false);
  useDismiss(menu);
  const person = team?.status.person;
  if (!team || !person) return null;
  const { signInRequired } = team.status;
  const role = roleLabel(t, { builtIn: person.roleBuiltIn, name: person.roleName });

  const close = (): void => menu.current?.removeAttribute('open');
  const act = (method: 'team.lock' | 'team.signOut'): void => {
    close();
    call(method, {}).then(team.refresh, showError);
  };

  return (
    <>
      <details ref={menu} className="menu person-menu" data-testid="person-menu">
        <summary className="button person-button" aria-label={t('team.menu.label', { name: person.name })}>
          <span className="avatar" aria-hidden="true" data-i18n-skip>
            {initials(person.name)}
          </span>
          <span className="person-name" data-testid="person-name" data-i18n-skip>
            {person.name}
          </span>
        </summary>
        <div className="menu-panel card person-panel">
          <div className="person-who">
            <strong data-i18n-skip>{person.name}</strong>
            <span className="muted small" data-testid="person-role">
              {t('team.menu.role', { role })}
            </span>
          </div>
          {signInRequired ? (
            <>
              <button type="button" className="menu-action" data-testid="menu-lock" onClick={() => act('team.lock')}>
                {t('team.menu.lock')}
              </button>
              <button type="button" className="menu-action" data-testid="menu-switch" onClick={() => act('team.signOut')}>
                {t('team.menu.switch')}
              </button>
            </>
          ) : (
            <p className="muted small person-note">{t('team.menu.signInOff', { name: person.name })}</p>
          )}
          <button
            type="button"
            className="menu-action"
            data-testid="menu-change-password"
            onClick={() => {
              close();
              setChanging(true);
            }}
          >
            {t('team.menu.changePassword')}
          </button>
          {signInRequired ? (
            <button type="button" className="menu-action" data-testid="menu-sign-out" onClick={() => act('team.signOut')}>
              {t('team.menu.signOut')}
            </button>
          ) : null}
        </div>
      </details>
      {changing ? <ChangePasswordDialog hasPassword={signInRequired ? true : null} onClose={() => setChanging(false)} /> : null}
    </>
  );
}

// Settings → People: everyone who may sign in, with their role, whether they
// are active, whether a password and a PIN are set, and when they last signed
// in; add, edit, set a password or PIN, remove a PIN.
import { useState, type ReactNode } from 'react';
import type { Person, Role } from '../../../../src/team/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useConfirm } from '../../components/confirm.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../i18n/format.js';
import { PersonDialog, SecretDialog } from './PersonDialogs.js';
import { roleLabel } from './role-label.js';

type Open = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'password' | 'pin'; person: Person } | null;

export function PeopleSection(props: { people: readonly Person[]; roles: readonly Role[]; meId: number | null; signInRequired: boolean; onChanged: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const [open, setOpen] = useState<Open>(null);

  const removePin = async (person: Person): Promise<void> => {
    const ok = await confirm({
      title: t('team.people.removePinConfirm', { name: person.name }),
      lines: [t('team.people.removePinLine')],
      confirmLabel: t('team.people.removePin'),
      danger: true,
    });
    if (!ok) return;
    try {
      await call('team.people.setPin', { personId: person.id, pin: null });
      showSuccess('team.people.pinRemoved');
      props.onChanged();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section className="team-people" data-testid="people-section">
      <div className="section-head">
        <h2>{t('team.people.title')}</h2>
        <button type="button" className="button button-primary button-small" data-testid="person-add" onClick={() => setOpen({ kind: 'add' })}>
          {t('team.people.add')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="people-table">
          <thead>
            <tr>
              <th>{t('team.people.name')}</th>
              <th>{t('team.people.login')}</th>
              <th>{t('team.people.role')}</th>
              <th>{t('team.people.secrets')}</th>
              <th>{t('team.people.lastSignIn')}</th>
              <th aria-label={t('team.people.edit')} />
            </tr>
          </thead>
          <tbody>
            {props.people.map((person) => (
              <tr key={person.id} data-testid={`person-row-${person.login}`} className={person.active ? undefined : 'row-inactive'}>
                <td>
                  <span data-i18n-skip>{person.name}</span>
                  {person.id === props.meId ? <span className="muted"> {t('team.people.you')}</span> : null}
                  {person.active ? null : <span className="pill pill-inactive">{t('team.people.inactive')}</span>}
                </td>
                <td className="cell-mono" data-i18n-skip>
                  {person.login}
                </td>
                <td {...(person.roleBuiltIn ? {} : { 'data-i18n-skip': true })}>{roleLabel(t, { builtIn: person.roleBuiltIn, name: person.roleName })}</td>
                <td>
                  <span className={person.hasPassword ? 'pill pill-ok' : 'pill'}>{person.hasPassword ? t('team.people.hasPassword') : t('team.people.noPassword')}</span>
                  {person.hasPin ? <span className="pill pill-ok">{t('team.people.hasPin')}</span> : null}
                </td>
                <td>{person.lastSignInAt ? formatDateTime(person.lastSignInAt, locale, settings.timeZone) : <span className="muted">{t('team.people.never')}</span>}</td>
                <td className="actions-cell">
                <div className="row-actions">
                    <button type="button" className="link" data-testid="person-edit" onClick={() => setOpen({ kind: 'edit', person })}>
                      {t('team.people.edit')}
                    </button>
                    <button type="button" className="link" data-testid="person-set-password" onClick={() => setOpen({ kind: 'password', person })}>
                      {t('team.people.setPassword')}
                    </button>
                    <button type="button" className="link" data-testid="person-set-pin" onClick={() => setOpen({ kind: 'pin', person })}>
                      {t('team.people.setPin')}
                    </button>
                    {person.hasPin ? (
                      <button type="button" className="link link-danger" data-testid="person-remove-pin" onClick={() => void removePin(person)}>
                        {t('team.people.removePin')}
                      </button>
                    ) : null}
                </div>
              </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open?.kind === 'add' || open?.kind === 'edit' ? (
        <PersonDialog
          person={open.kind === 'edit' ? open.person : null}
          roles={props.roles}
          signInRequired={props.signInRequired}
          onClose={() => setOpen(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      {open?.kind === 'password' || open?.kind === 'pin' ? (
        <SecretDialog person={open.person} kind={open.kind} onClose={() => setOpen(null)} onSaved={props.onChanged} />
      ) : null}
    </section>
  );
}

// The dialogs of Settings → People: add or edit a person, and set a password or
// a PIN. Field problems from the core (loginTaken on `login`, passwordTooShort,
// pinFormat) are shown beside their field and in the toast.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Person, Role } from '../../../../src/team/contract.js';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useFieldIssues, type FieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { roleLabel } from './role-label.js';
import { SubmitOrCancel } from './SubmitOrCancel.js';

function TextField(props: {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  issues: FieldIssues;
  type?: 'text' | 'password';
  hint?: string;
  autoComplete?: string;
  inputMode?: 'numeric';
}): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        data-testid={`person-${props.path}`}
        onChange={(event) => props.onChange(event.target.value)}
        {...props.issues.fieldProps(props.path)}
      />
      <FieldProblem text={props.issues.issueFor(props.path)} />
      {props.hint ? <span className="muted small">{props.hint}</span> : null}
    </div>
  );
}

function RoleSelect(props: { roles: readonly Role[]; value: number; onChange: (roleId: number) => void; issues: FieldIssues }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('team.people.role')}</label>
      <select id={id} value={props.value} data-testid="person-role" onChange={(event) => props.onChange(Number(event.target.value))} {...props.issues.fieldProps('roleId')}>
        {props.roles.map((role) => (
          <option key={role.id} value={role.id}>
            {roleLabel(t, role)}
          </option>
        ))}
      </select>
      <FieldProblem text={props.issues.issueFor('roleId')} />
    </div>
  );
}

/** Runs a save: field problems beside the fields, the error in a toast, success closes. */
function useSave(issues: FieldIssues, success: MessageKey, done: () => void) {
  const { showError, showSuccess } = useToasts();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    issues.clear();
    try {
      await work();
      showSuccess(success);
      done();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** Add a person (person: null) or edit one: name, sign-in name, role, and for a new one a password and PIN. */
export function PersonDialog(props: { person: Person | null; roles: readonly Role[]; signInRequired: boolean; onClose: () => void; onSaved: () => void }): ReactNode {
  const { t } = useI18n();
  const issues = useFieldIssues();
  const { person } = props;
  const staff = props.roles.find((role) => role.builtIn === 'staff') ?? props.roles[0];
  const [name, setName] = useState(person?.name ?? '');
  const [login, setLogin] = useState(person?.login ?? '');
  const [roleId, setRoleId] = useState(person?.roleId ?? staff?.id ?? 0);
  const [active, setActive] = useState(person?.active ?? true);
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const { busy, run } = useSave(issues, person ? 'team.people.saved' : 'team.people.created', () => {
    props.onSaved();
    props.onClose();
  });
  const activeId = useId();

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (person) {
      const changes = {
        ...(name !== person.name ? { name } : {}),
        ...(login !== person.login ? { login } : {}),
        ...(roleId !== person.roleId ? { roleId } : {}),
        ...(active !== person.active ? { active } : {}),
      };
      void run(() => call('team.people.update', { personId: person.id, changes }));
    } else {
      void run(() => call('team.people.create', { name, login, roleId, ...(password ? { password } : {}), ...(pin ? { pin } : {}) }));
    }
  };
  const title = person ? t('team.people.editTitle', { name: person.name }) : t('team.people.add');

  return (
    <Dialog label={title} testId="person-dialog" onClose={props.onClose} onSubmit={save}>
      <h2>{title}</h2>
      <div className="fields">
        <TextField label={t('team.people.name')} path="name" value={name} onChange={setName} issues={issues} />
        <TextField label={t('team.people.login')} path="login" value={login} onChange={setLogin} issues={issues} hint={t('team.people.loginHint')} />
        <RoleSelect roles={props.roles} value={roleId} onChange={setRoleId} issues={issues} />
        {person ? (
          <label className="checkbox-line" htmlFor={activeId}>
            <input id={activeId} type="checkbox" checked={active} data-testid="person-active" onChange={(event) => setActive(event.target.checked)} />
            {t('team.people.active')}
          </label>
        ) : (
          <>
            <TextField
              label={props.signInRequired ? t('team.people.password') : t('team.people.passwordOptional')}
              path="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              issues={issues}
              hint={t('team.password.rule')}
            />
            <TextField label={t('team.people.pin')} path="pin" type="password" inputMode="numeric" value={pin} onChange={setPin} issues={issues} hint={t('team.people.pinHint')} />
          </>
        )}
      </div>
      <SubmitOrCancel label={person ? t('team.people.save') : t('team.people.create')} disabled={busy} testId="person-save" onCancel={props.onClose} />
    </Dialog>
  );
}

/** Set a person's password or PIN. */
export function SecretDialog(props: { person: Person; kind: 'password' | 'pin'; onClose: () => void; onSaved: () => void }): ReactNode {
  const { t } = useI18n();
  const issues = useFieldIssues();
  const [secret, setSecret] = useState('');
  const isPin = props.kind === 'pin';
  const { busy, run } = useSave(issues, isPin ? 'team.people.pinSaved' : 'team.people.passwordSaved', () => {
    props.onSaved();
    props.onClose();
  });
  const title = isPin ? t('team.people.setPinTitle', { name: props.person.name }) : t('team.people.setPasswordTitle', { name: props.person.name });
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void run(() =>
      isPin ? call('team.people.setPin', { personId: props.person.id, pin: secret }) : call('team.people.setPassword', { personId: props.person.id, password: secret }),
    );
  };
  return (
    <Dialog label={title} testId="secret-dialog" onClose={props.onClose} onSubmit={save}>
      <h2>{title}</h2>
      <div className="fields">
        <TextField
          label={isPin ? t('team.signIn.pin') : t('team.people.password')}
          path={isPin ? 'pin' : 'password'}
          type="password"
          autoComplete="new-password"
          inputMode={isPin ? 'numeric' : undefined}
          value={secret}
          onChange={setSecret}
          issues={issues}
          hint={isPin ? t('team.people.pinHint') : t('team.password.rule')}
        />
        {isPin ? null : <p className="muted small">{t('team.people.setPasswordNote')}</p>}
      </div>
      <SubmitOrCancel label={isPin ? t('team.people.setPin') : t('team.people.setPassword')} disabled={busy || secret === ''} testId="secret-save" onCancel={props.onClose} />
    </Dialog>
  );
}

// A role's permissions as a checklist grouped by area, each with its label and
// a one-line description in the UI language. Built-in roles open read-only; a
// custom role (new or existing) is named and ticked here.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Role } from '../../../../src/team/contract.js';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { allPermissions, permissionGroups, type PermissionName } from './permission-groups.js';
import { roleLabel } from './role-label.js';

export function PermissionChecklist(props: { selected: ReadonlySet<PermissionName>; onToggle?: (permission: PermissionName) => void }): ReactNode {
  const { t } = useI18n();
  const base = useId();
  const readOnly = !props.onToggle;
  return (
    <div className="permission-groups" data-testid="permission-checklist">
      {permissionGroups.map((group) => (
        <fieldset key={group.area} className="permission-group">
          <legend>{t(`team.area.${group.area}`)}</legend>
          {group.permissions.map((permission) => {
            const id = `${base}-${permission}`;
            return (
              <div key={permission} className={`permission${props.selected.has(permission) ? ' granted' : ''}`}>
                <input
                  id={id}
                  type="checkbox"
                  checked={props.selected.has(permission)}
                  disabled={readOnly}
                  data-permission={permission}
                  onChange={() => props.onToggle?.(permission)}
                />
                <label htmlFor={id}>
                  <span className="permission-label">{t(`team.permission.${permission}`)}</span>
                  <span className="muted small">{t(`team.permission.${permission}.hint`)}</span>
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}

export function RoleDialog(props: { role: Role | null; onClose: () => void; onSaved: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const nameId = useId();
  const { role } = props;
  const builtIn = role?.builtIn ?? null;
  const [name, setName] = useState(role?.name ?? '');
  const [selected, setSelected] = useState<ReadonlySet<PermissionName>>(() => new Set(role?.permissions ?? ['shop.view']));
  const [busy, setBusy] = useState(false);
  const title = builtIn && role ? roleLabel(t, role) : role ? t('team.roles.editTitle', { name: role.name }) : t('team.roles.newTitle');

  const toggle = (permission: PermissionName): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(permission)) next.delete(permission);
      else next.add(permission);
      return next;
    });
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (builtIn) return;
    setBusy(true);
    issues.clear();
    // In the order of the list, so the saved role reads the same way every time.
    const permissions = allPermissions.filter((permission) => selected.has(permission));
    try {
      if (role) await call('team.roles.update', { roleId: role.id, changes: { name, permissions } });
      else await call('team.roles.create', { name, permissions });
      showSuccess('team.roles.saved');
      props.onSaved();
      props.onClose();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={title} testId="role-dialog" wide onClose={props.onClose} onSubmit={(event) => void save(event)}>
      <h2>{title}</h2>
      {builtIn ? (
        <>
          <p className="muted">{t(`team.role.${builtIn}.hint`)}</p>
          <p className="note">{t('team.roles.builtInNote')}</p>
        </>
      ) : (
        <div className="field">
          <label htmlFor={nameId}>{t('team.roles.name')}</label>
          <input id={nameId} type="text" value={name} data-testid="role-name" onChange={(event) => setName(event.target.value)} {...issues.fieldProps('name')} />
          <FieldProblem text={issues.issueFor('name')} />
        </div>
      )}
      <PermissionChecklist selected={selected} {...(builtIn ? {} : { onToggle: toggle })} />
      <div className="form-actions">
        {builtIn ? null : (
          <button type="submit" className="button button-primary" disabled={busy} data-testid="role-save">
            {t('team.roles.save')}
          </button>
        )}
        <button type="button" className="button" onClick={props.onClose}>
          {builtIn ? t('toast.dismiss') : t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

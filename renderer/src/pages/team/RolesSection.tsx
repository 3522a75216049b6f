// Settings → Roles: the four built-in roles (their permissions shown, not
// editable) and the shop's custom roles, made, edited and — when nobody has
// them — removed.
import { useState, type ReactNode } from 'react';
import type { Role } from '../../../../src/team/contract.js';
import { call } from '../../api/client.js';
import { useConfirm } from '../../components/confirm.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { allPermissions } from './permission-groups.js';
import { RoleDialog } from './RoleDialog.js';
import { roleLabel } from './role-label.js';

export function RolesSection(props: { roles: readonly Role[]; onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const [open, setOpen] = useState<{ role: Role | null } | null>(null);

  const remove = async (role: Role): Promise<void> => {
    const ok = await confirm({
      title: t('team.roles.removeConfirm', { name: role.name }),
      lines: [t('team.roles.removeLine')],
      confirmLabel: t('team.roles.remove'),
      danger: true,
    });
    if (!ok) return;
    try {
      await call('team.roles.remove', { roleId: role.id });
      showSuccess('team.roles.removed');
      props.onChanged();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section className="team-roles" data-testid="roles-section">
      <div className="section-head">
        <h2>{t('team.roles.title')}</h2>
        <button type="button" className="button button-small" data-testid="role-add" onClick={() => setOpen({ role: null })}>
          {t('team.roles.add')}
        </button>
      </div>
      <table className="table" data-testid="roles-table">
        <thead>
          <tr>
            <th>{t('team.roles.name')}</th>
            <th>{t('team.roles.permissions')}</th>
            <th className="num">{t('team.people.title')}</th>
            <th aria-label={t('team.roles.edit')} />
          </tr>
        </thead>
        <tbody>
          {props.roles.map((role) => (
            <tr key={role.id} data-testid={`role-row-${role.builtIn ?? role.id}`}>
              <td>
                <span {...(role.builtIn ? {} : { 'data-i18n-skip': true })}>{roleLabel(t, role)}</span> <span className="pill">{role.builtIn ? t('team.roles.builtIn') : t('team.roles.custom')}</span>
                {role.builtIn ? <div className="muted small">{t(`team.role.${role.builtIn}.hint`)}</div> : null}
              </td>
              <td>{t('team.roles.count', { count: role.permissions.length, total: allPermissions.length })}</td>
              <td className="num">{role.people}</td>
              <td className="actions-cell">
                <div className="row-actions">
                  <button type="button" className="link" data-testid="role-open" onClick={() => setOpen({ role })}>
                    {role.builtIn ? t('team.roles.view') : t('team.roles.edit')}
                  </button>
                  {role.builtIn ? null : (
                    <button
                      type="button"
                      className="link link-danger"
                      data-testid="role-remove"
                      disabled={role.people > 0}
                      title={role.people > 0 ? t('team.roles.inUse') : undefined}
                      onClick={() => void remove(role)}
                    >
                      {t('team.roles.remove')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? <RoleDialog role={open.role} onClose={() => setOpen(null)} onSaved={props.onChanged} /> : null}
    </section>
  );
}

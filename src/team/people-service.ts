// People, roles and the team settings: what the owner manages under Settings →
// People. Rules a shop relies on: there is always an active owner; nobody locks
// themselves out (deactivating or demoting oneself, removing a role in use);
// sign-in can be required only once the person turning it on has a password.
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Person, Role, SessionPerson, TeamSettings } from './contract.js';
import { hashSecret } from './passwords.js';
import { builtInRolePermissions, isPermission, permissionNames, type Permission } from './permission-names.js';
import type { PersonRow, RoleRow, TeamStore } from './team-store.js';

export function teamRefusal(key: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('CONFLICT', message, { key, ...(params ? { params } : {}) });
}

function notFound(what: 'person' | 'role', id: number): AppError {
  return new AppError('NOT_FOUND', `No ${what} ${id}.`, { key: what === 'person' ? 'personNotFound' : 'roleNotFound', params: { id } });
}

export function permissionsOfRole(store: TeamStore, role: Pick<RoleRow, 'id' | 'builtin_key'>): Permission[] {
  if (role.builtin_key) return [...builtInRolePermissions[role.builtin_key]];
  const granted = new Set(store.rolePermissions(role.id).filter(isPermission));
  // In the order of the permission list, so screens and exports read the same way every time.
  return permissionNames.filter((permission) => granted.has(permission));
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    login: row.login,
    roleId: row.role_id,
    roleName: row.role_name,
    roleBuiltIn: row.role_builtin,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    hasPin: row.pin_hash !== null,
    lastSignInAt: row.last_sign_in_at,
  };
}

export function toSessionPerson(store: TeamStore, row: PersonRow): SessionPerson {
  return {
    id: row.id,
    name: row.name,
    login: row.login,
    roleName: row.role_name,
    roleBuiltIn: row.role_builtin,
    permissions: permissionsOfRole(store, { id: row.role_id, builtin_key: row.role_builtin }),
  };
}

export interface PeopleServiceDeps {
  store: TeamStore;
  clock: Clock;
  transaction<T>(work: () => T): T;
  /** A person's sessions end (password changed, deactivated, role changed). */
  endSessionsOf(personId: number): void;
  /** Who is making the call (the owner when sign-in is off). */
  callerId(): number;
}

export function createPeopleService(deps: PeopleServiceDeps) {
  const { store, clock } = deps;
  const now = () => clock.now().toISOString();

  const personOr404 = (id: number): PersonRow => {
    const row = store.person(id);
    if (!row) throw notFound('person', id);
    return row;
  };
  const roleOr404 = (id: number): RoleRow => {
    const row = store.role(id);
    if (!row) throw notFound('role', id);
    return row;
  };
  const loginFree = (login: string, except?: number): void => {
    const holder = store.personByLogin(login);
    if (holder && holder.id !== except) {
      throw new AppError('VALIDATION', `The sign-in name ${login} is taken.`, {
        key: 'validation',
        issues: [{ path: 'login', key: 'loginTaken', message: `login: ${login} is taken`, params: { login } }],
      });
    }
  };
  const roleView = (row: RoleRow): Role => ({
    id: row.id,
    builtIn: row.builtin_key,
    name: row.name,
    permissions: permissionsOfRole(store, row),
    people: row.people,
  });
  const signInRequired = (): boolean => store.settings().sign_in_required === 1;

  return {
    settings(): TeamSettings {
      const row = store.settings();
      return { signInRequired: row.sign_in_required === 1, idleLockMinutes: row.idle_lock_minutes };
    },
    updateSettings(changes: Partial<TeamSettings>): TeamSettings {
      const current = this.settings();
      const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) } as TeamSettings;
      if (next.signInRequired && !current.signInRequired) {
        const me = store.person(deps.callerId());
        if (!me?.password_hash) {
          throw teamRefusal('signInNeedsPassword', 'Set your own password before requiring sign-in, or you could not sign in again.');
        }
      }
      store.updateSettings(next.signInRequired, next.idleLockMinutes, now());
      return next;
    },
    list: (): Person[] => store.people().map(toPerson),
    async create(input: { name: string; login: string; roleId: number; password?: string | undefined; pin?: string | undefined }): Promise<Person> {
      roleOr404(input.roleId);
      if (signInRequired() && !input.password) {
        throw new AppError('VALIDATION', 'Sign-in is required in this shop: give the new person a password.', {
          key: 'validation',
          issues: [{ path: 'password', key: 'required', message: 'password: required while sign-in is on' }],
        });
      }
      // Hash before the transaction: scrypt is slow on purpose and must not hold the write lock.
      const passwordHash = input.password ? await hashSecret(input.password) : null;
      const pinHash = input.pin ? await hashSecret(input.pin) : null;
      const id = deps.transaction(() => {
        loginFree(input.login);
        return store.insertPerson({ name: input.name, login: input.login, roleId: input.roleId, passwordHash, pinHash, at: now() });
      });
      return toPerson(personOr404(id));
    },
    update(personId: number, changes: { name?: string | undefined; login?: string | undefined; roleId?: number | undefined; active?: boolean | undefined }): Person {
      return deps.transaction(() => {
        const row = personOr404(personId);
        const roleId = changes.roleId ?? row.role_id;
        const active = changes.active ?? row.active === 1;
        const role = roleOr404(roleId);
        if (changes.login !== undefined) loginFree(changes.login, personId);
        const wasOwner = row.role_builtin === 'owner' && row.active === 1;
        const staysOwner = role.builtin_key === 'owner' && active;
        if (wasOwner && !staysOwner && store.activeOwnerCount() <= 1) {
          throw teamRefusal('lastOwner', 'This is the only active owner: make someone else an owner first.');
        }
        if (personId === deps.callerId() && (!active || (row.role_builtin === 'owner' && role.builtin_key !== 'owner'))) {
          throw teamRefusal('notYourself', 'You cannot deactivate yourself or give up your own owner role; another owner can.');
        }
        store.updatePerson({ id: personId, name: changes.name ?? row.name, login: changes.login ?? row.login, roleId, active, at: now() });
        if (!active || roleId !== row.role_id) deps.endSessionsOf(personId);
        return toPerson(personOr404(personId));
      });
    },
    async setPassword(personId: number, password: string): Promise<Person> {
      personOr404(personId);
      const hash = await hashSecret(password);
      store.setPassword(personId, hash, now());
      if (personId !== deps.callerId()) deps.endSessionsOf(personId);
      return toPerson(personOr404(personId));
    },
    async setPin(personId: number, pin: string | null): Promise<Person> {
      personOr404(personId);
      const hash = pin === null ? null : await hashSecret(pin);
      store.setPin(personId, hash, now());
      return toPerson(personOr404(personId));
    },
    roles: (): Role[] => store.roles().map(roleView),
    createRole(name: string, permissions: readonly Permission[]): Role {
      return deps.transaction(() => {
        if (store.roleIdByName(name) !== undefined) throw teamRefusal('roleNameTaken', `A role named ${name} exists.`, { name });
        const id = store.insertRole(name, now());
        store.replacePermissions(id, [...new Set(permissions)]);
        return roleView(roleOr404(id));
      });
    },
    updateRole(roleId: number, changes: { name?: string | undefined; permissions?: readonly Permission[] | undefined }): Role {
      return deps.transaction(() => {
        const role = roleOr404(roleId);
        if (role.builtin_key) throw teamRefusal('builtInRole', 'Built-in roles cannot be changed; make a custom role instead.');
        if (changes.name !== undefined) {
          const holder = store.roleIdByName(changes.name);
          if (holder !== undefined && holder !== roleId) throw teamRefusal('roleNameTaken', `A role named ${changes.name} exists.`, { name: changes.name });
          store.renameRole(roleId, changes.name, now());
        }
        if (changes.permissions) store.replacePermissions(roleId, [...new Set(changes.permissions)]);
        return roleView(roleOr404(roleId));
      });
    },
    removeRole(roleId: number): boolean {
      return deps.transaction(() => {
        const role = roleOr404(roleId);
        if (role.builtin_key) throw teamRefusal('builtInRole', 'Built-in roles cannot be removed.');
        if (role.people > 0) throw teamRefusal('roleInUse', `${role.people} people have this role; give them another role first.`, { people: role.people });
        return store.deleteRole(roleId);
      });
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;

/** The first person's name in the shop's language (migration 0019 creates them as "Owner"). */
export const founderNames = { en: 'Owner', 'zh-CN': '店主' } as const;

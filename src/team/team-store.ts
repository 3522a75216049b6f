// SQL for people, roles and the team settings (migration 0019).
import type { Db } from '../db/open.js';
import type { BuiltInRole } from './permission-names.js';

export interface PersonRow {
  id: number;
  name: string;
  login: string;
  role_id: number;
  role_name: string;
  role_builtin: BuiltInRole | null;
  password_hash: string | null;
  pin_hash: string | null;
  active: number;
  last_sign_in_at: string | null;
}

export interface RoleRow {
  id: number;
  builtin_key: BuiltInRole | null;
  name: string;
  people: number;
}

export interface TeamSettingsRow {
  sign_in_required: number;
  idle_lock_minutes: number;
}

const personColumns = `p.id, p.name, p.login, p.role_id, r.name AS role_name, r.builtin_key AS role_builtin,
  p.password_hash, p.pin_hash, p.active, p.last_sign_in_at`;

export function createTeamStore(db: Db) {
  const people = db.prepare<[], PersonRow>(`SELECT ${personColumns} FROM people p JOIN roles r ON r.id = p.role_id ORDER BY p.id`);
  const personById = db.prepare<[number], PersonRow>(`SELECT ${personColumns} FROM people p JOIN roles r ON r.id = p.role_id WHERE p.id = ?`);
  const personByLogin = db.prepare<[string], PersonRow>(
    `SELECT ${personColumns} FROM people p JOIN roles r ON r.id = p.role_id WHERE p.login_key = ?`,
  );
  const firstOwner = db.prepare<[], PersonRow>(
    `SELECT ${personColumns} FROM people p JOIN roles r ON r.id = p.role_id
     WHERE r.builtin_key = 'owner' AND p.active = 1 ORDER BY p.id LIMIT 1`,
  );
  const activeOwners = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM people p JOIN roles r ON r.id = p.role_id WHERE r.builtin_key = 'owner' AND p.active = 1`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO people (name, login, login_key, role_id, password_hash, pin_hash, active, created_at, updated_at)
     VALUES (@name, @login, @loginKey, @roleId, @passwordHash, @pinHash, 1, @at, @at)`,
  );
  const updatePerson = db.prepare(
    `UPDATE people SET name = @name, login = @login, login_key = @loginKey, role_id = @roleId, active = @active, updated_at = @at
     WHERE id = @id`,
  );
  const setPassword = db.prepare('UPDATE people SET password_hash = ?, updated_at = ? WHERE id = ?');
  const setPin = db.prepare('UPDATE people SET pin_hash = ?, updated_at = ? WHERE id = ?');
  const signedIn = db.prepare('UPDATE people SET last_sign_in_at = ? WHERE id = ?');

  const roles = db.prepare<[], RoleRow>(
    `SELECT r.id, r.builtin_key, r.name, (SELECT COUNT(*) FROM people p WHERE p.role_id = r.id) AS people
     FROM roles r ORDER BY r.id`,
  );
  const roleById = db.prepare<[number], RoleRow>(
    `SELECT r.id, r.builtin_key, r.name, (SELECT COUNT(*) FROM people p WHERE p.role_id = r.id) AS people FROM roles r WHERE r.id = ?`,
  );
  const roleByName = db.prepare<[string], { id: number }>('SELECT id FROM roles WHERE LOWER(name) = LOWER(?)');
  const rolePermissions = db.prepare<[number], { permission: string }>('SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission');
  const insertRole = db.prepare('INSERT INTO roles (builtin_key, name, created_at, updated_at) VALUES (NULL, ?, ?, ?)');
  const renameRole = db.prepare('UPDATE roles SET name = ?, updated_at = ? WHERE id = ?');
  const clearPermissions = db.prepare('DELETE FROM role_permissions WHERE role_id = ?');
  const addPermission = db.prepare('INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)');
  const deleteRole = db.prepare('DELETE FROM roles WHERE id = ? AND builtin_key IS NULL');

  const settings = db.prepare<[], TeamSettingsRow>('SELECT sign_in_required, idle_lock_minutes FROM team_settings WHERE id = 1');
  const updateSettings = db.prepare('UPDATE team_settings SET sign_in_required = ?, idle_lock_minutes = ?, updated_at = ? WHERE id = 1');
  const renameFounder = db.prepare("UPDATE people SET name = ?, updated_at = ? WHERE id = 1 AND name = 'Owner'");
  const changeSetActor = db.prepare<[number], { actor: string }>('SELECT actor FROM change_sets WHERE id = ?');

  return {
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    people: () => people.all(),
    person: (id: number) => personById.get(id),
    personByLogin: (login: string) => personByLogin.get(login.toLowerCase()),
    firstOwner: () => firstOwner.get(),
    activeOwnerCount: () => activeOwners.get()?.n ?? 0,
    insertPerson: (person: { name: string; login: string; roleId: number; passwordHash: string | null; pinHash: string | null; at: string }) =>
      Number(insertPerson.run({ ...person, loginKey: person.login.toLowerCase() }).lastInsertRowid),
    updatePerson: (person: { id: number; name: string; login: string; roleId: number; active: boolean; at: string }) =>
      updatePerson.run({ ...person, loginKey: person.login.toLowerCase(), active: person.active ? 1 : 0 }),
    setPassword: (id: number, hash: string | null, at: string) => setPassword.run(hash, at, id),
    setPin: (id: number, hash: string | null, at: string) => setPin.run(hash, at, id),
    signedIn: (id: number, at: string) => signedIn.run(at, id),
    roles: () => roles.all(),
    role: (id: number) => roleById.get(id),
    roleIdByName: (name: string) => roleByName.get(name)?.id,
    rolePermissions: (id: number) => rolePermissions.all(id).map((row) => row.permission),
    insertRole: (name: string, at: string) => Number(insertRole.run(name, at, at).lastInsertRowid),
    renameRole: (id: number, name: string, at: string) => renameRole.run(name, at, id),
    replacePermissions: (id: number, permissions: readonly string[]) => {
      clearPermissions.run(id);
      for (const permission of permissions) addPermission.run(id, permission);
    },
    deleteRole: (id: number) => deleteRole.run(id).changes > 0,
    settings: () => settings.get() ?? { sign_in_required: 0, idle_lock_minutes: 15 },
    updateSettings: (signInRequired: boolean, idleLockMinutes: number, at: string) => updateSettings.run(signInRequired ? 1 : 0, idleLockMinutes, at),
    changeSetActor: (id: number) => changeSetActor.get(id)?.actor,
    /** Names the shop's first person in the shop's language, unless someone renamed them already. */
    nameFounder: (name: string, at: string) => renameFounder.run(name, at),
  };
}
export type TeamStore = ReturnType<typeof createTeamStore>;

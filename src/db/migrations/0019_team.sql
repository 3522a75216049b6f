-- The shop's people and what they may do (issue 17). Built-in roles carry a key
-- and take their permissions from the code (src/team/permission-names.ts), so a
-- new permission reaches Owner and Manager with the app update; custom roles
-- list theirs in role_permissions. Passwords and PINs are stored only as scrypt
-- hashes ('scrypt$N$r$p$salt$hash', src/team/passwords.ts).
CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  builtin_key TEXT UNIQUE CHECK (builtin_key IN ('owner', 'manager', 'staff', 'viewer')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE role_permissions (
  role_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  login TEXT NOT NULL,
  login_key TEXT NOT NULL UNIQUE, -- lower-cased login: sign-in names are not case-sensitive
  role_id INTEGER NOT NULL REFERENCES roles (id),
  password_hash TEXT,
  pin_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_sign_in_at TEXT
);

-- One row: whether the shop asks who is there, and after how long idle a session locks.
CREATE TABLE team_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sign_in_required INTEGER NOT NULL DEFAULT 0 CHECK (sign_in_required IN (0, 1)),
  idle_lock_minutes INTEGER NOT NULL DEFAULT 15 CHECK (idle_lock_minutes BETWEEN 0 AND 1440),
  updated_at TEXT NOT NULL
);

INSERT INTO roles (id, builtin_key, name, created_at, updated_at) VALUES
  (1, 'owner', 'Owner', '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  (2, 'manager', 'Manager', '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  (3, 'staff', 'Staff', '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'),
  (4, 'viewer', 'Viewer', '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z');

-- Every shop has had one person, the owner, who made every change so far ("owner" in
-- change sets and the ledger): that person keeps the sign-in name the history already uses.
INSERT INTO people (id, name, login, login_key, role_id, created_at, updated_at)
  VALUES (1, 'Owner', 'owner', 'owner', 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z');

INSERT INTO team_settings (id, sign_in_required, idle_lock_minutes, updated_at) VALUES (1, 0, 15, '2026-12-07T00:00:00.000Z');

// Numbered SQL migrations: applied in order, each recorded; all pending ones run
// in a single transaction (one savepoint each), so a failure leaves the
// database exactly as it was. The file is backed up before any pending
// migration runs (into the backups folder, verified, like every backup:
// src/backup/migration-backup.ts), and a database made by a newer Shopdesk is refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Db } from './open.js';
import { backupBeforeMigration } from '../backup/migration-backup.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
  backupPath: string | null;
}

const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Where the SQL files live: next to this module in source, copied beside the bundle in builds. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: fileNamePattern.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration numbering has a gap or duplicate at ${migration.version}_${migration.name}`);
    }
  });
  return migrations;
}

function ensureLedgerTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
}

export function currentVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
    | { version: number | null }
    | undefined;
  return row?.version ?? 0;
}

function backupFile(db: Db, dbPath: string, from: number, clock: Clock): string | null {
  if (from === 0 || dbPath === ':memory:' || !existsSync(dbPath)) return null;
  return backupBeforeMigration(db, dbPath, clock);
}

export interface MigrateOptions {
  /** Back the file up before pending migrations (default true; off for a restore's staged copy, itself a backup). */
  backupFirst?: boolean;
}

export function migrate(db: Db, dbPath: string, migrations: Migration[], clock: Clock, options: MigrateOptions = {}): MigrationReport {
  ensureLedgerTable(db);
  const from = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `This shop database was made by a newer Shopdesk (schema ${from}, this version knows ${latest}). Update Shopdesk to open it.`,
      { key: 'dbTooNew', params: { found: from, known: latest } },
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], backupPath: null };

  const backupPath = options.backupFirst === false ? null : backupFile(db, dbPath, from, clock);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyOne = db.transaction((migration: Migration) => {
    db.exec(migration.sql);
    record.run(migration.version, migration.name, clock.now().toISOString());
  });
  const applyAll = db.transaction(() => {
    for (const migration of pending) {
      try {
        applyOne(migration);
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new AppError(
          'MIGRATION_FAILED',
          `Database upgrade ${migration.version}_${migration.name} failed (${reason}); the database was left unchanged.`,
          { key: 'migrationFailed', params: { migration: `${migration.version}_${migration.name}`, reason } },
        );
      }
    }
  });
  applyAll();
  return { from, to: latest, applied: pending.map((m) => m.version), backupPath };
}

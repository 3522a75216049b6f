import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { currentVersion, defaultMigrationsDir, loadMigrations, migrate, type Migration } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { AppError } from '../../src/shared/app-error.js';
import { fixedClock } from '../../src/shared/clock.js';
import { removeTempDirs, tempDir } from './temp-shop.js';

const clock = fixedClock('2026-11-20T10:00:00.000Z');
const shipped = loadMigrations(defaultMigrationsDir());

function extra(version: number, name: string, sql: string): Migration {
  return { version, name, sql };
}

function tableNames(path: string): string[] {
  const db = openDatabase(path);
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  db.close();
  return names;
}

function withShopRow(path: string): void {
  const db = openDatabase(path);
  migrate(db, path, shipped, clock);
  db.prepare(
    "INSERT INTO shop_settings (id, name, currency, time_zone, locale, created_at, updated_at) VALUES (1, 'Kept', 'USD', 'UTC', 'en', 'x', 'x')",
  ).run();
  db.close();
}

afterEach(removeTempDirs);

describe('migrations', () => {
  it('applies every shipped migration to a new file and records each one', () => {
    const path = join(tempDir(), 'new.db');
    const db = openDatabase(path);
    const report = migrate(db, path, shipped, clock);
    expect(report.from).toBe(0);
    expect(report.to).toBe(shipped.length);
    expect(report.backupPath).toBeNull();
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(shipped.map((m) => ({ version: m.version, name: m.name })));
    // Running again changes nothing.
    expect(migrate(db, path, shipped, clock).applied).toEqual([]);
    db.close();
  });

  it('leaves the database exactly as it was when a pending migration fails', () => {
    const path = join(tempDir(), 'fail.db');
    withShopRow(path);
    const before = tableNames(path);
    const next = shipped.length + 1;
    const broken = [
      ...shipped,
      extra(next, 'adds_table', 'CREATE TABLE gift_cards (id INTEGER PRIMARY KEY);'),
      extra(next + 1, 'broken', "ALTER TABLE shop_settings ADD COLUMN motto TEXT; UPDATE shop_settings SET name = 'Changed'; SELECT * FROM no_such_table;"),
    ];
    const db = openDatabase(path);
    let caught: unknown;
    try {
      migrate(db, path, broken, clock);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('MIGRATION_FAILED');
    expect((caught as AppError).message).toContain('broken');
    expect(currentVersion(db)).toBe(shipped.length);
    expect(db.prepare('SELECT name FROM shop_settings').pluck().get()).toBe('Kept');
    const columns = db.prepare('PRAGMA table_info(shop_settings)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('motto');
    db.close();
    expect(tableNames(path)).toEqual(before);
  });

  it('backs the file up before running pending migrations', () => {
    const path = join(tempDir(), 'backup.db');
    withShopRow(path);
    const db = openDatabase(path);
    const report = migrate(db, path, [...shipped, extra(shipped.length + 1, 'adds_table', 'CREATE TABLE gift_cards (id INTEGER PRIMARY KEY);')], clock);
    db.close();
    expect(report.backupPath).not.toBeNull();
    const backupPath = report.backupPath ?? '';
    expect(existsSync(backupPath)).toBe(true);
    // The backup is the database as it was: old version, same data, without the new table.
    const backup = openDatabase(backupPath, { readonly: true });
    expect(currentVersion(backup)).toBe(shipped.length);
    expect(backup.prepare('SELECT name FROM shop_settings').pluck().get()).toBe('Kept');
    backup.close();
    expect(tableNames(backupPath)).not.toContain('gift_cards');
    expect(tableNames(path)).toContain('gift_cards');
  });

  it('refuses a database made by a newer Shopdesk, without touching it', () => {
    const dir = tempDir();
    const path = join(dir, 'newer.db');
    withShopRow(path);
    const db = openDatabase(path);
    migrate(db, path, [...shipped, extra(shipped.length + 1, 'future', 'CREATE TABLE future_things (id INTEGER);')], clock);
    db.close();

    let caught: unknown;
    try {
      createCore({ dbPath: path, clock });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_TOO_NEW');
    expect((caught as AppError).details.params).toEqual({ found: shipped.length + 1, known: shipped.length });
    expect(tableNames(path)).toContain('future_things');
  });

  it('refuses migration files with a gap in their numbering', () => {
    const dir = join(tempDir(), 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (id INTEGER);');
    writeFileSync(join(dir, '0003_third.sql'), 'CREATE TABLE c (id INTEGER);');
    expect(() => loadMigrations(dir)).toThrow(/gap/);
  });
});

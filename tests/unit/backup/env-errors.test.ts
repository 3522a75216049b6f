import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { markHealthy, shopHealth } from '../../../src/backup/shop-health.js';
import { AppError } from '../../../src/shared/app-error.js';
import { environmentError } from '../../../src/shared/env-errors.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopdesk-env-'));
  markHealthy(new Date());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('named environment errors', () => {
  it('a full disk (SQLITE_FULL for real, through max_page_count) is diskFull, and the transaction left nothing behind', () => {
    const db = new Database(join(dir, 'full.db'));
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    db.prepare('INSERT INTO t (body) VALUES (?)').run('before');
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 2}`);
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const error = thrown(() => db.transaction(() => {
      for (let i = 0; i < 1000; i += 1) insert.run('x'.repeat(2000));
    })());
    expect((error as { code: string }).code).toBe('SQLITE_FULL');
    const named = environmentError(error);
    expect(named).toBeInstanceOf(AppError);
    expect(named?.toShape()).toMatchObject({ code: 'ENVIRONMENT', details: { key: 'diskFull', params: { code: 'SQLITE_FULL' } } });
    expect(named?.message).toMatch(/disk is full.*nothing was changed/i);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.close();
  });

  it('a read-only file is readOnly', () => {
    const path = join(dir, 'ro.db');
    new Database(path).exec('CREATE TABLE t (x)');
    const db = new Database(path, { readonly: true });
    const error = thrown(() => db.prepare('INSERT INTO t VALUES (1)').run());
    expect((error as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(environmentError(error)?.details.key).toBe('readOnly');
    db.close();
  });

  it('a file that is no database is fileDamaged (DAMAGED) and marks the shop damaged', () => {
    const path = join(dir, 'garbage.db');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const db = new Database(path);
    const error = thrown(() => db.prepare('SELECT * FROM sqlite_schema').all());
    expect((error as { code: string }).code).toBe('SQLITE_NOTADB');
    expect(environmentError(error)?.toShape()).toMatchObject({ code: 'DAMAGED', details: { key: 'fileDamaged' } });
    expect(shopHealth().state).toBe('damaged');
    db.close();
  });

  it("another program's lock is fileLocked only when no write of our own is running", () => {
    const path = join(dir, 'locked.db');
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x)');
    holder.exec('BEGIN EXCLUSIVE');
    const other = new Database(path, { timeout: 0 });
    const error = thrown(() => other.prepare('INSERT INTO t VALUES (1)').run());
    expect((error as { code: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(environmentError(error)).toBeNull(); // unknown: the router's own "busy" answers
    expect(environmentError(error, { busyIsOurs: true })).toBeNull();
    expect(environmentError(error, { busyIsOurs: false })?.details.key).toBe('fileLocked');
    holder.exec('ROLLBACK');
    other.close();
    holder.close();
  });

  it('names Node fs errors and lets everything else through', () => {
    const fsError = (code: string) => Object.assign(new Error(`${code}: x`), { code });
    expect(environmentError(fsError('ENOSPC'))?.details.key).toBe('diskFull');
    expect(environmentError(fsError('EROFS'))?.details.key).toBe('readOnly');
    expect(environmentError(fsError('EACCES'))?.details.key).toBe('readOnly');
    expect(environmentError(fsError('EPERM'))?.details.key).toBe('readOnly');
    expect(environmentError(fsError('EBUSY'), { busyIsOurs: false })?.details.key).toBe('fileLocked');
    expect(environmentError(fsError('EIO'))?.details.key).toBe('ioError');
    expect(environmentError(fsError('SQLITE_IOERR_SHORT_READ'))?.details.key).toBe('ioError');
    expect(environmentError(fsError('SQLITE_CANTOPEN'))?.details.key).toBe('ioError');
    expect(environmentError(fsError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(environmentError(new Error('plain'))).toBeNull();
    expect(environmentError(new AppError('CONFLICT', 'x', { key: 'busy' }))).toBeNull();
    expect(shopHealth().state).toBe('ok');
  });
});

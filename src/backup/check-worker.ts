// Runs a whole-file check (PRAGMA integrity_check / quick_check) on its own
// connection in a worker thread: on the large demo shop integrity_check takes
// ~20 s and quick_check ~3.5 s, which on the main thread would freeze every
// other call. The worker loads the same better-sqlite3 (and, in Electron, the
// same native binding) the core uses. If a worker cannot be started the check
// runs on the calling thread — slower for the others, never skipped.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

export type CheckPragma = 'integrity_check' | 'quick_check';

export interface CheckResult {
  ok: boolean;
  /** 'ok', or the first lines SQLite reported. */
  detail: string;
}

let nativeBinding: string | undefined;

/** The binding the shop was opened with (src/shop/database.ts tells it), for the worker's connection. */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function nativeBindingInUse(): string | undefined {
  return nativeBinding;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  const rows = db.pragma(workerData.pragma + '(20)');
  parentPort.postMessage({ rows: rows.map((row) => String(Object.values(row)[0])) });
} catch (error) {
  parentPort.postMessage({ error: { code: String(error && error.code), message: String(error && error.message) } });
} finally {
  if (db) db.close();
}
`;

function resultOf(lines: readonly string[]): CheckResult {
  const ok = lines.length === 1 && lines[0] === 'ok';
  return { ok, detail: ok ? 'ok' : lines.slice(0, 20).join('\n') };
}

/** The check on a connection already open (its errors are the caller's to judge). */
export function checkOpenDatabase(db: Database.Database, pragma: CheckPragma): CheckResult {
  const rows = db.pragma(`${pragma}(20)`) as Record<string, unknown>[];
  return resultOf(rows.map((row) => String(Object.values(row)[0])));
}

/** The check on the calling thread; an error SQLite raises while reading (SQLITE_CORRUPT, NOTADB) is a failed check. */
export function checkFileNow(path: string, pragma: CheckPragma): CheckResult {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    return checkOpenDatabase(db, pragma);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

interface WorkerAnswer {
  rows?: string[];
  error?: { code: string; message: string };
}

/**
 * Starts `source` (CommonJS, evaluated) in a worker thread with `data` plus the better-sqlite3 module
 * path and native binding the core uses (`workerData.modulePath`, `workerData.nativeBinding`);
 * null when no worker can be started here (the caller then works on its own thread).
 */
export function launchSqliteWorker(source: string, data: Record<string, unknown>): Worker | null {
  try {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    return new Worker(source, { eval: true, workerData: { ...data, modulePath, nativeBinding } });
  } catch {
    return null;
  }
}

/** The check in a worker thread; falls back to the calling thread when no worker can run. */
export function checkFile(path: string, pragma: CheckPragma): Promise<CheckResult> {
  const worker = launchSqliteWorker(workerSource, { path, pragma });
  if (!worker) return Promise.resolve(checkFileNow(path, pragma));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: CheckResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.rows) settle(resultOf(answer.rows));
      else settle({ ok: false, detail: answer.error?.message ?? 'the check did not answer' });
    });
    // The worker itself failed (no native module for its ABI …): check here instead.
    worker.once('error', () => settle(checkFileNow(path, pragma)));
    worker.once('exit', () => settle(checkFileNow(path, pragma)));
  });
}

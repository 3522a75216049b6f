// Copies the live shop in a worker thread, from a snapshot: the worker opens
// its own read-only connection, starts a read transaction (in WAL mode that
// pins the shop as it is at that moment; later commits by the app go on and
// are not in the copy) and copies that snapshot with the backup API in one
// step, then switches the copy out of WAL so it is one self-contained file.
// The app learns when the snapshot is pinned long before the copy is done: a
// bulk edit or an import waits only for that, not for the 900 MB copy of a
// large shop (nor its check). Where no worker can run, the copy is made on
// the app's own connection in steps (copyLiveShop), and "pinned" is "copied".
import type { Db } from '../db/open.js';
import { launchSqliteWorker } from './check-worker.js';
import { copyLiveShop } from './shop-copy-store.js';

export interface SnapshotCopy {
  /** Resolves once the copy is certain to hold the shop as it is now; rejects if it never got there. */
  pinned: Promise<void>;
  /** Resolves when the copy is written whole and closed; rejects with the SQLite/fs error (its `code` kept). */
  copied: Promise<void>;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const options = { nativeBinding: workerData.nativeBinding };
(async () => {
  let source;
  let copy;
  try {
    source = new Database(workerData.source, { ...options, readonly: true, fileMustExist: true });
    source.exec('BEGIN');
    source.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    parentPort.postMessage({ stage: 'pinned' });
    await source.backup(workerData.target, { progress: () => 0x7fffffff });
    source.exec('COMMIT');
    source.close();
    source = undefined;
    copy = new Database(workerData.target, { ...options, fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    copy = undefined;
    parentPort.postMessage({ stage: 'copied' });
  } catch (error) {
    parentPort.postMessage({ stage: 'failed', code: String(error && error.code), message: String(error && error.message) });
  } finally {
    if (source) source.close();
    if (copy) copy.close();
  }
})();
`;

interface WorkerMessage {
  stage: 'pinned' | 'copied' | 'failed';
  code?: string;
  message?: string;
}

function failure(message: WorkerMessage): Error {
  return Object.assign(new Error(message.message ?? 'the copy did not finish'), { code: message.code });
}

function onAppConnection(db: Db, target: string): SnapshotCopy {
  const copied = copyLiveShop(db, target);
  return { pinned: copied, copied };
}

/** Copies the shop `db` has open into `target` (which must not exist) from a snapshot, in a worker. */
export function snapshotCopy(db: Db, target: string): SnapshotCopy {
  const worker = launchSqliteWorker(workerSource, { source: db.name, target });
  if (!worker) return onAppConnection(db, target);
  let pin!: { resolve: () => void; reject: (error: Error) => void };
  let copy!: { resolve: () => void; reject: (error: Error) => void };
  const pinned = new Promise<void>((resolve, reject) => (pin = { resolve, reject }));
  const copied = new Promise<void>((resolve, reject) => (copy = { resolve, reject }));
  // Whoever waits only for the copy still hears why the pin failed, and vice versa: no unhandled rejections.
  pinned.catch(() => undefined);
  copied.catch(() => undefined);
  let fellBack = false;
  const fallBack = (): void => {
    // The worker could not run at all (no native module for its ABI …): copy on the app's connection.
    if (fellBack) return;
    fellBack = true;
    const here = onAppConnection(db, target);
    here.copied.then(() => {
      pin.resolve();
      copy.resolve();
    }, (error: Error) => {
      pin.reject(error);
      copy.reject(error);
    });
  };
  let stage: WorkerMessage['stage'] | 'starting' = 'starting';
  worker.on('message', (message: WorkerMessage) => {
    stage = message.stage;
    if (message.stage === 'pinned') pin.resolve();
    else if (message.stage === 'copied') copy.resolve();
    else {
      const error = failure(message);
      pin.reject(error);
      copy.reject(error);
    }
  });
  worker.once('error', () => {
    if (stage === 'starting') fallBack();
  });
  worker.once('exit', () => {
    if (stage === 'starting') fallBack();
    else if (stage === 'pinned') copy.reject(failure({ stage: 'failed', message: 'the copy stopped before it was finished' }));
  });
  return { pinned, copied };
}

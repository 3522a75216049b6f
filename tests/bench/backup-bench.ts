// Backups of the large demo shop (issue 17): Backup now while the Products grid
// keeps being read, the whole-shop export, the hourly health check, and the
// opening of the shop with its quick_check. Figures only, printed.
//   npx tsx tests/bench/backup-bench.ts <copy-of-large.db>   (the copy and its backups folder are used up)
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MethodOutput } from '../../src/contract.js';
import { checkFile } from '../../src/backup/check-worker.js';
import { snapshotCopy } from '../../src/backup/copy-worker.js';
import { createCore, type Core } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { ms, printTable } from './measure.js';

export interface BackupFigures {
  /** The first opening: upgrade with its verified backup, when the shop is older than this Shopdesk (else the same as openMs). */
  firstOpenMs: number;
  /** createCore: the file opened, its check started in a worker. */
  openMs: number;
  /** …until that check has answered (what a write in the first seconds waits for). */
  openCheckedMs: number;
  backupMs: number;
  backupBytes: number;
  shopBytes: number;
  readsDuring: number;
  readMedianMs: number;
  readMaxMs: number;
  readAloneMs: number;
  exportMs: number;
  healthCheckMs: number;
  /** The parts of a backup, alone (no reads running): the snapshot pinned (what an import or bulk edit waits for), the copy in its worker, and integrity_check on it in a worker. */
  pinMs: number;
  copyAloneMs: number;
  integrityCheckMs: number;
}

async function value<M extends 'backups.create' | 'products.list' | 'backups.exportShop' | 'health.check' | 'health.status'>(core: Core, method: M, input: object): Promise<MethodOutput<M>> {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as MethodOutput<M>;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** Products grid pages, one after another, until `until` resolves; answers each call's time. */
async function readWhile(core: Core, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const times: number[] = [];
  for (let page = 0; !done; page += 1) {
    const start = performance.now();
    await value(core, 'products.list', { offset: (page % 50) * 100, limit: 100, sort: [{ column: 'title', direction: 'asc' }] });
    times.push(performance.now() - start);
    // A person's next page comes after the answer is drawn: let timers and the backup's steps run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times;
}

export async function benchBackup(dbPath: string): Promise<BackupFigures> {
  const firstStart = performance.now();
  await createCore({ dbPath, appVersion: 'bench', background: false }).close();
  const firstOpenMs = performance.now() - firstStart;
  const openStart = performance.now();
  const core = createCore({ dbPath, appVersion: 'bench', background: false });
  const openMs = performance.now() - openStart;
  await value(core, 'health.status', {});
  const openCheckedMs = performance.now() - openStart;
  try {
    const alone = await readWhile(core, new Promise((resolve) => setTimeout(resolve, 2000)));
    const backupStart = performance.now();
    const backup = value(core, 'backups.create', {}).then((entry) => ({ entry, ms: performance.now() - backupStart }));
    const reads = await readWhile(core, backup);
    const made = await backup;
    const exportStart = performance.now();
    await value(core, 'backups.exportShop', { path: join(dbPath, '..', `export-${Date.now()}.shopdesk.db`) });
    const exportMs = performance.now() - exportStart;
    const checkStart = performance.now();
    await value(core, 'health.check', {});
    const healthCheckMs = performance.now() - checkStart;
    const during = sorted(reads);
    await core.close();
    const parts = await backupParts(dbPath);
    return {
      ...parts,
      firstOpenMs,
      openMs,
      openCheckedMs,
      backupMs: made.ms,
      backupBytes: made.entry.sizeBytes,
      shopBytes: statSync(dbPath).size,
      readsDuring: reads.length,
      readMedianMs: during[Math.floor(during.length / 2)] ?? 0,
      readMaxMs: during.at(-1) ?? 0,
      readAloneMs: sorted(alone)[Math.floor(alone.length / 2)] ?? 0,
      exportMs,
      healthCheckMs,
    };
  } finally {
    await core.close();
  }
}

async function backupParts(dbPath: string): Promise<{ pinMs: number; copyAloneMs: number; integrityCheckMs: number }> {
  const db = openDatabase(dbPath);
  const copy = join(dbPath, '..', `parts-${Date.now()}.db`);
  try {
    const copyStart = performance.now();
    const snapshot = snapshotCopy(db, copy);
    await snapshot.pinned;
    const pinMs = performance.now() - copyStart;
    await snapshot.copied;
    const copyAloneMs = performance.now() - copyStart;
    const checkStart = performance.now();
    const checked = await checkFile(copy, 'integrity_check');
    if (!checked.ok) throw new Error(`the copy failed its check: ${checked.detail}`);
    return { pinMs, copyAloneMs, integrityCheckMs: performance.now() - checkStart };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
  }
}

export function printBackupFigures(figures: BackupFigures): void {
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
  printTable('Backups (large demo shop)', ['figure', 'value'], [
    ['first open (cold; an older file is upgraded here, after its verified backup)', ms(figures.firstOpenMs)],
    ['open (quick_check started in a worker)', ms(figures.openMs)],
    ['open until quick_check has answered', ms(figures.openCheckedMs)],
    ['Backup now: copy + integrity_check + fsync', `${ms(figures.backupMs)} (${mb(figures.backupBytes)} of a ${mb(figures.shopBytes)} file)`],
    ['Products grid page during the backup: median / max', `${ms(figures.readMedianMs)} / ${ms(figures.readMaxMs)} (${figures.readsDuring} pages)`],
    ['Products grid page alone: median', ms(figures.readAloneMs)],
    ['Export whole shop to a path', ms(figures.exportMs)],
    ['health.check (quick_check in a worker)', ms(figures.healthCheckMs)],
    ['  parts, alone: snapshot pinned (what an import or bulk edit waits for)', ms(figures.pinMs)],
    ['  parts, alone: copy of the snapshot (backup API in a worker)', ms(figures.copyAloneMs)],
    ['  parts, alone: integrity_check of the copy (worker)', ms(figures.integrityCheckMs)],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx tests/bench/backup-bench.ts <copy-of-large.db>');
  printBackupFigures(await benchBackup(path));
}

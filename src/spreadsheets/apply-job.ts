// Applies an import as a job on its own connection, inside one transaction:
// the plan is made again inside it (the shop may have changed since the
// preview), then written in small units with progress and cancel between
// them. Killed, failed or cancelled before COMMIT, SQLite rolls it all back.
// While it runs, the app's main connection does not wait for the write lock
// (busy_timeout 0): other writes answer "busy" at once instead of freezing
// the event loop the import itself runs on.
import type { Db } from '../db/open.js';
import { createHistoryService } from '../history/service.js';
import type { JobContext } from '../jobs/runner.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { sameMarks, writeMarks, type SessionState } from './session.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { recordJobChanges } from '../audit/recorder.js';

const unitsPerSlice = 400;
const importWriterCacheKib = 8192;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ApplyDeps {
  mainDb: Db;
  openWriter(): Db;
  clock: Clock;
  actor: string;
}

export interface ApplyResult {
  changeSetId: number | null;
  written: number;
  skipped: number;
}

export async function applyImport(ctx: JobContext, state: SessionState, mode: 'all' | 'validOnly', deps: ApplyDeps): Promise<ApplyResult> {
  // Nothing written since the preview (checked right before taking the write lock,
  // with no await in between): its plan is still true and is reused.
  const previewStillTrue = sameMarks(state.plannedAt, writeMarks(deps.mainDb));
  const db = deps.openWriter();
  // This connection only writes the import and is closed after it: a small page cache (SQLite
  // spills dirty pages of the open transaction to the WAL) keeps a 100,000-row import's peak
  // memory down; the app's connections keep their 64 MiB (db/open.ts).
  db.pragma(`cache_size = -${importWriterCacheKib}`);
  deps.mainDb.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    ctx.progress(0, state.rows.length, 'jobs.phase.checking');
    const plan = previewStillTrue && state.plan ? state.plan : state.target.plan({
      db,
      clock: deps.clock,
      rows: state.rows,
      mapping: state.mapping,
      options: state.options,
      decimalComma: state.table.decimalMark === 'comma',
    });
    const errors = plan.rows.filter((row) => row.outcome === 'error');
    if (mode === 'all' && errors.length > 0) {
      throw new AppError('VALIDATION', `${errors.length} row(s) of ${state.fileName} have errors; nothing was imported. Fix them, or choose to apply the valid rows only.`, {
        key: 'importHasErrors',
        params: { count: errors.length, fileName: state.fileName },
        issues: errors.slice(0, 100).flatMap((row) => row.issues.slice(0, 1).map((issue) => ({ path: `rows.${row.row}.${issue.field ?? ''}`, key: issue.key, message: issue.message, params: issue.params }))),
      });
    }
    const toWrite = plan.rows.filter((row) => row.outcome === 'create' || row.outcome === 'update').length;
    const history = createHistoryService(db, deps.clock, shopUndoTargets);
    const changeSetId = history.begin('import', { key: 'import', params: { fileName: state.fileName, target: state.targetId } }, deps.actor);
    const writing = plan.write({ db, clock: deps.clock, history, changeSetId, actor: deps.actor, options: state.options });
    let units = 0;
    for (let step = writing.next(); !step.done; step = writing.next()) {
      units += 1;
      if (units % unitsPerSlice === 0) {
        ctx.progress(units, Math.max(units, toWrite), 'jobs.phase.writing');
        await yieldToEventLoop();
        ctx.throwIfCancelled();
      }
    }
    // The tray's last word is the writing phase done, not "checking" (small imports write in one slice).
    ctx.progress(units, Math.max(units, 1), 'jobs.phase.writing');
    ctx.throwIfCancelled();
    const hasItems = (db.prepare('SELECT EXISTS (SELECT 1 FROM change_set_items WHERE change_set_id = ?) AS any').get(changeSetId) as { any: number }).any === 1;
    if (!hasItems) history.discard(changeSetId);
    // The audit row commits with the import (its captured rows folded in), or neither does.
    recordJobChanges(db, deps.clock, { kind: 'importApplied', area: 'imports', origin: 'import', drainCaptures: true, subject: `import:${state.fileName}`, changeSetId: hasItems ? changeSetId : null, extra: { target: state.targetId, written: toWrite, mode } });
    db.exec('COMMIT');
    // Not written: rows with errors (valid-only apply) and rows skipped by design (unpaid orders, image-only rows).
    const skipped = errors.length + plan.rows.filter((row) => row.outcome === 'skip').length;
    return { changeSetId: hasItems ? changeSetId : null, written: toWrite, skipped };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    deps.mainDb.pragma('busy_timeout = 5000');
  }
}

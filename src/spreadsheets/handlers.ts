// The imports.* methods: sessions in memory per core (released when closed or
// idle: session-registry.ts), previews on the main connection, applies as jobs
// on a writer connection (see apply-job.ts).
import type { AreaContext } from '../area-context.js';
import type { Db } from '../db/open.js';
import type { JobRunner } from '../jobs/runner.js';
import type { AreaHandlers } from '../router.js';
import { AppError } from '../shared/app-error.js';
import { applyImport } from './apply-job.js';
import type { importsContract, ImportTargetId } from './contract.js';
import { buildErrorsFile } from './errors-file.js';
import { autoAssign, isHostileHeader, Mapping } from './mapping.js';
import { SessionRegistry } from './session-registry.js';
import { createSessionState, describeSession, preview, readSession, rememberMapping, type SessionState } from './session.js';
import { buildTemplate } from './template.js';
import { targetFor } from './targets/index.js';
import { shownRow, type ImportTarget, type TargetPlan } from './targets/target.js';
import { backupBeforeChange } from '../backup/backup-service.js';

export interface ImportDeps {
  jobs: JobRunner;
  /** A second connection to the shop file, for an apply's transaction. */
  openWriter(): Db;
}

function target(id: ImportTargetId): ImportTarget {
  const found = targetFor(id);
  if (!found) throw new AppError('VALIDATION', `Importing ${id} is not available in this version.`, { key: 'importTargetUnavailable', params: { target: id } });
  return found;
}

export function createImportHandlers(ctx: AreaContext, deps: ImportDeps): AreaHandlers<typeof importsContract> {
  const sessions = new SessionRegistry(ctx.clock);
  const session = (id: string): SessionState => sessions.get(id);
  const notApplying = (state: SessionState) => {
    if (state.applying) throw new AppError('CONFLICT', `${state.fileName} is being imported; wait for it to finish.`, { key: 'importRunning' });
  };

  return {
    'imports.open': (input) => {
      const state = createSessionState(ctx.db(), ctx.clock, {
        targetId: input.target,
        target: target(input.target),
        fileName: input.fileName,
        bytes: Buffer.from(input.contentBase64, 'base64'),
        encoding: input.encoding,
        sheet: input.sheet,
        options: { blankClears: false, ...input.options },
      });
      sessions.add(state);
      return describeSession(state);
    },
    'imports.update': (input) => {
      const state = session(input.sessionId);
      notApplying(state);
      if (input.encoding !== undefined || input.sheet !== undefined) {
        const read = readSession(state, input.encoding ?? state.table.encoding ?? undefined, input.sheet ?? state.table.sheet ?? undefined);
        const sameLayout = read.headers.length === state.headers.length && read.headers.every((h, i) => h === state.headers[i]);
        Object.assign(state, read);
        // Another sheet or encoding with other headers is mapped afresh by its own headers.
        if (!sameLayout) state.mapping = new Mapping(read.headers, autoAssign(read.headers, state.target), state.target.fields);
      }
      if (input.assignments !== undefined) {
        if (input.assignments.length !== state.headers.length) {
          throw new AppError('VALIDATION', `The mapping has ${input.assignments.length} columns; the file has ${state.headers.length}.`, {
            key: 'mappingColumns',
            issues: [{ path: 'assignments', key: 'mappingColumns', message: 'one entry per column' }],
          });
        }
        const known = new Set(state.target.fields.map((field) => field.key));
        input.assignments.forEach((field, column) => {
          if (field !== null && isHostileHeader(state.headers[column] ?? '')) {
            throw new AppError('VALIDATION', `Column ${column + 1} ("${state.headers[column] ?? ''}") cannot be imported: its header is not allowed as a column name.`, {
              key: 'hostileHeaderMapped',
              params: { column: column + 1 },
              issues: [{ path: `assignments.${column}`, key: 'hostileHeader', message: 'this column cannot be mapped' }],
            });
          }
          if (field !== null && !known.has(field)) {
            throw new AppError('VALIDATION', `Column ${column + 1}: "${field}" is not a field of this import.`, {
              key: 'unknownField',
              params: { field, column: column + 1 },
              issues: [{ path: `assignments.${column}`, key: 'unknownField', message: `unknown field ${field}` }],
            });
          }
        });
        state.mapping = new Mapping(state.headers, input.assignments, state.target.fields);
        state.mappingSource = 'manual';
        rememberMapping(state, ctx.db(), ctx.clock);
      }
      if (input.options !== undefined) state.options = input.options;
      state.applied = null;
      preview(state, ctx.db(), ctx.clock);
      return describeSession(state);
    },
    'imports.get': ({ sessionId }) => describeSession(session(sessionId)),
    'imports.rows': ({ sessionId, outcome, offset, limit }) => {
      const plan = session(sessionId).plan;
      const rows = plan?.rows ?? [];
      const matching = outcome === undefined ? rows : rows.filter((row) => row.outcome === outcome);
      // Only the page's rows get their changes built (targets that keep them compact: target.ts).
      const page = matching.slice(offset, offset + limit);
      return { rows: plan ? page.map((row) => shownRow(plan, row)) : page, total: matching.length };
    },
    'imports.errorsFile': ({ sessionId, format }) => buildErrorsFile(session(sessionId), format, 'Errors'),
    'imports.apply': ({ sessionId, mode }) => {
      const state = session(sessionId);
      notApplying(state);
      const missing = state.target.needs.find((option) => state.options[option] === undefined);
      if (missing) {
        throw new AppError('VALIDATION', `Choose ${missing} before importing.`, {
          key: 'importOptionNeeded',
          params: { option: missing },
          issues: [{ path: `options.${missing}`, key: 'required', message: `${missing} is required` }],
        });
      }
      state.applying = true;
      const mainDb = ctx.db();
      const job = deps.jobs.start('imports.apply', 'jobs.kind.importApply', async (jobCtx) => {
        try {
          // The shop as it is now is held by a verified copy (written and checked while the import goes on).
          await backupBeforeChange(mainDb, 'beforeImport', ctx.clock);
          const result = await applyImport(jobCtx, state, mode, { mainDb, openWriter: deps.openWriter, clock: ctx.clock, actor: ctx.actor() });
          state.applied = result;
          // The preview stays as it was applied (what each row did); the plan is spent, and what
          // it held to write the rows (values, the catalog it was planned against) is let go of.
          state.plannedAt = null;
          if (state.plan) state.plan = spent(state.plan);
          if (state.mappingSource !== 'remembered') rememberMapping(state, mainDb, ctx.clock);
          ctx.emit({ name: 'data.changed', payload: { areas: ['catalog', 'stock', 'purchasing', 'history', 'customers', 'orders'] } });
        } finally {
          state.applying = false;
          sessions.applyEnded(state.id);
        }
      });
      return { jobId: job.id };
    },
    'imports.close': ({ sessionId }) => ({ closed: sessions.close(sessionId) }),
    'imports.template': ({ target: id, format, language }) => buildTemplate(target(id), format, language),
  };
}

/** A plan that was applied: its rows (what each did) without the data held to write them. */
function spent(plan: TargetPlan): TargetPlan {
  return { rows: plan.rows, notices: plan.notices, ...(plan.changesOf ? { changesOf: plan.changesOf } : {}), write: nothingToWrite };
}

function* nothingToWrite(): Generator<void, void, void> {
  yield* [];
}

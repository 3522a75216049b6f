// Writes the audit log. Three ways in:
// - the router's recorder: `before()` takes a mark before a call runs, `after()` folds
//   what the call changed (capture rows, change sets, ledger movements made since the
//   mark) into ONE row naming who called, from where, what, and the input (secrets removed);
// - `recordJobChanges()` for jobs that write on their own (an import's transaction on its
//   second connection, a sync pull), called inside their transaction;
// - `appendAudit()` for events that are no contract call (sign-ins, refused attempts, backups).
// Every row is chained (chain.ts) inside a write transaction, so two writers never fork the chain.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import type { Clock } from '../shared/clock.js';
import { currentCaller, systemCaller, type Caller, type Origin } from '../team/call-context.js';
import { foldCapture, isEmptyCapture, type FoldedCapture } from './capture.js';
import { isMethodName } from '../contract.js';
import { methodPermissions } from '../team/method-permissions.js';
import { areaOfMethod } from './kinds-contract.js';
import { redactSecrets } from './redact.js';
import { createAuditStore, type AuditStore } from './store.js';

/** Where the audit stood before a call: the newest capture row, change set and ledger movement. */
export interface AuditMark {
  capture: number;
  changeSet: number;
  movement: number;
}

export interface CallOutcome {
  method: string;
  /** The validated input as the handler got it. */
  input: unknown;
  ok: boolean;
  /** The handler's answer (only its id is read, to name what was created). */
  output?: unknown;
  /** The error's code and key when the call failed (FORBIDDEN attempts are recorded). */
  errorCode?: string;
  errorKey?: string;
}

export interface AuditEntry {
  kind: string;
  area: string;
  subject?: string | null;
  summary?: string | null;
  input?: unknown;
  before?: unknown;
  after?: unknown;
  extra?: Record<string, unknown>;
  changeSetId?: number | null;
  /** Who; default the running call's caller (currentCaller()), else the shop itself. */
  caller?: Caller | null;
  /** Overrides the caller's origin (an import job started from the desktop is origin 'import'). */
  origin?: Origin;
}

/** Whether a call of this method is recorded even when it changed nothing (who tried what). */
export function isMutatingMethod(method: string): boolean {
  return isMethodName(method) && methodPermissions[method].writes;
}

function callerOf(entry: AuditEntry): Caller {
  const caller = entry.caller === undefined ? currentCaller() : entry.caller;
  return caller ?? systemCaller('cli');
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Runs `work` in the open transaction, or in an immediate one (the chain's head is read and written under the write lock). */
function inWriteTransaction<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : db.transaction(work).immediate();
}

function write(store: AuditStore, clock: Clock, entry: AuditEntry): number {
  const caller = callerOf(entry);
  return store.append({
    at: clock.now().toISOString(),
    personId: caller.personId,
    personName: caller.name,
    origin: entry.origin ?? caller.origin,
    area: entry.area,
    kind: entry.kind,
    subject: entry.subject ?? null,
    summary: entry.summary ?? null,
    inputJson: json(entry.input === undefined ? undefined : redactSecrets(entry.input)),
    beforeJson: json(entry.before),
    afterJson: json(entry.after),
    extraJson: entry.extra && Object.keys(entry.extra).length > 0 ? JSON.stringify(entry.extra) : null,
    changeSetId: entry.changeSetId ?? null,
  });
}

/** One store per connection: its statements are prepared once, not per event. */
const storeOf = perDatabase(createAuditStore);

/** Appends one event row (sign-in, refused attempt, backup, restore, scheduled run…); returns its id. */
export function appendAudit(db: Db, clock: Clock, entry: AuditEntry): number {
  const store = storeOf(db);
  return inWriteTransaction(db, () => write(store, clock, entry));
}

/**
 * The rows `db` has written for the audit itself since it opened (log rows, capture rows folded
 * away): a staleness check built on total_changes() subtracts them, so recording who did what
 * (an automatic backup, the call that starts an import) does not count as a change to the shop.
 */
export function auditChangesOn(db: Db): number {
  return storeOf(db).ownChanges();
}

const idKey = /^(?:id|[a-z]+Id|code|kpi|number)$/;

/** What a call was about, for the list: the first id-like field of its input, else the id it created, else the one row it changed. */
export function subjectOf(area: string, input: unknown, output: unknown, folded: FoldedCapture | null): string | null {
  if (input !== null && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      if (idKey.test(key) && (typeof value === 'number' || typeof value === 'string')) {
        return `${key === 'id' ? area : key.replace(/Id$/, '')}:${value}`;
      }
    }
  }
  if (output !== null && typeof output === 'object' && 'id' in output && typeof output.id === 'number') return `${area}:${output.id}`;
  const keys = folded ? Object.keys(folded.after) : [];
  return keys.length === 1 ? (keys[0] ?? null) : null;
}

function summaryOf(kind: string, folded: FoldedCapture | null, changeSets: readonly number[], movements: number): string {
  const parts: string[] = [];
  const rows = folded ? Object.values(folded.tables).reduce((sum, n) => sum + n, 0) : 0;
  if (rows > 0) parts.push(`${rows} row(s) changed`);
  if (changeSets.length > 0) parts.push(`change set ${changeSets.join(', ')}`);
  if (movements > 0) parts.push(`${movements} stock movement(s)`);
  return parts.length > 0 ? `${kind}: ${parts.join('; ')}` : kind;
}

/**
 * Folds the changes made since `mark` into one audit row (in the caller's write transaction).
 * Returns the row's id, or null when nothing changed and the kind is not a change a person
 * asked for (`alwaysRecord` false). `upTo`: the last capture row that is this call's.
 */
function recordWith(
  store: AuditStore,
  clock: Clock,
  entry: AuditEntry & { mark?: AuditMark; alwaysRecord: boolean; output?: unknown },
  upTo: number | null,
): number | null {
  const mark = entry.mark ?? { capture: 0, changeSet: -1, movement: -1 };
  const folded = foldCapture(store.captured(mark.capture, upTo));
  store.dropCaptured(mark.capture, upTo);
  const changeSets = mark.changeSet < 0 ? [] : store.changeSetsAfter(mark.changeSet);
  const movements = mark.movement < 0 ? { n: 0, first: null, last: null } : store.movementsAfter(mark.movement);
  const changed = !isEmptyCapture(folded) || changeSets.length > 0 || movements.n > 0 || entry.changeSetId != null;
  if (!changed && !entry.alwaysRecord) return null;
  const extra: Record<string, unknown> = { ...entry.extra };
  if (Object.keys(folded.tables).length > 0) extra['tables'] = folded.tables;
  if (folded.omitted > 0) extra['omittedRows'] = folded.omitted;
  if (changeSets.length > 1) extra['changeSets'] = changeSets;
  if (movements.n > 0) extra['movements'] = { count: movements.n, firstId: movements.first, lastId: movements.last };
  const hasRows = Object.keys(folded.after).length > 0;
  return write(store, clock, {
    ...entry,
    subject: entry.subject ?? subjectOf(entry.area, entry.input, entry.output, folded),
    summary: entry.summary ?? summaryOf(entry.kind, folded, changeSets, movements.n),
    before: hasRows ? folded.before : undefined,
    after: hasRows ? folded.after : undefined,
    extra,
    changeSetId: entry.changeSetId ?? changeSets[0] ?? null,
  });
}

/**
 * A job's own changes (an import applied on its second connection, a sync pull), recorded
 * inside its transaction before COMMIT: the capture rows it wrote are folded into its row.
 * `drainCaptures: false` for jobs that write on the app's main connection between calls
 * (a sync pull), where capture rows may belong to a call still running.
 */
export function recordJobChanges(db: Db, clock: Clock, entry: AuditEntry & { drainCaptures: boolean }): number | null {
  const store = storeOf(db);
  return inWriteTransaction(db, () =>
    entry.drainCaptures
      ? recordWith(store, clock, { ...entry, alwaysRecord: true }, null)
      : write(store, clock, entry),
  );
}

/** Rows waiting for the write lock, at most (each is logged when it fails). */
const maxPending = 1000;

interface Pending {
  mark: AuditMark;
  upTo: number;
  outcome: CallOutcome;
  caller: Caller | null;
}

export interface AuditRecorder {
  /** Call right before a contract method's handler runs. */
  before(): AuditMark;
  /**
   * Call right after the handler returned or threw (always, once per before()). Records the call
   * when it changed something, when its method changes the shop, or when it was refused as FORBIDDEN.
   * Never throws: a row that cannot be written now (the write lock held by an import) is kept and
   * written with the next call.
   */
  after(mark: AuditMark, outcome: CallOutcome): void;
}

/**
 * The router's recorder on the app's main connection. Calls on it run one at a time in their
 * synchronous part; a call whose handler awaits (a job start, an export) may overlap another:
 * the rows captured in between are folded into the call that ends first. `logError` hears of
 * rows that could not be written.
 */
export function createAuditRecorder(db: Db, clock: Clock, logError: (error: unknown) => void = () => undefined): AuditRecorder {
  const store = storeOf(db);
  let inFlight = 0;
  const pending: Pending[] = [];

  const recordCall = (item: Pending, now: AuditMark = store.marks()): void => {
    const { outcome } = item;
    const refused = !outcome.ok && outcome.errorCode === 'FORBIDDEN';
    const always = refused || (outcome.ok && isMutatingMethod(outcome.method));
    // A read that wrote nothing (most calls) costs one statement of three index lookups and no write lock.
    const wroteNothing = item.upTo <= item.mark.capture && now.changeSet <= item.mark.changeSet && now.movement <= item.mark.movement;
    if (!always && wroteNothing) return;
    db.transaction(() => {
      recordWith(
        store,
        clock,
        {
          kind: refused ? 'forbidden' : outcome.method,
          area: areaOfMethod(outcome.method),
          input: outcome.input,
          output: outcome.ok ? outcome.output : undefined,
          mark: item.mark,
          alwaysRecord: always,
          caller: item.caller,
          ...(refused ? { subject: outcome.method, extra: { method: outcome.method, errorKey: outcome.errorKey ?? null } } : {}),
        },
        item.upTo,
      );
    }).immediate();
  };

  const flushPending = (): void => {
    while (pending.length > 0) {
      const next = pending[0];
      if (!next) break;
      recordCall(next);
      pending.shift();
    }
  };

  /** Capture rows left when no call is running were written outside any call (a demo being built, a script). */
  const sweepOutside = (mark: number): void => {
    if (mark === 0) return;
    db.transaction(() => {
      recordWith(store, clock, { kind: 'outsideChanges', area: 'shop', caller: systemCaller('cli'), alwaysRecord: false }, mark);
    }).immediate();
  };

  return {
    before() {
      let mark = store.marks();
      if (inFlight === 0 && db.open && (pending.length > 0 || mark.capture > 0)) {
        try {
          flushPending();
          sweepOutside(store.captureMark());
        } catch (error) {
          logError(error);
        }
        mark = store.marks();
      }
      inFlight += 1;
      return mark;
    },
    after(mark, outcome) {
      inFlight = Math.max(0, inFlight - 1);
      // The connection may be gone (a restore or a demo swapped the shop file in): nothing to keep then.
      if (!db.open) return;
      let item: Pending | null = null;
      try {
        const now = store.marks();
        item = { mark, upTo: now.capture, outcome, caller: currentCaller() };
        if (pending.length > 0) {
          flushPending();
          recordCall(item);
        } else {
          recordCall(item, now);
        }
      } catch (error) {
        // Kept for the next call; a bound, so a lasting failure cannot grow memory without end.
        if (item && pending.length < maxPending) pending.push(item);
        logError(error);
      }
    },
  };
}

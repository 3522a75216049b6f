// What the core plugs into the router and the team area so every change and every
// sign-in is recorded: the router's `around` hook (a mark before the handler, one
// audit row after it) and the event sinks for sign-ins and refused calls.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import type { AdmittedCall } from '../router.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { systemCaller, type Caller } from '../team/call-context.js';
import type { GuardEvents } from '../team/guard.js';
import type { SignInEvents } from '../team/team-runtime.js';
import { appendAudit, createAuditRecorder } from './recorder.js';

/**
 * The router's `around` option: records each admitted call after its handler ran, on the
 * connection the shop has now (`db()`, which changes when a demo shop is swapped in).
 */
export function createAuditAround(db: () => Db, clock: Clock, logError: (error: unknown) => void) {
  const recorderOf = perDatabase((connection: Db) => createAuditRecorder(connection, clock, logError));
  return async (call: AdmittedCall, run: () => Promise<unknown>): Promise<unknown> => {
    const recorder = recorderOf(db());
    const mark = recorder.before();
    try {
      const output = await run();
      recorder.after(mark, { method: call.method, input: call.input, ok: true, output });
      return output;
    } catch (error) {
      const shape = error instanceof AppError ? error.toShape() : null;
      recorder.after(mark, {
        method: call.method,
        input: call.input,
        ok: false,
        ...(shape ? { errorCode: shape.code, errorKey: shape.details.key } : {}),
      });
      throw error;
    }
  };
}

/** Never lets a failed audit write fail the sign-in or the refusal it records. */
function safely(logError: (error: unknown) => void, work: () => void): void {
  try {
    work();
  } catch (error) {
    logError(error);
  }
}

/** Sign-ins and refused sign-ins (team-runtime's events). */
export function createSignInAudit(db: () => Db, clock: Clock, logError: (error: unknown) => void): SignInEvents {
  return {
    signedIn(person, via, how) {
      const caller: Caller = { ...systemCaller(via?.origin ?? 'cli'), personId: person.id, login: person.login, name: person.name };
      safely(logError, () =>
        appendAudit(db(), clock, { kind: 'signIn', area: 'team', caller, subject: `person:${person.id}`, summary: `signed in (${how})`, extra: { how } }),
      );
    },
    refused(login, via, reason) {
      // Nobody is signed in: the row names the shop and the sign-in name that was tried.
      safely(logError, () =>
        appendAudit(db(), clock, {
          kind: 'signInRefused',
          area: 'team',
          caller: systemCaller(via?.origin ?? 'cli'),
          subject: `login:${login}`,
          summary: `sign-in refused (${reason})`,
          extra: { login, reason },
        }),
      );
    },
  };
}

/** Calls refused for want of a permission (the guard's events). */
export function createForbiddenAudit(db: () => Db, clock: Clock, logError: (error: unknown) => void): GuardEvents {
  return {
    forbidden(method, caller, permission) {
      safely(logError, () =>
        appendAudit(db(), clock, { kind: 'forbidden', area: 'team', caller, subject: method, summary: `${method} refused: needs ${permission}`, extra: { method, permission } }),
      );
    },
  };
}

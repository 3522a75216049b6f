// Who is calling, decided once per call: the signed-in person of the face's
// session, or — with sign-in off, or for in-process callers (tests, the CLI,
// benchmarks) — the shop's first owner. Holds the sessions and the limits on
// wrong passwords, and answers the sign-in methods.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Caller } from './call-context.js';
import type { SessionPerson, TeamStatus } from './contract.js';
import { verifyAgainstNothing, verifySecret, hashSecret } from './passwords.js';
import { toSessionPerson } from './people-service.js';
import { createAttemptLimiter, createSessions, type Session } from './sessions.js';
import { createTeamStore, type PersonRow, type TeamSettingsRow, type TeamStore } from './team-store.js';
import type { Via } from './via.js';

export type Resolution =
  | { kind: 'person'; caller: Caller; token?: string | undefined }
  | { kind: 'signInRequired' }
  | { kind: 'locked'; caller: Caller };

/** What the audit log hears about sign-ins (wired by the core). */
export interface SignInEvents {
  signedIn(person: PersonRow, via: Via | null, how: 'password' | 'pin' | 'unlock'): void;
  refused(login: string, via: Via | null, reason: 'wrongSecret' | 'rateLimited' | 'inactive'): void;
}

const storeOf = perDatabase(createTeamStore);
/** Origins a person works through: they must sign in when the shop requires it. */
const faceOrigins = new Set<Caller['origin']>(['desktop', 'serve']);

function wrongSignIn(): AppError {
  return new AppError('UNAUTHENTICATED', 'The sign-in name or password is wrong.', { key: 'signInWrong' });
}

function rateLimited(seconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many wrong tries. Wait ${seconds} seconds and try again.`, {
    key: 'signInRateLimited',
    params: { seconds },
  });
}

export function createTeamRuntime(deps: { db(): Db; clock: Clock; events?: SignInEvents | undefined }) {
  const sessions = createSessions();
  // Five free tries per sign-in name, then 30 s doubling to 15 min; PINs are short: three, then 60 s.
  const passwordLimiter = createAttemptLimiter({ free: 5, firstLockSeconds: 30, maxSeconds: 900 });
  const pinLimiter = createAttemptLimiter({ free: 3, firstLockSeconds: 60, maxSeconds: 900 });
  const store = (): TeamStore => storeOf(deps.db());
  const now = (): number => deps.clock.now().getTime();

  // Every call asks who is calling: people, roles and settings are read once and kept until a
  // team change (invalidate) or another shop file (the connection changes) — not per call.
  let cachedDb: Db | null = null;
  let cachedSettings: TeamSettingsRow | null = null;
  const cachedCallers = new Map<number, Omit<Caller, 'origin'> | null>();
  const fresh = (): void => {
    const db = deps.db();
    if (db === cachedDb) return;
    cachedDb = db;
    cachedSettings = null;
    cachedCallers.clear();
  };
  const settingsRow = (): TeamSettingsRow => {
    fresh();
    return (cachedSettings ??= store().settings());
  };
  const callerOf = (row: PersonRow, origin: Caller['origin']): Caller => {
    const person = toSessionPerson(store(), row);
    return { personId: row.id, login: row.login, name: row.name, permissions: new Set(person.permissions), origin };
  };
  /** The person's caller (without origin), or null when the person is gone or inactive. */
  const activeCaller = (personId: number): Omit<Caller, 'origin'> | null => {
    fresh();
    if (!cachedCallers.has(personId)) {
      const row = store().person(personId);
      cachedCallers.set(personId, row && row.active === 1 ? callerOf(row, 'cli') : null);
    }
    return cachedCallers.get(personId) ?? null;
  };
  let ownerId: number | null | undefined;
  const ownerCaller = (origin: Caller['origin']): Caller | null => {
    fresh();
    if (ownerId === undefined || cachedCallers.size === 0) ownerId = store().firstOwner()?.id ?? null;
    const owner = ownerId === null ? null : activeCaller(ownerId);
    return owner ? { ...owner, origin } : null;
  };
  const invalidate = (): void => {
    cachedSettings = null;
    cachedCallers.clear();
    ownerId = undefined;
  };
  const signInRequired = (): boolean => settingsRow().sign_in_required === 1;
  const idleMinutes = (): number => settingsRow().idle_lock_minutes;
  const sessionOf = (via: Via | null): Session | null => sessions.get(via?.session, now(), idleMinutes());

  const open = (row: PersonRow, via: Via | null, how: 'password' | 'pin' | 'unlock'): { person: SessionPerson } => {
    if (how !== 'unlock') {
      sessions.close(via?.session);
      const token = sessions.open(row.id, now());
      via?.setSession?.(token);
    }
    store().signedIn(row.id, deps.clock.now().toISOString());
    deps.events?.signedIn(row, via, how);
    return { person: toSessionPerson(store(), row) };
  };

  /** Checks a secret against a person with the limiter for `key`; refusals are audited. */
  const check = async (
    limiter: ReturnType<typeof createAttemptLimiter>,
    key: string,
    login: string,
    row: PersonRow | undefined,
    secret: string,
    hash: (row: PersonRow) => string | null,
    via: Via | null,
  ): Promise<PersonRow> => {
    const wait = limiter.waitSeconds(key, now());
    if (wait > 0) {
      deps.events?.refused(login, via, 'rateLimited');
      throw rateLimited(wait);
    }
    const stored = row ? hash(row) : null;
    const matches = stored ? await verifySecret(secret, stored) : await verifyAgainstNothing(secret);
    if (!row || !matches) {
      limiter.failed(key, now());
      deps.events?.refused(login, via, 'wrongSecret');
      throw wrongSignIn();
    }
    if (row.active !== 1) {
      deps.events?.refused(login, via, 'inactive');
      throw wrongSignIn();
    }
    limiter.succeeded(key);
    return row;
  };

  return {
    /** The caller of a call from `via` (null: an in-process caller, who acts as the owner). */
    resolve(via: Via | null): Resolution {
      const origin = via?.origin ?? 'cli';
      const session = sessionOf(via);
      // With sign-in off nothing locks: a session left from when it was on opens again by itself.
      if (session?.locked && !signInRequired()) session.locked = false;
      if (session) {
        const person = activeCaller(session.personId);
        if (person) {
          const caller = { ...person, origin };
          if (session.locked) return { kind: 'locked', caller };
          sessions.touch(session, now());
          return { kind: 'person', caller, token: via?.session };
        }
      }
      // The shop's own work (schedules, sync, a running import) and in-process callers need no session.
      if (via === null || !faceOrigins.has(origin) || !signInRequired()) {
        const owner = ownerCaller(origin);
        if (owner) return { kind: 'person', caller: owner };
      }
      return { kind: 'signInRequired' };
    },
    status(via: Via | null): TeamStatus {
      const settings = store().settings();
      const resolution = this.resolve(via);
      const row = resolution.kind === 'signInRequired' ? undefined : store().person(resolution.caller.personId);
      const required = settings.sign_in_required === 1;
      return {
        signInRequired: required,
        idleLockMinutes: settings.idle_lock_minutes,
        person: row ? toSessionPerson(store(), row) : null,
        locked: resolution.kind === 'locked',
        people: required
          ? store()
              .people()
              .filter((person) => person.active === 1 && person.password_hash !== null)
              .map((person) => ({ id: person.id, name: person.name, login: person.login, hasPin: person.pin_hash !== null }))
          : [],
      };
    },
    async signIn(login: string, password: string, via: Via | null) {
      const row = store().personByLogin(login.trim());
      const person = await check(passwordLimiter, `login:${login.trim().toLowerCase()}`, login, row, password, (r) => r.password_hash, via);
      return open(person, via, 'password');
    },
    async signInWithPin(personId: number, pin: string, via: Via | null) {
      const row = store().person(personId);
      const person = await check(pinLimiter, `pin:${personId}`, row?.login ?? String(personId), row, pin, (r) => r.pin_hash, via);
      return open(person, via, 'pin');
    },
    async unlock(secret: { password: string } | { pin: string }, via: Via | null) {
      const session = sessionOf(via);
      if (!session) throw new AppError('UNAUTHENTICATED', 'Nobody is signed in here: sign in.', { key: 'signInRequired' });
      const row = store().person(session.personId);
      const isPin = 'pin' in secret;
      const person = await check(
        isPin ? pinLimiter : passwordLimiter,
        isPin ? `pin:${session.personId}` : `login:${row?.login.toLowerCase() ?? ''}`,
        row?.login ?? '',
        row,
        isPin ? secret.pin : secret.password,
        (r) => (isPin ? r.pin_hash : r.password_hash),
        via,
      );
      session.locked = false;
      sessions.touch(session, now());
      return open(person, via, 'unlock');
    },
    lock(via: Via | null): boolean {
      const session = sessionOf(via);
      if (!session) return false;
      session.locked = true;
      return true;
    },
    signOut(via: Via | null): boolean {
      const closed = sessions.close(via?.session);
      via?.setSession?.(null);
      return closed;
    },
    async changeOwnPassword(personId: number, current: string, next: string, via: Via | null): Promise<boolean> {
      const row = store().person(personId);
      if (!row) throw wrongSignIn();
      // A person without a password yet (the owner of a one-person shop) sets one without the old.
      if (row.password_hash) await check(passwordLimiter, `login:${row.login.toLowerCase()}`, row.login, row, current, (r) => r.password_hash, via);
      store().setPassword(personId, await hashSecret(next), deps.clock.now().toISOString());
      sessions.closeFor(personId, via?.session);
      return true;
    },
    endSessionsOf: (personId: number) => sessions.closeFor(personId),
    /** People, roles or team settings changed: the next call reads them again. */
    invalidate,
    store,
  };
}
export type TeamRuntime = ReturnType<typeof createTeamRuntime>;


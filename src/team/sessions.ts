// Signed-in sessions, held in memory by the core: a restart signs everyone out,
// which is what a shop expects of a desktop app. A token is 32 random bytes the
// face keeps (serve mode: an HttpOnly cookie; Electron: per window in the main
// process); the core only ever compares them.
import { randomBytes } from 'node:crypto';

export interface Session {
  personId: number;
  createdAt: number;
  lastActiveAt: number;
  locked: boolean;
}

export function createSessions() {
  const sessions = new Map<string, Session>();
  return {
    open(personId: number, now: number): string {
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { personId, createdAt: now, lastActiveAt: now, locked: false });
      return token;
    },
    /** The session, locked first when it has been idle longer than the shop allows (0: never). */
    get(token: string | undefined, now: number, idleLockMinutes: number): Session | null {
      if (!token) return null;
      const session = sessions.get(token);
      if (!session) return null;
      if (idleLockMinutes > 0 && now - session.lastActiveAt > idleLockMinutes * 60_000) session.locked = true;
      return session;
    },
    touch(session: Session, now: number): void {
      session.lastActiveAt = now;
    },
    close(token: string | undefined): boolean {
      return token ? sessions.delete(token) : false;
    },
    /** Ends every session of a person (password changed, deactivated, role removed). */
    closeFor(personId: number, except?: string): void {
      for (const [token, session] of sessions) if (session.personId === personId && token !== except) sessions.delete(token);
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

/**
 * Slows guessing: after `free` failures for one key (a sign-in name, a person's PIN) each
 * further failure locks that key for a doubling time, up to `maxSeconds`; a success clears it.
 */
export function createAttemptLimiter(options: { free: number; firstLockSeconds: number; maxSeconds: number }) {
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  return {
    /** Seconds until the key may try again; 0 when it may try now. */
    waitSeconds(key: string, now: number): number {
      const entry = failures.get(key);
      return entry && entry.lockedUntil > now ? Math.ceil((entry.lockedUntil - now) / 1000) : 0;
    },
    failed(key: string, now: number): void {
      const entry = failures.get(key) ?? { count: 0, lockedUntil: 0 };
      entry.count += 1;
      if (entry.count >= options.free) {
        const seconds = Math.min(options.maxSeconds, options.firstLockSeconds * 2 ** (entry.count - options.free));
        entry.lockedUntil = now + seconds * 1000;
      }
      failures.set(key, entry);
    },
    succeeded(key: string): void {
      failures.delete(key);
    },
  };
}

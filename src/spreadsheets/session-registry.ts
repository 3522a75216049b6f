// The import sessions a core holds, and when they let go of their rows. Each
// may hold a 100,000-row file (its bytes, every row's cells and plan), so a
// session is released when the person closes it (leaves the Import page, picks
// another file or target), when it has been idle for 30 minutes by the core's
// clock, or when a fifth is opened — never while its apply is running: then it
// is released when the apply ends. A released session answers "this import
// was closed; open the file again" (importClosed).
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { SessionState } from './session.js';

export interface RegistryOptions {
  /** Idle time after which a session is released. */
  idleMs: number;
  /** Sessions kept at once; the least recently used (not applying) is released first. */
  maxSessions: number;
  /** How often the idle check runs while sessions are open (real time; idleness is judged by the clock). */
  sweepEveryMs: number;
}

export const defaultRegistryOptions: RegistryOptions = { idleMs: 30 * 60_000, maxSessions: 4, sweepEveryMs: 60_000 };

interface Entry {
  state: SessionState;
  lastUsedMs: number;
  /** Closed or expired while applying: released when the apply ends. */
  closing: boolean;
}

export function importClosed(): AppError {
  return new AppError('NOT_FOUND', 'This import was closed (it was left unused for a while, or another file was opened). Open the file again.', {
    key: 'importClosed',
  });
}

/** Lets go of everything a session holds, in case something still references the state. */
export function releaseSession(state: SessionState): void {
  state.rows = [];
  state.table.rows = [];
  state.bytes = Buffer.alloc(0);
  state.plan = null;
  state.plannedAt = null;
}

export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly options: RegistryOptions = defaultRegistryOptions,
  ) {}

  get size(): number {
    return [...this.entries.values()].filter((entry) => !entry.closing).length;
  }

  add(state: SessionState): void {
    this.sweep();
    this.entries.set(state.id, { state, lastUsedMs: this.nowMs(), closing: false });
    const open = [...this.entries.values()].filter((entry) => !entry.closing && !entry.state.applying && entry.state !== state);
    open.sort((a, b) => a.lastUsedMs - b.lastUsedMs);
    for (const entry of open.slice(0, Math.max(0, this.size - this.options.maxSessions))) this.close(entry.state.id);
    this.schedule();
  }

  /** The open session, marked as used now; importClosed when it was closed, expired or never existed. */
  get(id: string): SessionState {
    this.sweep();
    const entry = this.entries.get(id);
    if (!entry || entry.closing) throw importClosed();
    entry.lastUsedMs = this.nowMs();
    return entry.state;
  }

  /** Releases the session now, or when its apply ends. False when it was not open. */
  close(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.closing) return false;
    if (entry.state.applying) {
      entry.closing = true;
      return true;
    }
    this.entries.delete(id);
    releaseSession(entry.state);
    return true;
  }

  /** Called when an apply ends: a session closed meanwhile is released; an open one counts as just used. */
  applyEnded(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.closing) {
      this.entries.delete(id);
      releaseSession(entry.state);
    } else {
      entry.lastUsedMs = this.nowMs();
    }
  }

  /** Releases the sessions idle for longer than the limit (an applying one is never idle). */
  sweep(): void {
    const cutoff = this.nowMs() - this.options.idleMs;
    for (const [id, entry] of this.entries) {
      if (!entry.closing && !entry.state.applying && entry.lastUsedMs < cutoff) this.close(id);
    }
  }

  /** Stops the idle check (the core is closing); sessions are released. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const id of [...this.entries.keys()]) this.close(id);
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** A check runs now and then while sessions are open, so a walked-away person's file is let go of. */
  private schedule(): void {
    if (this.timer || this.entries.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweep();
      this.schedule();
    }, this.options.sweepEveryMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }
}

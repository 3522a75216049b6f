// How a call reached the core: which face, and the session that face holds for
// this window or browser. Faces pass it with every call; the sign-in methods
// hand a new session back through `setSession`, so the token stays with the
// face (an HttpOnly cookie, Electron's main process) and never in page script.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Origin } from './call-context.js';

export interface Via {
  origin: Origin;
  /** The session token the face holds, if any. */
  session?: string | undefined;
  /** Keeps (or, with null, forgets) the session token for this window / browser. */
  setSession?: ((token: string | null) => void) | undefined;
}

const storage = new AsyncLocalStorage<Via>();

export function runVia<T>(via: Via, work: () => T): T {
  return storage.run(via, work);
}

/** The face of the running call; in-process callers (tests, the CLI) have none. */
export function currentVia(): Via | null {
  return storage.getStore() ?? null;
}

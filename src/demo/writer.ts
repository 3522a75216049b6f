// Chunked bulk writing: big manual transactions (the demo file is new, so a
// crash just deletes it), with a pause between chunks so the event loop — the
// HTTP server and progress events of the app — keeps running, and a place to
// notice a cancel request.
import type { Db } from '../db/open.js';
import type { Rng } from './prng.js';
import type { Words } from './words.js';

export const CHUNK_ROWS = 20_000;

export function abortError(): Error {
  const error = new Error('Demo shop generation was cancelled');
  error.name = 'AbortError';
  return error;
}

export class ChunkWriter {
  rows = 0;
  private inTransaction = false;

  constructor(
    private readonly db: Db,
    private readonly signal: AbortSignal | undefined,
  ) {}

  begin(): void {
    if (this.inTransaction) return;
    this.db.exec('BEGIN');
    this.inTransaction = true;
  }

  /** Commits when the chunk is full; cheap to call after every row or order. */
  async maybeFlush(): Promise<void> {
    if (this.rows >= CHUNK_ROWS) await this.flush();
  }

  /** Commit, let other work run, check for cancel, and start the next chunk. */
  async flush(): Promise<void> {
    this.commit();
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.signal?.aborted) throw abortError();
    this.begin();
  }

  commit(): void {
    if (this.inTransaction) this.db.exec('COMMIT');
    this.inTransaction = false;
    this.rows = 0;
  }
}

/** What every generation step works with: the new file, the seeded randomness, the word lists. */
export interface StepContext {
  db: Db;
  rng: Rng;
  words: Words;
  writer: ChunkWriter;
  /** UTC ms of local midnight of day 0 of the two-year window. */
  windowStart: number;
  progress: (done: number, total: number) => void;
}

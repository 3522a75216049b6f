// One writer per shop file. SQLite would let the desktop app and a serve mode
// (or two serve modes) both write one file, and each then works on a shop the
// other is changing under it — one created a demo shop while the other created
// an empty one, and after a restart one person's work was gone. So the core
// holds `<shop file>.lock` while it runs: created exclusively, holding the pid,
// the face and the start time. A second core finds it, checks that the holder
// still runs (a lock left by a killed process is stale and taken over) and
// refuses with a message naming the holder.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { AppError } from '../shared/app-error.js';

export type ShopFace = 'desktop' | 'serve' | 'cli' | 'test';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  face: z.enum(['desktop', 'serve', 'cli', 'test']),
  host: z.string(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export interface ShopLock {
  readonly path: string;
  release(): void;
}

export function lockPath(dbPath: string): string {
  return `${dbPath}.lock`;
}

/** Whether a process with this pid runs here (EPERM: it runs, as another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A lock file too new to be judged unreadable: its taker may be writing it this very moment. */
const writeGraceMs = 5_000;

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A lock whose holder is gone: its process ended on this machine, or the file is unreadable (a crash mid-write). */
function isStale(path: string, holder: LockHolder | null): boolean {
  if (holder === null) return ageMs(path) > writeGraceMs;
  if (holder.host !== hostname()) return false; // another machine's process cannot be checked: respect it
  return holder.pid !== process.pid && !processRuns(holder.pid);
}

const faceNames: Record<ShopFace, string> = {
  desktop: 'the Shopdesk desktop app',
  serve: 'Shopdesk serve mode',
  cli: 'a Shopdesk command',
  test: 'a Shopdesk test',
};

export function shopLocked(dbPath: string, holder: LockHolder): AppError {
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  return new AppError(
    'CONFLICT',
    `This shop file is already open in ${faceNames[holder.face]} (${where}, since ${holder.startedAt}): ${dbPath}. ` +
      'Close it there first, or open another shop file; two programs writing one shop would lose work.',
    { key: 'shopLocked', params: { face: holder.face, pid: holder.pid, host: holder.host, since: holder.startedAt, path: dbPath } },
  );
}

/** Takes the shop file's lock or throws AppError CONFLICT `shopLocked` naming the holder. */
export function acquireShopLock(dbPath: string, face: ShopFace, now: () => Date = () => new Date()): ShopLock {
  const path = lockPath(dbPath);
  const me: LockHolder = { pid: process.pid, face, host: hostname(), startedAt: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (!isStale(path, holder)) {
        throw holder === null
          ? new AppError('CONFLICT', `Another Shopdesk is opening this shop file right now: ${dbPath}.`, { key: 'shopLockBusy', params: { path: dbPath } })
          : shopLocked(dbPath, holder);
      }
      rmSync(path, { force: true }); // stale: the next attempt creates it afresh (exclusively, so two takers cannot both win)
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        // Only our own lock: never remove one a later process took over.
        if (readHolder(path)?.pid === me.pid && readHolder(path)?.startedAt === me.startedAt) rmSync(path, { force: true });
      },
    };
  }
  throw new AppError('CONFLICT', `The lock file ${path} keeps changing; another Shopdesk is starting on this shop file.`, { key: 'shopLockBusy', params: { path } });
}

// "Sync until there is nothing left to do" for the kill -9 test: its child process and its
// reference run (no kill) both use this, so the two differ only by the kill. A pass is a pull
// (when the puller is given) then a push; rows backed off after a failure are waited for.
import type { Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Connector } from '../../../src/sync/connector.js';
import { createOutboxStore } from '../../../src/sync/outbox-store.js';
import { createPushWorker } from '../../../src/sync/push-worker.js';
import type { MakePuller } from './soak-run.js';

export interface LoopOptions {
  db: Db;
  connector: Connector;
  clock: Clock;
  channelId: number;
  secrets: readonly string[];
  rowsPerPass: number;
  makePuller: MakePuller | null;
  /** Wait between passes (the scheduler's interval, shortened). */
  pauseMs?: number;
  /** Give up (return drained: false) after this long. */
  timeoutMs: number;
  onPass?: (pass: number, applied: number) => void;
}

export interface LoopResult {
  drained: boolean;
  passes: number;
  applied: number;
  pulled: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function syncUntilDrained(options: LoopOptions): Promise<LoopResult> {
  const { db, channelId } = options;
  const worker = createPushWorker({
    db,
    clock: options.clock,
    connectorFor: () => options.connector,
    secretsOf: () => options.secrets,
    rowsPerPass: options.rowsPerPass,
    backoff: { baseMs: 100, maxMs: 400 },
  });
  const puller = options.makePuller?.({ db, clock: options.clock, connectorFor: () => options.connector, secretsOf: () => options.secrets }) ?? null;
  const outbox = createOutboxStore(db);
  const deadline = Date.now() + options.timeoutMs;
  const result: LoopResult = { drained: false, passes: 0, applied: 0, pulled: 0 };
  while (Date.now() < deadline) {
    const pulled = puller ? await puller.runOnce(channelId) : null;
    const pushed = await worker.runOnce(channelId);
    result.passes += 1;
    result.applied += pushed.applied;
    result.pulled += pulled ? pulled.created + pulled.updated : 0;
    options.onPass?.(result.passes, pushed.applied);
    const quiet = pulled === null || pulled.created + pulled.updated === 0;
    if (quiet && outbox.pendingCount(channelId) === 0) {
      result.drained = true;
      break;
    }
    // Only backed-off rows left: wait for them instead of spinning.
    if (pushed.applied === 0 && quiet) await sleep(50);
    if (options.pauseMs) await sleep(options.pauseMs);
  }
  return result;
}

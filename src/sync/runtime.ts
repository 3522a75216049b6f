// The sync area's long-lived parts, built once by the core: the engine (connectors per channel),
// the scheduler (one pass at a time per channel, on a timer and soon after local changes) and the
// lazily created credential sealer. The core starts it with the shop and stops it on close.
import type { Db } from '../db/open.js';
import type { CoreEvent } from '../events.js';
import type { Clock } from '../shared/clock.js';
import { channelStoreOf } from './channel-store.js';
import { builtInConnectorFactories, createConnectorRegistry, type ConnectorRegistry } from './connector-registry.js';
import type { SecretSealer } from './credential-vault.js';
import { createSyncEngine, parseSettings, type SyncEngine } from './engine.js';
import { createSyncStateStore } from './pull-state-store.js';
import { createSyncScheduler, type ScheduledChannel, type SyncScheduler } from './sync-scheduler.js';
import { runSyncPass } from './sync-run.js';
import { shopNotReady } from '../settings/service.js';
import { runAs, systemCaller } from '../team/call-context.js';

export interface SyncRuntimeOptions {
  /** The shop database, or null while there is no shop (first start, demo being built). */
  db(): Db | null;
  clock: Clock;
  emit(event: CoreEvent): void;
  logError(error: unknown): void;
  /** Built on first use (a shop without channels never creates a key file). */
  sealer(): SecretSealer;
  fetch: typeof globalThis.fetch;
  requestTimeoutMs: number;
  /** Run the scheduler's timer loop. */
  background: boolean;
  pollMs?: number;
  registry?: ConnectorRegistry;
}

export interface SyncRuntime {
  engine: SyncEngine;
  scheduler: SyncScheduler;
  sealer(): SecretSealer;
  /** The shop file was replaced: forget every cached connector. */
  shopReplaced(): void;
  stop(): Promise<void>;
}

/** Connected, unpaused channels and when each is next due (last pull + its interval). */
function scheduledChannels(db: Db): ScheduledChannel[] {
  const state = createSyncStateStore(db);
  return channelStoreOf(db)
    .connected()
    .map((row) => {
      const settings = parseSettings(row.settings);
      if (!settings || settings.paused) return { channelId: row.id, dueAtMs: null };
      const last = state.get(row.id)?.lastPullAt ?? null;
      return { channelId: row.id, dueAtMs: last === null ? 0 : Date.parse(last) + settings.pullIntervalSeconds * 1000 };
    });
}

export function createSyncRuntime(options: SyncRuntimeOptions): SyncRuntime {
  const ready = (): Db => {
    const db = options.db();
    if (!db) throw shopNotReady();
    return db;
  };
  const engine = createSyncEngine({
    db: ready,
    sealer: options.sealer,
    registry: options.registry ?? createConnectorRegistry(builtInConnectorFactories),
    fetch: options.fetch,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  const scheduler = createSyncScheduler({
    clock: options.clock,
    enabled: options.background,
    logError: options.logError,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    channels: () => {
      const db = options.db();
      return db ? scheduledChannels(db) : [];
    },
    dueOutbox: () => {
      const db = options.db();
      return db ? channelStoreOf(db).dueOutboxCounts(options.clock.now().toISOString()) : new Map<number, number>();
    },
    // A pass acts as the shop's sync, whoever pressed Sync now: the audit log says "sync".
    runPass: (channelId, what, control) => runAs(systemCaller('sync'), () => runSyncPass({ db: ready(), clock: options.clock, engine, emit: options.emit, requestTimeoutMs: options.requestTimeoutMs }, channelId, what, control)),
  });
  scheduler.start();
  return {
    engine,
    scheduler,
    sealer: options.sealer,
    shopReplaced: () => engine.clear(),
    stop: () => scheduler.stop(),
  };
}

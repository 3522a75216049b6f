// Channels as a merchant manages them: connect (test first, then save the channel, its sealed
// credentials and its remote locations in one transaction), test, edit, pause / resume,
// disconnect, map locations, per-product stock rules, and the status figures of the Channels
// page. A channel that cannot be reached is never saved; a changed connection or new credentials
// are tested before they replace the old ones. No answer ever carries a credential.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import type { CoreEvent } from '../events.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { firstFree } from '../shared/unique-code.js';
import { channelSettingsSchema, type ChannelSettings } from './channel-settings.js';
import { channelStoreOf, type ChannelRow } from './channel-store.js';
import type { ConnectionReport, Connector } from './connector.js';
import type { syncContract } from './contract.js';
import { channelKindSchema, type ChannelDetail, type ChannelSummary } from './contract-schemas.js';
import type { SecretSealer } from './credential-vault.js';
import { createCredentialsStore } from './credentials-store.js';
import { notConnectable, parseSettings, type SyncEngine } from './engine.js';
import { mapLocation, saveLocations } from './linker.js';
import { createOutboxStore } from './outbox-store.js';
import { createSyncStateStore } from './pull-state-store.js';
import { reason } from './reasons.js';
import { remoteFailure } from './remote-errors.js';

type Contract = typeof syncContract;
type Input<M extends keyof Contract> = z.output<Contract[M]['input']>;

export interface ChannelServiceDeps {
  db(): Db;
  clock: Clock;
  engine: SyncEngine;
  sealer(): SecretSealer;
  emit(event: CoreEvent): void;
  /** Whether a pass runs for the channel now. */
  isRunning(channelId: number): boolean;
  /** Aborts the channel's running pass and waits for it (before a disconnect). */
  cancelPass(channelId: number): Promise<void>;
  /** Look at the schedule again now (a channel was connected or resumed). */
  wake(): void;
}

const dayOf = (iso: string): string => iso.slice(0, 10);

/** Reaches the platform: what it says about itself, or an AppError with its reason key. */
async function reach(connector: Connector): Promise<ConnectionReport> {
  try {
    return await connector.testConnection();
  } catch (error) {
    throw remoteFailure(error);
  }
}

function codeFrom(name: string, taken: (code: string) => boolean): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'channel';
  return firstFree(base, taken);
}

export function createChannelService(deps: ChannelServiceDeps) {
  const nowIso = () => deps.clock.now().toISOString();
  const store = () => channelStoreOf(deps.db());
  const changed = (channelId: number) => deps.emit({ name: 'sync.status', payload: { channelId } });
  /** The credentials store; a key file others can read (or a damaged one) is refused with its reason. */
  const credentials = (db: Db) => {
    try {
      return createCredentialsStore(db, deps.sealer());
    } catch (error) {
      throw remoteFailure(error);
    }
  };

  function channelOf(channelId: number): ChannelRow {
    const row = store().get(channelId);
    if (!row) throw notFound('channel', channelId);
    return row;
  }

  /** A channel with a connection (connected, failing, or disconnected but still configured). */
  function configured(channelId: number): { row: ChannelRow; settings: ChannelSettings } {
    const row = channelOf(channelId);
    const settings = parseSettings(row.settings);
    if (!settings) throw notConnectable(channelId);
    return { row, settings };
  }

  function summaryOf(row: ChannelRow): ChannelSummary {
    const settings = parseSettings(row.settings);
    const kind = channelKindSchema.safeParse(row.platform);
    const state = createSyncStateStore(deps.db()).get(row.id);
    const counts = store().counts(row.id);
    const now = nowIso();
    const today = state !== null && state.day === dayOf(now);
    const scheduled = settings !== null && !settings.paused && (row.syncStatus === 'connected' || row.syncStatus === 'failing');
    const nextPullMs = scheduled ? (state?.lastPullAt ? Date.parse(state.lastPullAt) + settings.pullIntervalSeconds * 1000 : Date.parse(now)) : null;
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: settings !== null && kind.success ? kind.data : null,
      syncStatus: row.syncStatus,
      paused: settings?.paused ?? false,
      running: deps.isRunning(row.id),
      lastPullAt: state?.lastPullAt ?? null,
      lastPullOkAt: state?.lastPullOkAt ?? null,
      lastPushAt: state?.lastPushAt ?? null,
      lastPushOkAt: state?.lastPushOkAt ?? null,
      failingSince: state?.failingSince ?? null,
      lastError: state?.lastError ?? null,
      queueLength: counts.queueLength,
      pushedToday: today ? state.pushedToday : 0,
      pulledToday: today ? state.pulledToday : 0,
      throttleWaitMsToday: today ? state.throttleWaitMsToday : 0,
      links: counts.links,
      openReview: counts.openReview,
      failedItems: counts.failedItems,
      nextPullAt: nextPullMs === null ? null : new Date(nextPullMs).toISOString(),
    };
  }

  function detailOf(channelId: number): ChannelDetail {
    const row = channelOf(channelId);
    const settings = parseSettings(row.settings);
    if (!settings) throw notConnectable(channelId);
    return {
      ...summaryOf(row),
      connection: settings.connection,
      hasCredentials: store().credentialsUpdatedAt(channelId) !== undefined,
      buffer: settings.buffer,
      shareBasisPoints: settings.shareBasisPoints,
      cap: settings.cap,
      pullIntervalSeconds: settings.pullIntervalSeconds,
      ownership: settings.ownership,
      locations: store().locations(channelId),
    };
  }

  function saveSettings(channelId: number, settings: ChannelSettings): void {
    store().setSettings(channelId, JSON.stringify(channelSettingsSchema.parse(settings)), nowIso());
  }

  function refuseTakenName(name: string, exceptId = 0): void {
    if (store().nameTaken(name, exceptId)) {
      throw new AppError('CONFLICT', `A channel named "${name}" already exists; choose another name.`, { key: 'channelNameTaken', params: { name } });
    }
  }

  return {
    list: (): ChannelSummary[] => store().list().map(summaryOf),
    get: detailOf,

    async test(input: Input<'channels.test'>): Promise<ConnectionReport> {
      if ('channelId' in input) {
        configured(input.channelId);
        const report = await reach(deps.engine.connectorFor(input.channelId)).catch((error: unknown) => {
          const failure = remoteFailure(error);
          store().log({ channelId: input.channelId, at: nowIso(), direction: 'test', summary: reason('sync.log.testFailed', { reason: failure.details.key }), answerExcerpt: null });
          throw failure;
        });
        store().log({ channelId: input.channelId, at: nowIso(), direction: 'test', summary: reason('sync.log.tested', { shop: report.shopName, locations: report.locations, products: report.products }), answerExcerpt: null });
        return report;
      }
      return reach(deps.engine.build(input.kind, input.connection, input.credentials).connector);
    },

    async connect(input: Input<'channels.connect'>): Promise<ChannelDetail> {
      refuseTakenName(input.name);
      const built = deps.engine.build(input.kind, input.connection, input.credentials);
      const report = await reach(built.connector);
      const locations = await built.connector.listLocations().catch((error: unknown) => {
        throw remoteFailure(error);
      });
      const db = deps.db();
      const vault = credentials(db);
      const at = nowIso();
      const settings = channelSettingsSchema.parse({
        connection: built.connection,
        buffer: input.buffer,
        shareBasisPoints: input.shareBasisPoints,
        cap: input.cap,
        pullIntervalSeconds: input.pullIntervalSeconds,
        ownership: input.ownership,
      });
      const channelId = db.transaction(() => {
        refuseTakenName(input.name); // again inside the write: another call may have taken it meanwhile
        const channels = store();
        const id = channels.insert({ code: codeFrom(input.name, channels.codeTaken), name: input.name, platform: input.kind, settings: JSON.stringify(settings), at });
        vault.save(id, built.credentials, at);
        saveLocations(db, id, locations.filter((location) => location.active));
        channels.log({ channelId: id, at, direction: 'test', summary: reason('sync.log.connected', { shop: report.shopName, locations: report.locations, products: report.products }), answerExcerpt: null });
        return id;
      })();
      changed(channelId);
      deps.wake();
      return detailOf(channelId);
    },

    async update(input: Input<'channels.update'>): Promise<ChannelDetail> {
      const { row, settings } = configured(input.channelId);
      if (input.name !== undefined) refuseTakenName(input.name, row.id);
      const reconnect = input.connection !== undefined || input.credentials !== undefined;
      let fresh: ReturnType<SyncEngine['build']> | null = null;
      if (reconnect) {
        const factory = deps.engine.factoryFor(row.platform);
        let secrets: unknown = input.credentials;
        if (secrets === undefined) {
          try {
            secrets = credentials(deps.db()).load(row.id, factory.credentialsSchema);
          } catch (error) {
            throw remoteFailure(error);
          }
        }
        fresh = deps.engine.build(row.platform, input.connection ?? settings.connection, secrets);
        await reach(fresh.connector);
      }
      // A new address or new credentials (a reconnect after Disconnect): read the locations again.
      const locations = fresh
        ? await fresh.connector.listLocations().catch((error: unknown) => {
            throw remoteFailure(error);
          })
        : null;
      const at = nowIso();
      const next: ChannelSettings = {
        ...settings,
        connection: fresh ? fresh.connection : settings.connection,
        buffer: input.buffer ?? settings.buffer,
        shareBasisPoints: input.shareBasisPoints ?? settings.shareBasisPoints,
        cap: input.cap === undefined ? settings.cap : input.cap,
        pullIntervalSeconds: input.pullIntervalSeconds ?? settings.pullIntervalSeconds,
        ownership: input.ownership ?? settings.ownership,
      };
      const ruleChanged = next.buffer !== settings.buffer || next.shareBasisPoints !== settings.shareBasisPoints || next.cap !== settings.cap;
      const ownershipChanged = JSON.stringify(next.ownership) !== JSON.stringify(settings.ownership);
      const db = deps.db();
      const vault = fresh && input.credentials !== undefined ? credentials(db) : null;
      db.transaction(() => {
        if (input.name !== undefined) store().setName(row.id, input.name, at);
        saveSettings(row.id, next);
        if (fresh && vault) vault.save(row.id, fresh.credentials, at);
        if (locations) saveLocations(db, row.id, locations.filter((location) => location.active));
        // New credentials for a disconnected channel connect it again.
        if (fresh && input.credentials !== undefined && row.syncStatus === 'disconnected') store().setStatus(row.id, 'connected', at);
        const outbox = createOutboxStore(db);
        if (ruleChanged) outbox.enqueueChannel(row.id, 'stock', at);
        if (ownershipChanged) outbox.enqueueChannel(row.id, 'price', at);
      })();
      deps.engine.invalidate(row.id);
      changed(row.id);
      deps.wake();
      return detailOf(row.id);
    },

    pause(channelId: number): ChannelSummary {
      const { settings } = configured(channelId);
      saveSettings(channelId, { ...settings, paused: true });
      changed(channelId);
      return summaryOf(channelOf(channelId));
    },

    resume(channelId: number): ChannelSummary {
      const { row, settings } = configured(channelId);
      if (row.syncStatus === 'disconnected') throw notConnectable(channelId);
      saveSettings(channelId, { ...settings, paused: false });
      changed(channelId);
      deps.wake();
      return summaryOf(channelOf(channelId));
    },

    async disconnect(channelId: number): Promise<ChannelSummary> {
      configured(channelId);
      await deps.cancelPass(channelId);
      const db = deps.db();
      db.transaction(() => {
        store().forget(channelId);
        store().setStatus(channelId, 'disconnected', nowIso());
      })();
      deps.engine.invalidate(channelId);
      changed(channelId);
      return summaryOf(channelOf(channelId));
    },

    mapLocation(input: Input<'channels.mapLocation'>): ChannelDetail {
      configured(input.channelId);
      mapLocation(deps.db(), deps.clock, input.channelId, input.remoteLocationId, input.locationId);
      changed(input.channelId);
      return detailOf(input.channelId);
    },

    setVariantRule(input: Input<'channels.setVariantRule'>): { variantId: number } {
      configured(input.channelId);
      const db = deps.db();
      db.transaction(() => {
        if (!store().setVariantRule(input.channelId, input.variantId, input.buffer, input.shareBasisPoints)) {
          throw new AppError('NOT_FOUND', `Variant ${input.variantId} is not linked to this channel.`, { key: 'syncVariantNotLinked', params: { variantId: input.variantId } });
        }
        createOutboxStore(db).enqueue(input.channelId, input.variantId, 'stock', nowIso());
      })();
      return { variantId: input.variantId };
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;

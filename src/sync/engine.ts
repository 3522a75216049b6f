// Builds the Connector for a channel: the registry's factory for its platform, its connection
// settings (channels.settings.connection, checked by the factory's schema), its credentials
// (opened from the vault, checked by the factory's schema), the core's fetch and request timeout,
// and the shop currency's minor-unit digits. One connector per channel is kept while its
// connection and credentials stay the same (the connector's pacer remembers the platform's rate
// limit between passes); any change to either builds a new one.
//
// The sealer is created on first use: a shop that never connects a channel gets no key file.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { zodIssuesToFieldIssues } from '../router.js';
import { AppError, notFound } from '../shared/app-error.js';
import { currencyDigits } from '../purchasing/moving-average.js';
import { channelSettingsSchema, type ChannelSettings } from './channel-settings.js';
import { channelStoreOf } from './channel-store.js';
import type { Connector, ConnectorFactory } from './connector.js';
import type { ConnectorRegistry } from './connector-registry.js';
import type { SecretSealer } from './credential-vault.js';
import { createCredentialsStore } from './credentials-store.js';
import { remoteFailure } from './remote-errors.js';

export const defaultSyncRequestTimeoutMs = 30_000;

export interface SyncEngineOptions {
  db(): Db;
  sealer(): SecretSealer;
  registry: ConnectorRegistry;
  fetch: typeof globalThis.fetch;
  requestTimeoutMs: number;
}

/** What the sealed record holds: every connector's credentials are an object of strings. */
const stringRecord = z.record(z.string(), z.string());
const objectRecord = z.record(z.string(), z.unknown());

export interface Built {
  connector: Connector;
  /** The credentials' values, for redaction. */
  secrets: string[];
  /** The connection settings as the platform's schema parsed them (defaults filled in). */
  connection: Record<string, unknown>;
  credentials: Record<string, string>;
}

interface Cached {
  fingerprint: string;
  connector: Connector;
  secrets: string[];
}

/** Every string value of the credentials: what the sync log and error texts must never show. */
function secretValues(credentials: unknown): string[] {
  if (credentials === null || typeof credentials !== 'object') return [];
  return Object.values(credentials as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && value.length > 0);
}

export function notConnectable(channelId: number): AppError {
  return new AppError('CONFLICT', `Channel ${channelId} has no marketplace connection.`, { key: 'channelNotConnected', params: { channelId } });
}

export function parseSettings(text: string | null): ChannelSettings | null {
  if (text === null) return null;
  try {
    const parsed = channelSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createSyncEngine(options: SyncEngineOptions) {
  const cache = new Map<number, Cached>();

  function factoryFor(kind: string): ConnectorFactory {
    const factory = options.registry.get(kind);
    if (!factory) throw new AppError('VALIDATION', `No connector exists for "${kind}".`, { key: 'channelKindUnknown', params: { kind } });
    return factory;
  }

  /** A connector for settings and credentials not (yet) saved: Test connection and Connect. */
  function build(kind: string, connection: unknown, credentials: unknown): Built {
    const factory = factoryFor(kind);
    const settings = factory.settingsSchema.safeParse(connection);
    if (!settings.success) {
      // Connection settings hold no secret: their issues (httpsRequired, shopifyDomain …) can be named.
      const issues = zodIssuesToFieldIssues(settings.error.issues, connection).map((issue) => ({
        ...issue,
        path: issue.path === '' ? 'connection' : `connection.${issue.path}`,
        message: `connection.${issue.message}`,
      }));
      throw new AppError('VALIDATION', 'The connection settings are not valid.', { key: 'channelConnectionInvalid', params: { kind }, issues });
    }
    const secrets = factory.credentialsSchema.safeParse(credentials);
    // zod's issues may quote the secret: say only that the credentials are incomplete.
    if (!secrets.success) throw new AppError('VALIDATION', 'The credentials are incomplete.', { key: 'channelCredentialsInvalid', params: { kind } });
    const connector = factory.create({
      settings: settings.data,
      credentials: secrets.data,
      fetch: options.fetch,
      requestTimeoutMs: options.requestTimeoutMs,
      currencyDigits: currencyDigits(channelStoreOf(options.db()).shopCurrency()),
    });
    const plainCredentials = stringRecord.safeParse(secrets.data);
    const plainConnection = objectRecord.safeParse(settings.data);
    if (!plainCredentials.success || !plainConnection.success) throw new Error(`Connector ${kind}: settings and credentials must be JSON objects of strings`);
    return { connector, secrets: secretValues(secrets.data), connection: plainConnection.data, credentials: plainCredentials.data };
  }

  function load(channelId: number): Cached {
    const db = options.db();
    const store = channelStoreOf(db);
    const channel = store.get(channelId);
    if (!channel) throw notFound('channel', channelId);
    const settings = parseSettings(channel.settings);
    if (!settings || channel.syncStatus === 'disconnected' || channel.syncStatus === 'none') throw notConnectable(channelId);
    const factory = factoryFor(channel.platform);
    const updatedAt = store.credentialsUpdatedAt(channelId);
    if (updatedAt === undefined) throw new AppError('CONFLICT', `Channel ${channelId} has no credentials; enter them again.`, { key: 'channelNoCredentials', params: { channelId } });
    const fingerprint = `${channel.platform}|${JSON.stringify(settings.connection)}|${updatedAt}`;
    const cached = cache.get(channelId);
    if (cached && cached.fingerprint === fingerprint) return cached;
    let credentials: unknown;
    try {
      credentials = createCredentialsStore(db, options.sealer()).load(channelId, factory.credentialsSchema);
    } catch (error) {
      throw remoteFailure(error);
    }
    const built = build(channel.platform, settings.connection, credentials);
    const entry: Cached = { fingerprint, connector: built.connector, secrets: built.secrets };
    cache.set(channelId, entry);
    return entry;
  }

  return {
    /** The channel's connector (cached while its connection and credentials are unchanged). Throws AppError. */
    connectorFor(channelId: number): Connector {
      return load(channelId).connector;
    },
    /** The channel's secrets, for redaction; empty when they cannot be opened (nothing to mask then). */
    secretsOf(channelId: number): string[] {
      try {
        return load(channelId).secrets;
      } catch {
        return [];
      }
    },
    build,
    factoryFor,
    /** Forget a channel's connector (after its settings, credentials or connection status changed). */
    invalidate(channelId: number): void {
      cache.delete(channelId);
    },
    /** The shop file was replaced (demo): nothing cached belongs to it. */
    clear(): void {
      cache.clear();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

// Sealed channel credentials in channel_credentials. Only sealed text reaches the database; the
// JSON inside is validated with the connector's schema on the way out, and a failure names the
// channel, never the content.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { VaultError, type SecretSealer } from './credential-vault.js';

const contextFor = (channelId: number): string => `channel:${channelId}`;

export function createCredentialsStore(db: Db, sealer: SecretSealer) {
  const upsert = db.prepare<[number, string, string, string]>(
    `INSERT INTO channel_credentials (channel_id, scheme, sealed, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel_id) DO UPDATE SET scheme = excluded.scheme, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const read = db.prepare<[number], { scheme: string; sealed: string }>('SELECT scheme, sealed FROM channel_credentials WHERE channel_id = ?');
  const remove = db.prepare<[number]>('DELETE FROM channel_credentials WHERE channel_id = ?');

  return {
    save(channelId: number, credentials: Readonly<Record<string, string>>, at: string): void {
      upsert.run(channelId, sealer.scheme, sealer.seal(JSON.stringify(credentials), contextFor(channelId)), at);
    },
    /** The channel's credentials checked against `schema`, or null when none are stored. */
    load<T>(channelId: number, schema: z.ZodType<T>): T | null {
      const row = read.get(channelId);
      if (!row) return null;
      if (row.scheme !== sealer.scheme) {
        throw new VaultError('credentialsUnreadable', `Channel ${channelId}'s credentials were sealed by ${row.scheme}; enter them again.`);
      }
      const plain = sealer.open(row.sealed, contextFor(channelId));
      let value: unknown;
      try {
        value = JSON.parse(plain);
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      // zod's issues may quote the values themselves: report only that the shape is wrong.
      if (!parsed.success) throw new VaultError('credentialsUnreadable', `Channel ${channelId}'s stored credentials are incomplete; enter them again.`);
      return parsed.data;
    },
    has(channelId: number): boolean {
      return read.get(channelId) !== undefined;
    },
    remove(channelId: number): void {
      remove.run(channelId);
    },
  };
}

export type CredentialsStore = ReturnType<typeof createCredentialsStore>;

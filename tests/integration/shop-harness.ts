// A migrated shop behind a real core (router, validation, output checks), plus a
// side connection for seeding and for asserting what is in the database.
import { join } from 'node:path';
import type { Core } from '../../src/core.js';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract.js';
import { defaultMigrationsDir, loadMigrations } from '../../src/db/migrate.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { AppErrorShape, Envelope } from '../../src/shared/envelope.js';
import { openShopDatabase } from '../../src/shop/database.js';
import { failure, ok, tempDir, testCore, testNow } from './temp-shop.js';

export interface TestShop {
  core: Core;
  /** Side connection to the same file (WAL): seed and assert with SQL. */
  db: Db;
  path: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>>;
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppErrorShape>;
  close(): Promise<void>;
}

/** A fresh shop named "Test shop" (USD, UTC); `seed` writes to the file before the core opens it. */
export function testShop(seed?: (dbPath: string) => void): TestShop {
  const path = join(tempDir(), 'shop.db');
  const shop = openShopDatabase({ path, migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(testNow) });
  shop.settingsStore.insert({ name: 'Test shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, testNow);
  shop.db.close();
  seed?.(path);
  const core = testCore({ dbPath: path });
  const db = openDatabase(path);
  return {
    core,
    db,
    path,
    call: (method, input) => core.call(method, input) as Promise<Envelope<MethodOutput<typeof method>>>,
    ok: (method, input) => ok(core, method, input),
    fail: (method, input) => failure(core, method, input),
    async close() {
      db.close();
      await core.close();
    },
  };
}

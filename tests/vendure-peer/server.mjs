#!/usr/bin/env node
// Starts a real Vendure 3.x server for connector tests: a fresh sql.js database in a temp folder,
// a free port on 127.0.0.1, bearer-token auth, telemetry off. Prints one line
//   VENDURE_PEER_READY <admin API URL>
// on stdout when it accepts requests, and shuts down cleanly (server closed, temp folder removed)
// on SIGTERM or SIGINT.
//
// Options (argument wins over environment):
//   --port <n>          VENDURE_PEER_PORT       default: a free port
//   --superadmin <id>   VENDURE_PEER_SUPERADMIN default: superadmin
//   --password <pw>     VENDURE_PEER_PASSWORD   default: superadmin
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// Must be set before @vendure/core is loaded: it decides about telemetry at import time.
process.env.VENDURE_DISABLE_TELEMETRY = 'true';

export const readyMarker = 'VENDURE_PEER_READY';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    superadmin: { type: 'string' },
    password: { type: 'string' },
  },
});

/** Asks the OS for a free port (tiny race until Vendure binds it; acceptable for tests). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const port = Number(args.port ?? process.env.VENDURE_PEER_PORT ?? (await freePort()));
const superadmin = args.superadmin ?? process.env.VENDURE_PEER_SUPERADMIN ?? 'superadmin';
const password = args.password ?? process.env.VENDURE_PEER_PASSWORD ?? 'superadmin';
const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-vendure-peer-'));
// Nest's own shutdown hooks may end the process on SIGTERM before our handler finishes, so the
// temp folder is removed on 'exit' (synchronous), whichever path ends the process.
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

const { bootstrap, DefaultLogger, LogLevel } = await import('@vendure/core');

let app;
try {
  app = await bootstrap({
    apiOptions: { hostname: '127.0.0.1', port, adminApiPath: 'admin-api', shopApiPath: 'shop-api' },
    authOptions: {
      // Bearer: login answers with the session token in the `vendure-auth-token` header.
      tokenMethod: 'bearer',
      superadminCredentials: { identifier: superadmin, password },
      requireVerification: false,
    },
    dbConnectionOptions: {
      type: 'sqljs',
      location: join(dataDir, 'vendure.sqlite'),
      autoSave: true,
      // A fresh database each start: let TypeORM create the schema instead of running migrations.
      synchronize: true,
      logging: false,
    },
    paymentOptions: { paymentMethodHandlers: [] },
    logger: new DefaultLogger({ level: LogLevel.Error }),
    plugins: [],
  });
} catch (error) {
  console.error(`vendure-peer: failed to start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
}

console.log(`${readyMarker} http://127.0.0.1:${port}/admin-api`);

let stopping = false;
async function shutDown(signal) {
  if (stopping) return;
  stopping = true;
  try {
    await app.close();
  } catch (error) {
    console.error(`vendure-peer: error while closing on ${signal}: ${String(error)}`);
  }
  process.exit(0);
}
process.on('SIGTERM', () => void shutDown('SIGTERM'));
process.on('SIGINT', () => void shutDown('SIGINT'));

// If the test runner that started us dies without stopping us (kill -9, crash), do not linger as
// an orphan holding a port: poll the parent and shut down when it is gone.
const parentPid = process.ppid;
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    void shutDown('parent exit');
  }
}, 2_000).unref();

// Serve mode on a fresh core and a stub renderer (one index.html), for the transport tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src/core.js';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { removeTempDirs, tempDir, testCore } from './temp-shop.js';

export const serveToken = 'test-token-0123456789abcdef';

export interface TestServer {
  core: Core;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Shopdesk</title>');
  const core = testCore();
  const server = await startServer({ core, rendererDir, token: serveToken, port: 0 });
  return {
    core,
    server,
    async close() {
      await server.close();
      await core.close();
      removeTempDirs();
    },
  };
}

// End-to-end tests against serve mode in Chromium: one server on a fresh demo
// shop for the whole run (the Welcome spec starts its own empty one).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eToken } from './tests/e2e/env.js';
import { chromiumLaunchOptions } from './tests/chromium-options.js';

/** Asks the OS for a free port in a child (the config must stay synchronous). */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

// Workers load this file again: the values chosen by the runner travel in env
// so every process agrees on the same server.
// SHOPDESK_E2E_ORIGIN points the suite at a server you already run (started
// with --token e2e-token-0123456789abcdef); then no server is started here.
const external = process.env.SHOPDESK_E2E_ORIGIN;
if (!external) {
  process.env.SHOPDESK_E2E_PORT ??= String(freePort());
  process.env.SHOPDESK_E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'shopdesk-e2e-')), 'shop.sqlite');
}
const port = Number(process.env.SHOPDESK_E2E_PORT);
const origin = external ?? `http://127.0.0.1:${port}`;

export { chromiumLaunchOptions };

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: origin,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions } }],
  webServer: external
    ? undefined
    : {
        command: `npx tsx src/server/serve-cli.ts --db "${process.env.SHOPDESK_E2E_DB}" --port ${port} --token ${e2eToken} --demo small`,
        url: `${origin}/healthz`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});

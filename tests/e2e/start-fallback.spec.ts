// `npm start` without the Electron runtime never ends in a dead end: it says so
// in one line, starts serve mode on the desktop app's own shop file (the
// user-data folder), prints the address (which opens the workstation), and
// Ctrl+C stops it, leaving the shop file free.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot } from './helpers.js';

test('npm start falls back to serve mode on the user-data shop file, and Ctrl+C stops it', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'shopdesk-start-'));
  // As a fresh machine has it: no Electron runtime, no screen to open a browser on.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData'), SHOPDESK_NO_ELECTRON: '1', SHOPDESK_SKIP_BUILD: '1', SHOPDESK_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 90_000);
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Shopdesk serve mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    const said = output.split('\n').filter((line) => line.startsWith('[start]'));
    expect(said).toEqual([expect.stringMatching(/Electron runtime is turned off .*: starting the same workstation in your browser instead/)]);
    const shopFile = process.platform === 'darwin' ? join(home, 'Library/Application Support/Shopdesk/shopdesk.db') : process.platform === 'win32' ? join(home, 'AppData/Shopdesk/shopdesk.db') : join(home, '.config/Shopdesk/shopdesk.db');
    expect(output).toContain(`Database: ${shopFile}`);

    await page.goto(address);
    await expect(page.getByRole('heading', { name: 'Welcome to Shopdesk' })).toBeVisible();
    await screenshot(page, 'start-fallback-welcome');

    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(existsSync(`${shopFile}.lock`)).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});

// The Chromium the end-to-end tests and the UI benchmark launch: whichever
// find-chromium.ts finds (Playwright's own, else the system's). `npm run
// test:e2e` runs tests/chromium/ensure-cli.ts first, which installs one where
// none exists and the machine allows it.
import { chromium } from '@playwright/test';
import { findChromium, machineLookup } from './chromium/find-chromium.js';

export function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const chromiumExecutable = findChromium(machineLookup(playwrightChromium));

export const chromiumLaunchOptions = {
  executablePath: chromiumExecutable,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ],
};

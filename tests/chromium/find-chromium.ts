// Which Chromium the end-to-end tests and the UI benchmark drive. Playwright's
// own browser where `npx playwright install` could put one, else a Chromium or
// Chrome the system has (Debian, Ubuntu, other Linuxes, macOS, Windows), else
// nothing — then ensure-chromium.ts installs Debian's package where the machine
// allows it, or says in one sentence what to install. Pure lookups with the
// file system and PATH injected, so the decision is unit-tested.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserLookup {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** Where Playwright's own Chromium would be (it may not be installed). */
  playwrightChromium(): string | undefined;
}

/** A browser named by the person wins over every guess. */
export const browserEnvVariable = 'SHOPDESK_CHROMIUM';

const linuxNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Install paths of system browsers, most specific first. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      join(env.HOME ?? '', 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  const fixed = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .flatMap((dir) => linuxNames.map((name) => join(dir, name)));
  return [...new Set([...fixed, ...onPath])];
}

export function findChromium(lookup: BrowserLookup): string | undefined {
  const named = lookup.env[browserEnvVariable];
  if (named) return lookup.exists(named) ? named : undefined;
  const own = lookup.playwrightChromium();
  if (own && lookup.exists(own)) return own;
  return systemBrowserPaths(lookup.platform, lookup.env).find((path) => lookup.exists(path));
}

/** The real machine. */
export function machineLookup(playwrightChromium: () => string | undefined): BrowserLookup {
  return { platform: process.platform, env: process.env, exists: existsSync, playwrightChromium };
}

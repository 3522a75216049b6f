// Which browser the e2e tests get on machines of every kind, and what happens
// where there is none: install on Debian/Ubuntu as root, else one sentence.
import { describe, expect, it } from 'vitest';
import { isDebianLike, missingBrowserMessage, planChromium, type Machine } from '../../chromium/ensure-chromium.js';
import { findChromium, type BrowserLookup } from '../../chromium/find-chromium.js';

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const fedora = 'NAME="Fedora Linux"\nID=fedora\n';

function lookup(present: readonly string[], options: Partial<BrowserLookup> = {}): BrowserLookup {
  return {
    platform: 'linux',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    exists: (path) => present.includes(path),
    playwrightChromium: () => '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
    ...options,
  };
}

const root: Machine = { platform: 'linux', osRelease: debian, isRoot: true, hasPasswordlessSudo: false };

describe('finding Chromium', () => {
  it("prefers Playwright's own browser, then the system's", () => {
    const own = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    expect(findChromium(lookup([own, '/usr/bin/chromium']))).toBe(own);
    expect(findChromium(lookup(['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findChromium(lookup(['/usr/bin/google-chrome-stable']))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium(lookup(['/usr/local/bin/chromium-browser']))).toBe('/usr/local/bin/chromium-browser');
  });

  it('knows the macOS and Windows install paths', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(lookup([mac], { platform: 'darwin', env: { HOME: '/Users/li' } }))).toBe(mac);
    const win = 'C:\\Program Files/Google/Chrome/Application/chrome.exe';
    expect(findChromium(lookup([win], { platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' } }))).toBe(win);
  });

  it('a browser named in SHOPDESK_CHROMIUM wins, and a wrong one is said so', () => {
    const env = { SHOPDESK_CHROMIUM: '/opt/chrome/chrome', PATH: '/usr/bin' };
    expect(findChromium(lookup(['/opt/chrome/chrome', '/usr/bin/chromium'], { env }))).toBe('/opt/chrome/chrome');
    const plan = planChromium(lookup(['/usr/bin/chromium'], { env: { SHOPDESK_CHROMIUM: '/nowhere' } }), root);
    expect(plan).toEqual({ kind: 'explain', message: 'SHOPDESK_CHROMIUM is set to /nowhere, which does not exist.' });
  });
});

describe('a machine without any browser (empty path list)', () => {
  const none = lookup([], { env: {}, playwrightChromium: () => undefined });

  it("installs Debian's chromium as root on Debian and Ubuntu, refreshing the lists if the first try fails", () => {
    const plan = planChromium(none, root);
    expect(plan).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
      ],
    });
    expect(planChromium(none, { ...root, osRelease: ubuntu }).kind).toBe('install');
  });

  it('uses password-less sudo where the person is not root', () => {
    const plan = planChromium(none, { ...root, isRoot: false, hasPasswordlessSudo: true });
    expect(plan.kind === 'install' && plan.commands[0]?.slice(0, 3)).toEqual(['sudo', '-n', 'apt-get']);
  });

  it('says in one sentence what to install where it may not install', () => {
    for (const machine of [
      { ...root, isRoot: false },
      { ...root, osRelease: fedora },
      { ...root, platform: 'darwin' as const, osRelease: '' },
    ]) {
      const plan = planChromium(none, machine);
      expect(plan).toEqual({ kind: 'explain', message: missingBrowserMessage });
    }
    expect(missingBrowserMessage.split(/\.\s/).length).toBe(1);
    expect(missingBrowserMessage).toContain('apt-get install chromium');
  });

  it('reads the distribution from os-release', () => {
    expect([debian, ubuntu, fedora, ''].map(isDebianLike)).toEqual([true, true, false, false]);
  });
});

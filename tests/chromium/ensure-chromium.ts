// Run before the end-to-end tests (`npm run test:e2e`): makes sure a Chromium
// exists, so `npm install && npm test` needs no other step on a fresh machine.
// Found: say which. Missing on Debian/Ubuntu as root (or with password-less
// sudo): install Debian's `chromium` package (apt lists refreshed once if the
// first try fails). Otherwise: stop with one sentence saying what to install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { browserEnvVariable, findChromium, type BrowserLookup } from './find-chromium.js';

export interface Machine {
  platform: NodeJS.Platform;
  /** Contents of /etc/os-release ('' when absent). */
  osRelease: string;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo works without asking for a password. */
  hasPasswordlessSudo: boolean;
}

export type EnsurePlan =
  | { kind: 'found'; path: string }
  | { kind: 'install'; commands: string[][] }
  | { kind: 'explain'; message: string };

export function isDebianLike(osRelease: string): boolean {
  const field = (name: string) => new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.toLowerCase() ?? '';
  return [field('ID'), ...field('ID_LIKE').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu');
}

export const missingBrowserMessage =
  'No Chromium or Chrome was found for the end-to-end tests: install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or Google Chrome, ' +
  `or run \`npx playwright install chromium\`, or set ${browserEnvVariable} to a browser's path.`;

export function planChromium(lookup: BrowserLookup, machine: Machine): EnsurePlan {
  const path = findChromium(lookup);
  if (path) return { kind: 'found', path };
  if (lookup.env[browserEnvVariable]) {
    return { kind: 'explain', message: `${browserEnvVariable} is set to ${lookup.env[browserEnvVariable]}, which does not exist.` };
  }
  if (machine.platform !== 'linux' || !isDebianLike(machine.osRelease) || !(machine.isRoot || machine.hasPasswordlessSudo)) {
    return { kind: 'explain', message: missingBrowserMessage };
  }
  const sudo = machine.isRoot ? [] : ['sudo', '-n'];
  return {
    kind: 'install',
    commands: [
      [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
      // A fresh machine's package lists may be empty or stale: refresh once, then try again.
      [...sudo, 'apt-get', 'update'],
      [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
    ],
  };
}

function readMachine(): Machine {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a minimal system: no package manager we know.
  }
  const isRoot = process.getuid?.() === 0;
  const hasPasswordlessSudo = !isRoot && process.platform === 'linux' && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return { platform: process.platform, osRelease, isRoot, hasPasswordlessSudo };
}

/** Runs the install commands: the first, and if it fails the refresh and the retry. */
function install(commands: string[][]): boolean {
  const run = (command: string[]): boolean => {
    const [program = '', ...args] = command;
    console.log(`[e2e] ${command.join(' ')}`);
    const result = spawnSync(program, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    });
    return result.status === 0;
  };
  const [first, ...retry] = commands;
  if (first && run(first)) return true;
  return retry.every(run);
}

/** Resolves the browser path, installing it when allowed; exits the process with the sentence when not. */
export function ensureChromium(lookup: BrowserLookup): string {
  const plan = planChromium(lookup, readMachine());
  if (plan.kind === 'found') return plan.path;
  if (plan.kind === 'explain') {
    console.error(`\n[e2e] ${plan.message}\n`);
    process.exit(1);
  }
  console.log("[e2e] No Chromium found; installing Debian's chromium package for the end-to-end tests (once).");
  const path = install(plan.commands) ? findChromium(lookup) : undefined;
  if (!path) {
    console.error(`\n[e2e] Installing chromium with apt-get failed (see above). ${missingBrowserMessage}\n`);
    process.exit(1);
  }
  return path;
}

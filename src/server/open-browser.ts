// Opens serve mode's address in the person's default browser (`npm start`
// without Electron, or `npm run serve -- --open`). Headless machines (Linux
// without a display) and a missing opener just leave the printed address.
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
}

/** The command that opens a URL here, or null where there is no screen to open it on. */
export function browserOpener(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Opener | null {
  // Tests start serve mode this way and must not open the developer's browser.
  if (env.SHOPDESK_NO_BROWSER === '1') return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

export function openInBrowser(url: string): void {
  const opener = browserOpener(url);
  if (!opener) return;
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no opener installed: the address is printed anyway
    child.unref();
  } catch {
    // As above: printing the address is enough.
  }
}

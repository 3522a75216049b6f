// Where the shop database lives by default: the same folder Electron uses as
// `app.getPath('userData')` for the app name "Shopdesk", so the desktop app and
// serve mode open the same shop.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const appName = 'Shopdesk';
export const databaseFileName = 'shopdesk.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

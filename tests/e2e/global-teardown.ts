// Removes the shared server's temp database directory chosen in playwright.config.ts.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default function globalTeardown(): void {
  const db = process.env.SHOPDESK_E2E_DB;
  // Only the directory the config created (mkdtemp 'shopdesk-e2e-…'), never anything else.
  if (db && /shopdesk-e2e-[^/\\]+$/.test(dirname(db)) && !process.env.SHOPDESK_E2E_ORIGIN) {
    rmSync(dirname(db), { recursive: true, force: true });
  }
}

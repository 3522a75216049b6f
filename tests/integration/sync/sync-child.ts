// The sync as a separate process, for the kill -9 test (kill-sync.test.ts): takes the shop
// file's lock like any Shopdesk process (a killed one leaves it stale), opens the shop file and
// runs pull + push passes against the emulator the parent started until nothing is left, then
// exits 0. Run: node --import tsx sync-child.ts --db <file> --config <json> --channel <id>.
// Prints one line per pass ("pass <n> applied <k>") and a last line "done <json>".
import { parseArgs } from 'node:util';
import { openDatabase } from '../../../src/db/open.js';
import { acquireShopLock } from '../../../src/db/shop-lock.js';
import { systemClock } from '../../../src/shared/clock.js';
import { buildConnector, secretsOf, type SoakConnectorConfig } from './soak-connectors.js';
import { soakPuller } from './soak-puller.js';
import { syncUntilDrained } from './sync-loop.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    config: { type: 'string' },
    channel: { type: 'string' },
    'rows-per-pass': { type: 'string', default: '5' },
    'pause-ms': { type: 'string', default: '0' },
  },
});
if (!values.db || !values.config || !values.channel) {
  console.error('usage: sync-child.ts --db <file> --config <json> --channel <id> [--rows-per-pass n] [--pause-ms n]');
  process.exit(2);
}

let lock;
try {
  lock = acquireShopLock(values.db, 'cli');
} catch (error) {
  console.log(`locked ${error instanceof Error ? error.message : String(error)}`);
  process.exit(4);
}
const config = JSON.parse(values.config) as SoakConnectorConfig;
const db = openDatabase(values.db);
console.log('ready');
const result = await syncUntilDrained({
  db,
  connector: buildConnector(config).connector,
  clock: systemClock,
  channelId: Number(values.channel),
  secrets: secretsOf(config),
  rowsPerPass: Number(values['rows-per-pass']),
  makePuller: soakPuller,
  pauseMs: Number(values['pause-ms']),
  timeoutMs: 40_000,
  onPass: (pass, applied) => console.log(`pass ${pass} applied ${applied}`),
});
db.close();
lock.release();
console.log(`done ${JSON.stringify(result)}`);
process.exit(result.drained ? 0 : 3);

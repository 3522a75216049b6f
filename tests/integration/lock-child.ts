// Child process for the single-writer test: opens the shop file given on the
// command line as serve mode would, says READY, and holds it until killed.
import { createCore } from '../../src/core.js';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: lock-child.ts DB');
const core = createCore({ dbPath, face: 'serve', background: false });
await core.call('shop.status', {});
process.stdout.write('READY\n');
setInterval(() => undefined, 60_000);

// Child process for the kill test: makes a backup of the shop file given on the
// command line and says PARTIAL once its `.partial` copy exists, then goes on
// until the parent kills it.
import { readdirSync } from 'node:fs';
import { createCore } from '../../../src/core.js';

const [dbPath, folder] = process.argv.slice(2);
if (!dbPath || !folder) throw new Error('usage: backup-kill-child.ts DB BACKUP_FOLDER');
const core = createCore({ dbPath, background: false });
let told = false;
setInterval(() => {
  if (!told && readdirSync(folder).some((name) => name.endsWith('.partial'))) {
    told = true;
    process.stdout.write('PARTIAL\n');
  }
}, 1);
const answer = await core.call('backups.create', {});
process.stdout.write(answer.ok ? 'DONE\n' : `FAILED ${answer.error.message}\n`);

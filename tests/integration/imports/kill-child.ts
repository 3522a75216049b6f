// Child process for the kill test: applies a large product import to the
// shop file given on the command line and says WRITING once rows are being
// written, then keeps going until the parent kills it.
import type { MethodOutput } from '../../../src/contract.js';
import { createCore } from '../../../src/core.js';

const [dbPath, rowCount] = process.argv.slice(2);
if (!dbPath || !rowCount) throw new Error('usage: kill-child.ts DB ROWS');
const lines = ['SKU,Title,Price'];
for (let i = 0; i < Number(rowCount); i += 1) lines.push(`K-${i},Killed product ${i},${(i % 500) + 1}.00`);

const core = createCore({ dbPath });
core.on((event) => {
  if (event.name === 'job.progress' && event.payload.phase === 'jobs.phase.writing' && event.payload.done > 0) {
    process.stdout.write('WRITING\n');
  }
});
const opened = await core.call('imports.open', {
  target: 'products',
  fileName: 'big.csv',
  contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
});
if (!opened.ok) throw new Error(opened.error.message);
const { sessionId } = opened.value as MethodOutput<'imports.open'>;
const applied = await core.call('imports.apply', { sessionId });
if (!applied.ok) throw new Error(applied.error.message);

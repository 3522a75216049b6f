// npx tsx src/demo/realism-cli.ts <shop file> <now ISO>
// Prints how real a generated demo shop looks (see realism.ts). The core migrates and
// writes alerts into the file: run it on a demo file of your own, never on a shared one.
import type { MethodOutput } from '../contract.js';
import { createCore } from '../core.js';
import { fixedClock } from '../shared/clock.js';
import { localDateOf } from '../shared/local-time.js';
import { measureRealism, shiftDate } from './realism.js';

async function main(): Promise<number> {
  const [path, nowText] = process.argv.slice(2);
  if (!path || !nowText || Number.isNaN(Date.parse(nowText))) {
    console.error('Usage: npx tsx src/demo/realism-cli.ts <shop file> <now ISO (the --now the demo was generated with)>');
    return 1;
  }
  const core = createCore({ dbPath: path, clock: fixedClock(new Date(nowText).toISOString()), background: false, lockFile: false });
  try {
    const settings = await core.call('settings.get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    // The last full local day, as the benchmarks use.
    const { timeZone } = settings.value as MethodOutput<'settings.get'>;
    const asOf = shiftDate(localDateOf(new Date(nowText), timeZone), -1);
    const started = Date.now();
    const figures = await measureRealism(core, asOf);
    const { monthlyNetSales, ...rest } = figures;
    console.log(JSON.stringify({ ...rest, measuredSeconds: (Date.now() - started) / 1000 }, null, 1));
    console.log('monthly net sales:', monthlyNetSales.map((m) => `${m.bucket.slice(0, 7)} ${Math.round(m.netSales / 100)}`).join(', '));
  } finally {
    await core.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exitCode = 1;
  },
);

// The curve, not only the point (issue 16): the analytics figures on the small demo shop, the large
// one and a large one with twice the orders (2,000,000 order lines on the same catalogue), each
// beside its own bare scan of all order lines, to show cost grows linearly or better.
//   npm run bench -- --curve            (with --reuse, the shops generated earlier are reused)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { benchAnalytics, type AnalyticsFigures, type DashboardFigures, type MatrixRow } from './analytics-bench.js';
import { ms, printTable, ratio } from './measure.js';

type Figures = AnalyticsFigures & { matrix: MatrixRow[]; dashboard: DashboardFigures };

const now = new Date('2026-11-20T12:00:00Z');
const today = '2026-11-19';

async function figuresOf(path: string, size: 'small' | 'large', scale: number, reuse: boolean): Promise<Figures> {
  if (!reuse || !existsSync(path)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    console.log(`Generating the ${size} demo shop${scale > 1 ? ` ×${scale}` : ''}…`);
    await generateDemoShop({ path, size, seed: 20260101, locale: 'en', now, scale });
  }
  const core = createCore({ dbPath: path, appVersion: 'bench', background: false });
  try {
    return await benchAnalytics(core, path, today);
  } finally {
    await core.close();
  }
}

export async function benchCurve(dir: string, large: Figures, reuse: boolean): Promise<void> {
  const small = await figuresOf(join(dir, 'small.db'), 'small', 1, reuse);
  const double = await figuresOf(join(dir, 'large-x2.db'), 'large', 2, reuse);
  const keyOf = (row: MatrixRow) => [row.method, row.variant, row.period].filter(Boolean).join(' · ');
  const byKey = (figures: Figures) => new Map<string, MatrixRow>(figures.matrix.map((row) => [keyOf(row), row] as const));
  const [s, d] = [byKey(small), byKey(double)];
  const cell = (row: MatrixRow | undefined) => (row === undefined ? '–' : `${ms(row.ms)} (${row.ratio.toFixed(2)}x)`);
  printTable(
    'The curve: small demo → large → large ×2 (each call beside the bare scan measured right before it)',
    ['call', 'small', 'large', 'large ×2', 'large ×2 / large'],
    [
      ['bare scan of all order lines', ms(small.bareScanMs), ms(large.bareScanMs), ms(double.bareScanMs), ratio(double.bareScanMs, large.bareScanMs)],
      ['dashboard load', ms(small.dashboard.loadMs), ms(large.dashboard.loadMs), ms(double.dashboard.loadMs), ratio(double.dashboard.loadMs, large.dashboard.loadMs)],
      ...large.matrix.map((row) => {
        const twice = d.get(keyOf(row));
        return [keyOf(row), cell(s.get(keyOf(row))), cell(row), cell(twice), twice === undefined ? '–' : ratio(twice.ms, row.ms)];
      }),
    ],
  );
}

// `npm run bench`: the figures the issues ask for, on the large demo shop.
//   npm run bench                 generate the large demo shop, then measure
//   npm run bench -- --reuse      reuse .tmp/bench/large.db from an earlier run
//   npm run bench -- --curve      also the analytics on the small demo and a large shop with twice the orders
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../src/core.js';
import { openDatabase } from '../../src/db/open.js';
import { generateDemoShop } from '../../src/demo/generate.js';
import { ms, printTable, ratio } from './measure.js';
import { benchProductsGrid } from './products-grid.js';
import { benchProductsUi } from './products-ui.js';
import { benchBulkWrites } from './bulk-writes.js';
import { benchExports } from './export-bench.js';
import { benchImports } from './import-bench.js';
import { benchAnalytics } from './analytics-bench.js';
import { benchAnalyticsUiOnShop } from './analytics-ui.js';
import { benchCurve } from './curve.js';
import { benchSyncPush } from './sync-push.js';
import { benchSyncPull } from './sync-pull.js';
import { benchPromotionsGuard } from './promotions-guard.js';
import { benchPromotionsSimulate } from './promotions-simulate.js';
import { benchPromotionsEvaluate } from './promotions-evaluate.js';
import { benchPermissionCheck } from './permission-check.js';
import { benchBackup, printBackupFigures } from './backup-bench.js';

const { values } = parseArgs({ options: { reuse: { type: 'boolean', default: false }, 'no-ui': { type: 'boolean', default: false }, curve: { type: 'boolean', default: false } } });
const dir = resolve('.tmp/bench');
const dbPath = join(dir, 'large.db');
mkdirSync(dir, { recursive: true });

/** Deletes the backups the app made of a bench copy (`backups/<name>-<time>-<reason>.db` and its sidecar). */
function removeBackupsOf(name: string): void {
  const folder = join(dir, 'backups');
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder)) if (file.startsWith(`${name}-`)) rmSync(join(folder, file), { force: true });
}

let generationMs: number | null = null;
if (!values.reuse || !existsSync(dbPath)) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  console.log('Generating the large demo shop (100,000 variants, 1,000,000 order lines)…');
  const summary = await generateDemoShop({
    path: dbPath,
    size: 'large',
    seed: 20260101,
    locale: 'en',
    now: new Date('2026-11-20T12:00:00Z'),
  });
  generationMs = summary.seconds * 1000;
  printTable('Demo shop generation (large)', ['what', 'value'], [
    ['time', ms(generationMs)],
    ['variants', String(summary.variants)],
    ['order lines', String(summary.orderLines)],
    ['stock movements', String(summary.movements)],
  ]);
}

// Imports first: they run on their own empty shops, and the peak memory they print is theirs.
const imports = await benchImports(join(dir, 'imports'));

const core = createCore({ dbPath, appVersion: 'bench', background: false });
const db = openDatabase(dbPath, { readonly: true });
const grid = await benchProductsGrid(core, db);
const ui = values['no-ui'] ? null : await benchProductsUi(core);
const exports = await benchExports(core);
// The shop was generated with now = 2026-11-20 12:00 UTC: its last full day.
const analytics = await benchAnalytics(core, dbPath, '2026-11-19');
const permissions = await benchPermissionCheck(core, '2026-11-19');
db.close();
await core.close();
// Every analytics tab, Reorder and the promotion pages in Chromium, on a core of their own with the shop's clock.
const analyticsUi = values['no-ui'] ? null : await benchAnalyticsUiOnShop(dbPath);
// Writes last, on a copy: the reads above measured the shop as generated.
const writes = await benchBulkWrites(dbPath, join(dir, 'writes.db'));
// The bulk edits made their verified backups (issue 17) beside the copy: a gigabyte each, not kept.
removeBackupsOf('writes');
// Marketplace sync on their own shops and emulators, in real time.
const syncDir = join(dir, 'sync');
rmSync(syncDir, { recursive: true, force: true });
mkdirSync(syncDir, { recursive: true });
const syncPush = await benchSyncPush(syncDir);
const syncPull = await benchSyncPull(syncDir);

// Promotions (issue 15): each bench writes its promotions into its own copy of the large shop.
async function onCopy<T>(name: string, bench: (copy: string) => Promise<T>): Promise<T> {
  const copy = join(dir, `${name}.db`);
  // The copy, its WAL files and the backup migrating it leaves (`<name>.db.v12-….bak`).
  const removeCopy = () => {
    for (const file of readdirSync(dir)) if (file.startsWith(`${name}.db`)) rmSync(join(dir, file), { force: true });
  };
  removeCopy();
  copyFileSync(dbPath, copy);
  try {
    return await bench(copy);
  } finally {
    removeCopy();
  }
}
const guard = await onCopy('promotions-guard', benchPromotionsGuard);
const simulate = await onCopy('promotions-simulate', benchPromotionsSimulate);
const evaluate = await onCopy('promotions-evaluate', benchPromotionsEvaluate);

// Backups (issue 17): a copy in a folder of its own, which takes its backups/ and exports with it.
const backupDir = join(dir, 'backup-bench');
rmSync(backupDir, { recursive: true, force: true });
mkdirSync(backupDir, { recursive: true });
copyFileSync(dbPath, join(backupDir, 'large.db'));
const backup = await benchBackup(join(backupDir, 'large.db')).finally(() => rmSync(backupDir, { recursive: true, force: true }));
printBackupFigures(backup);

printTable('Summary', ['figure', 'value', 'target'], [
  ['generation (large)', generationMs === null ? 'reused' : ms(generationMs), '-'],
  ['first rows, core vs bare SQL', `${ms(grid.firstRowsCold.core)} vs ${ms(grid.firstRowsCold.bare)}`, '-'],
  ['slowest re-sort, core', `${ms(grid.worstResort.core)} (${grid.worstResort.column})`, '< 300 ms'],
  ['worst core/bare ratio, any sort', `${grid.worstRatio.value.toFixed(2)}x (${grid.worstRatio.column})`, '<= 2x'],
  ['bulk price change, core vs bare SQL', `${ms(writes.bulkPrice.core)} vs ${ms(writes.bulkPrice.bare)} (${ratio(writes.bulkPrice.core, writes.bulkPrice.bare)})`, '-'],
  ['10,000 ledger movements, core vs bare SQL', `${ms(writes.ledger.core)} vs ${ms(writes.ledger.bare)} (${ratio(writes.ledger.core, writes.ledger.bare)})`, '-'],
  ...imports.formats.flatMap((f) => [
    [`import ${imports.rows} rows ${f.format}: preview vs SheetJS parse`, `${ms(f.previewMs)} vs ${ms(f.parseMs)} (${ratio(f.previewMs, f.parseMs)})`, '<= 1.5x'],
    [`import ${imports.rows} rows ${f.format}: apply vs bare insert`, `${ms(f.applyMs)} vs ${ms(f.bareMs)} (${ratio(f.applyMs, f.bareMs)})`, '<= 2x'],
    [`import ${imports.rows} rows ${f.format}: peak memory (process)`, `${f.peakMb} MB`, f.format === 'CSV' ? '<= 400 MB' : '<= 800 MB'],
  ]),
  ['analytics: dashboard load vs bare scan of all order lines', `${ms(analytics.dashboard.loadMs)} vs ${ms(analytics.bareScanMs)} (${ratio(analytics.dashboard.loadMs, analytics.bareScanMs)})`, '<= 2x'],
  ['analytics: dashboard load after 1,000 new orders', `${ms(analytics.dashboard.afterNewOrdersMs)} (${ratio(analytics.dashboard.afterNewOrdersMs, analytics.bareScanMs)})`, '<= 3x'],
  [
    'analytics matrix (issue 16): calls within target',
    `${analytics.matrix.filter((r) => r.pass).length} of ${analytics.matrix.length}; over: ${analytics.matrix.filter((r) => !r.pass).map((r) => `${r.method} ${r.variant} ${r.period} ${r.ratio.toFixed(1)}x`).join(', ') || 'none'}`,
    '<= 500 ms, <= 5x',
  ],
  [
    'permission check: guard per call; grid page and dashboard, Staff vs owner',
    `${permissions.guardUsPerCall.staff.toFixed(1)} µs; ${ms(permissions.grid.staff)} vs ${ms(permissions.grid.owner)}; ${ms(permissions.dashboard.staff)} vs ${ms(permissions.dashboard.owner)}`,
    '<= 5 %',
  ],
  [
    'Backup now of the large shop while the Products grid is read',
    `${ms(backup.backupMs)}, ${(backup.backupBytes / 1_048_576).toFixed(0)} MB; grid page median ${ms(backup.readMedianMs)} during vs ${ms(backup.readAloneMs)} alone`,
    '-',
  ],
  [`export ${exports.rows} products rows, XLSX / CSV`, `${ms(exports.xlsxMs)} / ${ms(exports.csvMs)}`, '<= 4000 / 2000 ms'],
  [
    `stock push ${syncPush.shopify.items} SKUs, Shopify (bucket 1000, 100/s) vs theoretical max`,
    `${syncPush.shopify.itemsPerSecond.toFixed(0)} vs ${syncPush.shopify.theoreticalPerSecond.toFixed(0)} items/s (${(syncPush.shopify.ratio * 100).toFixed(1)} %)`,
    '>= 90 %',
  ],
  [
    `stock push ${syncPush.woocommerce.items} SKUs, WooCommerce batches of 100 vs bare batches`,
    `${syncPush.woocommerce.itemsPerSecond.toFixed(0)} items/s (${syncPush.woocommerce.ratio.toFixed(2)}x bare)`,
    '-',
  ],
  [
    `order pull, first sync of ${syncPull.first.orders} vs bare page reads`,
    `${syncPull.first.ordersPerSecond.toFixed(0)} orders/s, ${syncPull.first.seconds.toFixed(1)} s (${syncPull.first.ratio.toFixed(2)}x bare)`,
    '-',
  ],
  [
    `order pull, incremental (${syncPull.incremental.updated} changed) vs bare page reads`,
    `${syncPull.incremental.seconds.toFixed(2)} s (${syncPull.incremental.ratio.toFixed(2)}x bare)`,
    '-',
  ],
  [
    `promotion conflict + margin check, shop-wide over ${guard.variants} variants vs bare SQL pass`,
    `${ms(guard.checkMs)} vs ${ms(guard.bareMs)} (${ratio(guard.checkMs, guard.bareMs)})`,
    '<= 2x',
  ],
  [`promotion simulation, category of ${simulate.skus} SKUs over 14 days`, `${ms(simulate.simulateMs)} (${ratio(simulate.simulateMs, simulate.bareScanMs)} bare scan)`, '< 1000 ms'],
  ['promotion evaluation over the million order lines, slowest', `${ms(evaluate.slowestMs)} (${ratio(evaluate.slowestMs, evaluate.bareScanMs)} bare scan)`, '< 1000 ms'],
  ...(analyticsUi
    ? analyticsUi.tabs.map((tab) => [`UI: ${tab.tab}, click → first screen painted`, ms(tab.firstScreenMs), '< 1000 ms'])
    : []),
  ...(ui
    ? [
        ['UI: navigation to first rows', ms(ui.firstRowsMs), '< 1000 ms'],
        ['UI: re-sort, slowest column', `${ms(ui.worstResortMs)} (${ui.worstResortColumn})`, '< 300 ms'],
      ]
    : []),
]);

// The curve (issue 16): the same analytics on the small demo and on a large shop with twice the orders.
if (values.curve) await benchCurve(dir, analytics, values.reuse);

// Issue 17: what recording the audit log costs. On a copy of the large demo shop
// (`npx tsx tests/bench/audit-recorder.ts [--db .tmp/bench/large.db]`), each call's
// handler is timed plain and with the recorder around it, on the one connection the
// core uses (as the router's `around` hook does: src/audit/wiring.ts), plain and
// recorded runs taken in turn so neither side gets a warmer cache:
//   - a single settings update (one captured row);
//   - a 1,000-variant grid edit (a change set: linked, not captured);
//   - "set supplier" on 1,000 variants (1,000 supplier prices created: captured rows),
//     against the same call with the supplier_items capture trigger dropped;
//   - a read that changes nothing (what every read call pays: the marks);
// then the chain: appending 100,000 event rows, and verifying the whole log.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { appendAudit, createAuditRecorder } from '../../src/audit/recorder.js';
import { verifyChain } from '../../src/audit/service.js';
import type { MethodName } from '../../src/contract.js';
import { createCatalogEditHandlers } from '../../src/catalog/handlers.js';
import { defaultMigrationsDir, loadMigrations } from '../../src/db/migrate.js';
import type { Db } from '../../src/db/open.js';
import { openShopDatabase } from '../../src/shop/database.js';
import { systemClock } from '../../src/shared/clock.js';
import { ms, printTable } from './measure.js';

const { values } = parseArgs({ options: { db: { type: 'string', default: '.tmp/bench/large.db' }, runs: { type: 'string', default: '15' } } });
const source = resolve(values.db);
const runs = Number(values.runs);
const copy = join(tmpdir(), `audit-bench-${process.pid}.db`);

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Plain and recorded runs of `call(i)` in turn; returns the medians. */
async function compare(db: Db, method: MethodName, call: (i: number) => Promise<void>, inputOf: (i: number) => unknown): Promise<{ plain: number; audited: number }> {
  const recorder = createAuditRecorder(db, systemClock, (error) => {
    throw error;
  });
  const plain: number[] = [];
  const audited: number[] = [];
  for (let i = 0; i < runs * 2; i += 1) {
    if (i % 2 === 0) {
      plain.push(await timed(() => call(i)));
    } else {
      audited.push(
        await timed(async () => {
          const mark = recorder.before();
          await call(i);
          recorder.after(mark, { method, input: inputOf(i), ok: true });
        }),
      );
    }
  }
  return { plain: median(plain), audited: median(audited) };
}

if (!existsSync(source)) throw new Error(`No bench shop at ${source}: run npm run bench first.`);
for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${source}${suffix}`)) copyFileSync(`${source}${suffix}`, `${copy}${suffix}`);
try {
  console.log(`Opening a copy of ${source} (migrates it to the audit schema)…`);
  const shop = openShopDatabase({ path: copy, migrations: loadMigrations(defaultMigrationsDir()), clock: systemClock });
  const db = shop.db;
  const catalog = createCatalogEditHandlers({ db: () => db, clock: systemClock, actor: () => 'bench', emit: () => undefined });
  const variantIds = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 40000').all() as { id: number }[]).map((row) => row.id);
  const supplierId = (db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').get() as { id: number }).id;
  const rows: string[][] = [];

  const settingsInput = (i: number) => ({ name: `Bench shop ${i}` });
  const settings = await compare(db, 'settings.update', async (i) => void shop.settings.update(settingsInput(i)), settingsInput);
  rows.push(['settings.update (1 row captured)', ms(settings.plain), ms(settings.audited), ms(settings.audited - settings.plain)]);

  const priceInput = (i: number) => ({ edits: variantIds.slice(0, 1000).map((variantId) => ({ variantId, field: 'price' as const, value: 1000 + i })) });
  const grid = await compare(db, 'variants.bulkUpdate', async (i) => void (await catalog['variants.bulkUpdate'](priceInput(i))), priceInput);
  rows.push(['variants.bulkUpdate, 1,000 variants (change set linked)', ms(grid.plain), ms(grid.audited), ms(grid.audited - grid.plain)]);

  // Each run takes fresh variants, so each creates 1,000 supplier prices. Plain runs go without the
  // capture trigger (what the call cost before the audit); recorded runs with it and the recorder.
  const triggerSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_capture_supplier_items_insert'").get() as { sql: string }).sql;
  const supplierInput = (i: number) => ({ target: { variantIds: variantIds.slice(i * 1000, (i + 1) * 1000) }, action: { kind: 'setSupplier' as const, supplierId } });
  const plainSupplier: number[] = [];
  const auditedSupplier: number[] = [];
  const recorder = createAuditRecorder(db, systemClock);
  for (let i = 0; i < Math.min(runs * 2, 38); i += 1) {
    if (i % 2 === 0) {
      db.exec('DROP TRIGGER audit_capture_supplier_items_insert');
      plainSupplier.push(await timed(async () => void (await catalog['variants.bulkAction'](supplierInput(i)))));
      db.exec(triggerSql);
    } else {
      auditedSupplier.push(
        await timed(async () => {
          const mark = recorder.before();
          await catalog['variants.bulkAction'](supplierInput(i));
          recorder.after(mark, { method: 'variants.bulkAction', input: supplierInput(i), ok: true });
        }),
      );
    }
  }
  const sp = { plain: median(plainSupplier), audited: median(auditedSupplier) };
  rows.push(['set supplier, 1,000 variants (1,000 rows captured)', ms(sp.plain), ms(sp.audited), ms(sp.audited - sp.plain)]);
  // Reads pay the recorder too: three index lookups before (the marks) and three after, no write.
  const readRecorder = createAuditRecorder(db, systemClock);
  const reads = 20_000;
  const readStart = performance.now();
  for (let i = 0; i < reads; i += 1) readRecorder.after(readRecorder.before(), { method: 'products.list', input: {}, ok: true });
  const readUs = ((performance.now() - readStart) * 1000) / reads;
  rows.push(['a read that changes nothing (marks only, mean of 20,000)', '-', '-', `${readUs.toFixed(1)} µs`]);
  printTable('Audit recorder cost per call (medians)', ['call', 'plain', 'recorded', 'recorder + triggers'], rows);

  const appendStart = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 100_000; i += 1) appendAudit(db, systemClock, { kind: 'signIn', area: 'team', subject: `person:${i % 10}` });
  })();
  const appendMs = performance.now() - appendStart;
  const verifyStart = performance.now();
  const status = verifyChain(db);
  const verifyMs = performance.now() - verifyStart;
  printTable('Audit chain', ['what', 'time'], [
    ['append 100,000 event rows (one transaction)', `${ms(appendMs)} (${((appendMs * 1000) / 100_000).toFixed(1)} µs/row)`],
    [`verify the whole log (${status.rows} rows, ${status.ok ? 'intact' : 'broken'})`, ms(verifyMs)],
  ]);
  db.close();
} finally {
  // The copy, its WAL, its lock, and the backup the migration made of it (`<copy>.v18-….bak`).
  for (const name of readdirSync(tmpdir())) if (name.startsWith(basename(copy))) rmSync(join(tmpdir(), name), { force: true });
  // …and that backup lives in the backups folder beside the copy (`<name>-<time>-beforeMigration.db`).
  const backups = join(tmpdir(), 'backups');
  const stem = basename(copy, '.db');
  if (existsSync(backups)) for (const name of readdirSync(backups)) if (name.startsWith(`${stem}-`)) rmSync(join(backups, name), { force: true });
}

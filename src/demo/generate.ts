// Deterministic demo shop generator: a new SQLite file with two years of a
// believable shop (catalogue, customers, orders, returns, stock ledger).
// Same seed + size + now → the same content.
import { existsSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { migrate, loadMigrations, defaultMigrationsDir } from '../db/migrate.js';
import { openDatabase, type Db } from '../db/open.js';
import type { Locale } from '../settings/contract.js';
import { fixedClock } from '../shared/clock.js';
import type { DemoSize } from '../shop/contract.js';
import { buildCalendar } from './calendar.js';
import { createSalesRollup } from '../analytics/sales-rollup.js';
import { createAuditStore } from '../audit/store.js';
import { createStockDaily } from '../analytics/stock-daily.js';
import { historyRenderer, type KnownSummary } from '../shared/history-texts.js';
import { generateCatalog } from './catalog.js';
import { assignCustomers, planOrderCounts, writeCustomers } from './customers.js';
import { planCouponCampaign } from './coupon-campaign.js';
import { CHANNELS, firstOrders, planOrders } from './orders-plan.js';
import { simulate, type LocationInfo } from './orders.js';
import { Rng } from './prng.js';
import { DemoPromotionDays } from './promotions-apply.js';
import { planPromotions } from './promotions-plan.js';
import { writePromotions } from './promotions-write.js';
import { DemoPurchasing } from './purchasing.js';
import { StockModel, writeStockLevels } from './stock.js';
import { LARGE_STOCKING, SMALL_STOCKING, type StockingPolicy } from './stocking.js';
import { wordsFor } from './words.js';
import { ChunkWriter, abortError } from './writer.js';

export interface DemoOptions {
  path: string;
  size: DemoSize;
  seed: number;
  locale: Locale;
  now: Date;
  /**
   * Large shops only: N × the orders, lines and customers on the same catalogue (1–4, default 1), so a
   * benchmark curve over 1M, 2M… lines changes only what grows with trading, not the catalogue's size.
   */
  scale?: number;
  /** How the range is stocked (stocking.ts); the size's own policy when absent. */
  stocking?: StockingPolicy;
  nativeBinding?: string;
  signal?: AbortSignal;
  onProgress?: (phase: DemoPhase, done: number, total: number) => void;
}

export type DemoPhase = 'catalog' | 'customers' | 'orders' | 'stock' | 'finish';

export interface DemoSummary {
  products: number;
  variants: number;
  locations: number;
  suppliers: number;
  customers: number;
  orders: number;
  orderLines: number;
  returns: number;
  movements: number;
  seconds: number;
}

interface SizeSpec {
  variants: number;
  suppliers: number;
  customers: number;
  lines: number;
  locations: LocationInfo[];
  stocking: StockingPolicy;
}

const LINES_PER_ORDER = 1.8;

export const SIZES: Record<DemoSize, SizeSpec> = {
  small: {
    variants: 1_500, suppliers: 15, customers: 5_000, lines: 40_000,
    locations: [
      { code: 'WH-SH', kind: 'warehouse', weight: 0.6 },
      { code: 'WH-NJ', kind: 'warehouse', weight: 0.4 },
      { code: 'STORE-1', kind: 'store', weight: 1 },
    ],
    stocking: SMALL_STOCKING,
  },
  large: {
    // Lines planned: about 3 % find nothing on the shelf where the order ships from and are not
    // written, so the shop keeps the million order lines the benchmarks are stated for.
    variants: 100_000, suppliers: 60, customers: 80_000, lines: 1_037_000,
    locations: [
      { code: 'WH-SH', kind: 'warehouse', weight: 0.45 },
      { code: 'WH-NJ', kind: 'warehouse', weight: 0.3 },
      { code: 'WH-GZ', kind: 'warehouse', weight: 0.25 },
      { code: 'STORE-1', kind: 'store', weight: 0.6 },
      { code: 'STORE-2', kind: 'store', weight: 0.4 },
    ],
    stocking: LARGE_STOCKING,
  },
};

function removeFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

export async function generateDemoShop(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  if (existsSync(options.path)) throw new Error(`Refusing to overwrite an existing file: ${options.path}`);
  if (options.signal?.aborted) throw abortError();
  let db: Db | undefined;
  try {
    db = openDatabase(options.path, { nativeBinding: options.nativeBinding });
    const summary = await fill(db, options);
    db.close();
    db = undefined;
    return { ...summary, seconds: Math.round((performance.now() - started) / 10) / 100 };
  } catch (error) {
    if (db?.open) db.close();
    removeFiles(options.path);
    throw error;
  }
}

async function fill(db: Db, options: DemoOptions): Promise<Omit<DemoSummary, 'seconds'>> {
  const nowIso = options.now.toISOString();
  migrate(db, options.path, loadMigrations(defaultMigrationsDir()), fixedClock(nowIso));
  // The file is new and deleted on any failure, so no journal and no fsync while filling;
  // foreign keys are checked by the tests instead of on every one of millions of inserts.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 4 || (scale > 1 && options.size !== 'large')) {
    throw new Error(`scale must be an integer 1..4 (above 1 only for the large shop), got ${scale}`);
  }
  const base = SIZES[options.size];
  const spec: SizeSpec = { ...base, lines: base.lines * scale, customers: base.customers * scale, stocking: options.stocking ?? base.stocking };
  const words = wordsFor(options.locale);
  const zh = options.locale === 'zh-CN';
  const root = new Rng(options.seed);
  const writer = new ChunkWriter(db, options.signal);
  const report = (phase: DemoPhase) => (done: number, total: number): void => options.onProgress?.(phase, done, total);
  const cal = buildCalendar(options.now, words.timeZone, zh, root.fork(1));
  const windowStart = cal.days[0]?.startUtc ?? options.now.getTime();
  writer.begin();

  report('catalog')(0, spec.variants);
  const insertLocation = db.prepare('INSERT INTO locations (id, code, name, kind, active, created_at) VALUES (?, ?, ?, ?, 1, ?)');
  const opened = new Date(windowStart - 30 * 86_400_000).toISOString();
  spec.locations.forEach((l, i) => insertLocation.run(i + 1, l.code, words.locationNames[l.code] ?? l.code, l.kind, opened));
  const insertChannel = db.prepare('INSERT INTO channels (id, code, name, platform, active, created_at) VALUES (?, ?, ?, ?, 1, ?)');
  CHANNELS.forEach((c, i) => insertChannel.run(i + 1, c.code, words.channelNames[c.code] ?? c.code, c.platform, opened));
  const catalog = await generateCatalog({
    db, rng: root.fork(2), words, writer, targetVariants: spec.variants, supplierCount: spec.suppliers, windowStart, nowIso, stocking: spec.stocking,
    progress: report('catalog'),
  });

  report('customers')(0, spec.customers);
  const plan = planOrders(root.fork(3), cal, Math.round(spec.lines / LINES_PER_ORDER), zh);
  const customerRng = root.fork(4);
  const slots = assignCustomers(customerRng, planOrderCounts(customerRng, spec.customers, plan.customerOrders), plan.customerOrders);
  for (let i = 0; i < plan.count; i++) {
    const slot = plan.customer[i] ?? -1;
    if (slot >= 0) plan.customer[i] = slots[slot] ?? 0;
  }
  // Promotions before customers: the win-back campaign moves some orders to its treatment group.
  const promoRng = root.fork(6);
  const promotions = planPromotions({ rng: promoRng, cal, catalog, plan, words });
  const campaign = promotions.coupon ? planCouponCampaign(promoRng, plan, spec.customers, promotions.coupon) : null;
  const customers = await writeCustomers({
    db, rng: customerRng, words, writer, firstOrderMs: firstOrders(plan, spec.customers), windowStart,
    progress: report('customers'),
  });

  report('orders')(0, plan.count);
  const stock = new StockModel(db, writer, catalog, spec.locations.length);
  const purchasing = new DemoPurchasing(db, writer, root.fork(7), catalog, stock, cal);
  const result = await simulate({
    db, rng: root.fork(5), writer, catalog, plan, cal, stock, purchasing, locations: spec.locations, currency: words.currency,
    aggregateSales: options.size === 'large', linesPerOrder: LINES_PER_ORDER, progress: report('orders'),
    promotions: new DemoPromotionDays(catalog, cal.days.length, promotions.promotions, campaign),
  });
  writePromotions(db, writer, promotions.promotions, campaign, cal.nowMs);

  report('stock')(0, stock.pairs.length);
  await purchasing.write(() => writer.flush());
  await writeStockLevels(db, writer, stock, purchasing.onOrder, nowIso, report('stock'));

  report('finish')(0, 1);
  db.prepare(`INSERT INTO shop_settings (id, name, currency, time_zone, locale, is_demo, demo_seed, demo_size, created_at, updated_at)
    VALUES (1, ?, ?, ?, ?, 1, ?, ?, ?, ?)`).run(words.shopName, words.currency, words.timeZone, options.locale, options.seed,
    options.size, nowIso, nowIso);
  // Stored as a key and parameters (read in the reader's language) beside the English text.
  const generated: KnownSummary = { key: 'demo', params: { variants: catalog.price.length, orders: result.orders } };
  db.prepare(`INSERT INTO change_sets (id, kind, summary, summary_key, summary_params, actor, created_at)
    VALUES (1, 'demo', ?, ?, ?, 'demo-generator', ?)`)
    .run(historyRenderer('en', words.currency).summary(generated, 'Demo shop generated'), generated.key, JSON.stringify(generated.params), nowIso);
  writer.commit();
  if (options.signal?.aborted) throw abortError();
  db.pragma('foreign_keys = ON');
  // Sampled statistics, so the query planner picks the selective indexes on the
  // fresh file (without them it may scan the ledger by location); cheap with a limit.
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
  // The rollups and the stock cache, built now so the first look at the new shop is fast.
  createSalesRollup(db).refresh();
  createStockDaily(db).refresh();
  // The generator's own writes are the demo's history, not anyone's changes: the audit log
  // starts empty rather than with one "changed by Shopdesk" entry folding tens of thousands of rows.
  createAuditStore(db).dropCaptured(0, null);
  db.pragma('journal_mode = WAL');
  report('finish')(1, 1);
  return {
    products: catalog.products.length,
    variants: catalog.price.length,
    locations: spec.locations.length,
    suppliers: spec.suppliers,
    customers,
    orders: result.orders,
    orderLines: result.lines,
    returns: result.returns,
    movements: stock.movements,
  };
}

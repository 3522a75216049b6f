// Stock model and ledger writer. Every movement written is also summed per
// variant × location, so the final stock_levels.on_hand is exactly the ledger
// sum. A separate "model" on-hand drives decisions (a sale only takes what is
// there; purchasing.ts reorders); it never runs ahead of the ledger in time:
// - receipts are dated the day before the model counts them, first stock no later than the order that needed it;
// - sales are dated at fulfilment (later than the order, when they are deducted);
// - restocked returns are counted by the model only two days after they happen;
// so the ledger's running balance never goes below zero at any moment either.
import type { Db } from '../db/open.js';
import type { Catalog } from './catalog.js';
import { TAIL_SPARE } from './stocking.js';
import type { ChunkWriter } from './writer.js';

/** Window of the demand estimate reorders are sized with, in days. */
const DEMAND_DAYS = 28;
/** A location other than the main warehouse stocks an item expected to sell at least once in this many days. */
const CARRY_DAYS = 45;

export type Reason = 'initial' | 'receive' | 'sale' | 'return' | 'adjustment' | 'damage';

export interface Movement {
  variant: number;
  location: number;
  delta: number;
  reason: Reason;
  ms: number;
  refType?: string | null;
  refId?: string | null;
  unitCost?: number | null;
  reasonCode?: string | null;
  note?: string | null;
  changeSet?: number | null;
}

export class StockModel {
  readonly onHand: Int32Array;
  readonly ledger: Int32Array;
  readonly committed: Int32Array;
  readonly stocked: Uint8Array;
  /** Stocked pairs in first-stock order, for picking adjustment targets. */
  readonly pairs: number[] = [];
  /** Expected units per day per variant at each location, for purchase batch sizes. */
  readonly rate: Float64Array;
  /** Recent sales per pair (see sold()) and when they were last updated. */
  private readonly recent: Float64Array;
  private readonly recentAt: Float64Array;
  movements = 0;
  private receipts = 0;
  private readonly insert;

  constructor(
    db: Db,
    private readonly writer: ChunkWriter,
    private readonly catalog: Catalog,
    readonly locations: number,
  ) {
    const size = catalog.price.length * locations;
    this.onHand = new Int32Array(size);
    this.ledger = new Int32Array(size);
    this.committed = new Int32Array(size);
    this.stocked = new Uint8Array(size);
    this.rate = new Float64Array(size);
    this.recent = new Float64Array(size);
    this.recentAt = new Float64Array(size);
    this.insert = db.prepare(`INSERT INTO stock_movements (variant_id, location_id, delta, reason, reason_code, note,
      ref_type, ref_id, unit_cost, actor, occurred_at, change_set_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo-generator', ?, ?)`);
  }

  pair(variant: number, location: number): number {
    return variant * this.locations + location;
  }

  /** Writes one ledger row (variant and location 0-based). applyModel=false for rows the model counts later. */
  write(m: Movement, applyModel = true): void {
    const p = this.pair(m.variant, m.location);
    this.insert.run(m.variant + 1, m.location + 1, m.delta, m.reason, m.reasonCode ?? null, m.note ?? null,
      m.refType ?? null, m.refId ?? null, m.unitCost ?? null, new Date(m.ms).toISOString(), m.changeSet ?? null);
    this.ledger[p] = (this.ledger[p] ?? 0) + m.delta;
    if (applyModel) this.onHand[p] = (this.onHand[p] ?? 0) + m.delta;
    this.movements++;
    this.writer.rows++;
  }

  available(variant: number, location: number): number {
    const p = this.pair(variant, location);
    return (this.onHand[p] ?? 0) - (this.committed[p] ?? 0);
  }

  /**
   * Purchase quantity: the product's cover days of demand, in whole packs and at least the MOQ at the main
   * warehouse; the other locations stock what they sell, a few at a time (the buyer splits cartons there).
   */
  batch(variant: number, location: number, need: number): number {
    const product = this.catalog.products[this.catalog.productOf[variant] ?? 0];
    const wanted = Math.max(need, Math.ceil(this.demand(variant, location) * (product?.coverDays ?? 30)));
    if (location > 0) return wanted;
    const pack = product?.packSize ?? 1;
    return Math.ceil(Math.max(wanted, product?.moq ?? 1) / pack) * pack;
  }

  /** Records a sale for the demand estimate: units decayed over DEMAND_DAYS (an exponential moving sum). */
  sold(variant: number, location: number, qty: number, ms: number): void {
    const p = this.pair(variant, location);
    this.recent[p] = this.decayed(p, ms) + qty;
    this.recentAt[p] = ms;
  }

  /** Units per day a buyer would plan with: recent sales, or the expected rate when there is little history. */
  demand(variant: number, location: number, ms?: number): number {
    const p = this.pair(variant, location);
    const prior = this.rate[p] ?? 0;
    // The deep tail is planned from its long-run rate: one sale in a month says little about the next.
    if (ms === undefined || this.isTail(variant)) return prior;
    return Math.max(prior * 0.5, this.decayed(p, ms) / DEMAND_DAYS);
  }

  private isTail(variant: number): boolean {
    return this.catalog.products[this.catalog.productOf[variant] ?? 0]?.tail === true;
  }

  private decayed(p: number, ms: number): number {
    const at = this.recentAt[p] ?? 0;
    return at === 0 ? 0 : (this.recent[p] ?? 0) * Math.exp(-(ms - at) / (DEMAND_DAYS * 86_400_000));
  }

  /** First stock of a pair: an 'initial' movement. */
  initial(variant: number, location: number, qty: number, ms: number, changeSet: number | null): void {
    const p = this.pair(variant, location);
    this.stocked[p] = 1;
    this.pairs.push(p);
    this.write({ variant, location, delta: qty, reason: 'initial', ms, unitCost: this.catalog.cost[variant] ?? null,
      refType: 'import', refId: 'opening-stock', changeSet });
  }

  receive(variant: number, location: number, qty: number, ms: number): void {
    this.receipts++;
    this.write({ variant, location, delta: qty, reason: 'receive', ms, unitCost: this.catalog.cost[variant] ?? null,
      refType: 'receipt', refId: `RCV-${String(this.receipts).padStart(7, '0')}` });
  }

  /** Stock bought for a planned event (a flash sale's allocation): delivered just before the sale that needs it. */
  topUp(variant: number, location: number, need: number, ms: number, notBefore: number): void {
    const at = Math.max(notBefore, ms - 3_600_000);
    if (this.stocked[this.pair(variant, location)] !== 1) this.initial(variant, location, this.batch(variant, location, need), at, null);
    const short = need - this.available(variant, location);
    if (short > 0) this.receive(variant, location, this.batch(variant, location, short), at);
  }

  /** Stocked here already, or worth stocking: the main warehouse (0) carries everything, the others what sells there. */
  carries(variant: number, location: number): boolean {
    const p = this.pair(variant, location);
    return location === 0 || this.stocked[p] === 1 || (this.rate[p] ?? 0) * CARRY_DAYS >= 1;
  }

  /**
   * Whether `need` units can be sold at `ms`: the first sale at a location brings its first stock
   * (dated just before); afterwards only what purchasing delivered (purchasing.ts) is there to sell.
   */
  ensure(variant: number, location: number, need: number, ms: number, notBefore: number): boolean {
    if (this.stocked[this.pair(variant, location)] !== 1) {
      if (!this.carries(variant, location)) return false;
      // A deep-tail item first ordered: the customer's units and its shelf (a reorder point of one, and the spare).
      const qty = location === 0 && this.isTail(variant) ? need + 1 + TAIL_SPARE : this.batch(variant, location, need);
      this.initial(variant, location, qty, Math.max(notBefore, ms - 3_600_000), null);
      return true;
    }
    return this.available(variant, location) >= need;
  }
}

/** Final materialised stock: one stock_levels row per stocked pair, on hand = ledger sum (triggers fill variants.on_hand_total). */
export async function writeStockLevels(
  db: Db,
  writer: ChunkWriter,
  stock: StockModel,
  /** Units on open purchase orders per pair (stock_levels.incoming). */
  incoming: Int32Array,
  nowIso: string,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const insert = db.prepare(`INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, incoming, safety_stock,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const sorted = [...stock.pairs].sort((a, b) => a - b);
  let done = 0;
  for (const p of sorted) {
    const variant = Math.floor(p / stock.locations);
    const location = p % stock.locations;
    const rate = stock.rate[p] ?? 0;
    // Safety stock set on the faster movers only, as a shop owner would.
    const safety = rate > 0.2 ? Math.ceil(rate * 7) : null;
    insert.run(variant + 1, location + 1, stock.ledger[p] ?? 0, stock.committed[p] ?? 0, incoming[p] ?? 0, safety, nowIso);
    writer.rows += 2;
    done++;
    if (writer.rows >= 20_000) {
      progress(done, sorted.length);
      await writer.flush();
    }
  }
  return sorted.length;
}

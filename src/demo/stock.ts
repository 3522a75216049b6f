// Stock model and ledger writer. Every movement written is also summed per
// variant × location, so the final stock_levels.on_hand is exactly the ledger
// sum. A separate "model" on-hand drives decisions (receive before a sale would
// go negative); it never runs ahead of the ledger in time:
// - receipts and initial stock are dated no later than the order that needed them;
// - sales are dated at fulfilment (later than the order, when they are deducted);
// - restocked returns are counted by the model only two days after they happen;
// so the ledger's running balance never goes below zero at any moment either.
import type { Db } from '../db/open.js';
import type { Catalog } from './catalog.js';
import type { ChunkWriter } from './writer.js';

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

  /** Purchase quantity: the product's cover days of expected demand, at least the MOQ, in whole packs. */
  batch(variant: number, location: number, need: number): number {
    const product = this.catalog.products[this.catalog.productOf[variant] ?? 0];
    const pack = product?.packSize ?? 1;
    const wanted = Math.max(need, product?.moq ?? 1, Math.ceil((this.rate[this.pair(variant, location)] ?? 0) * (product?.coverDays ?? 30)));
    return Math.ceil(wanted / pack) * pack;
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

  /** Makes sure `need` units are available at `ms`: first stock or a receipt dated just before. */
  ensure(variant: number, location: number, need: number, ms: number, notBefore: number): void {
    const p = this.pair(variant, location);
    const at = Math.max(notBefore, ms - 3_600_000);
    if (this.stocked[p] !== 1) {
      this.initial(variant, location, this.batch(variant, location, need), at, null);
      return;
    }
    const shortBy = need - this.available(variant, location);
    if (shortBy > 0) this.receive(variant, location, this.batch(variant, location, shortBy), at);
  }
}

/** Final materialised stock: one stock_levels row per stocked pair, on hand = ledger sum (triggers fill variants.on_hand_total). */
export async function writeStockLevels(
  db: Db,
  writer: ChunkWriter,
  stock: StockModel,
  nowIso: string,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const insert = db.prepare(`INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, incoming, safety_stock,
    updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`);
  const sorted = [...stock.pairs].sort((a, b) => a - b);
  let done = 0;
  for (const p of sorted) {
    const variant = Math.floor(p / stock.locations);
    const location = p % stock.locations;
    const rate = stock.rate[p] ?? 0;
    // Safety stock set on the faster movers only, as a shop owner would.
    const safety = rate > 0.2 ? Math.ceil(rate * 7) : null;
    insert.run(variant + 1, location + 1, stock.ledger[p] ?? 0, stock.committed[p] ?? 0, safety, nowIso);
    writer.rows += 2;
    done++;
    if (writer.rows >= 20_000) {
      progress(done, sorted.length);
      await writer.flush();
    }
  }
  return sorted.length;
}

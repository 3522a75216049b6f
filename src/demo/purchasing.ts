// The demo's replenishment: when a sale takes a stocked item to its reorder point
// (demand over the supplier's lead time and a week's review, with a safety margin),
// the shop orders its cover days of demand from the preferred supplier. The day's
// lines per supplier and destination wait for that supplier's weekly order day and
// form one purchase order, sent that day and delivered after the supplier's lead time (give or take), received in one receipt.
// Orders still on their way at "now" stay sent (some overdue), their quantities
// mirrored in stock_levels.incoming. The model counts a delivery from the morning
// of its arrival day; the ledger dates it the afternoon before, so the ledger never
// runs behind the stock the simulation sold.
import type { Db } from '../db/open.js';
import { DAY_MS, type Calendar } from './calendar.js';
import type { Catalog } from './catalog.js';
import type { Rng } from './prng.js';
import type { StockModel } from './stock.js';
import { TAIL_SPARE } from './stocking.js';
import type { ChunkWriter } from './writer.js';

interface PoLine {
  id: number;
  variant: number;
  qty: number;
}

interface Po {
  id: number;
  supplier: number;
  location: number;
  day: number;
  sentMs: number;
  expectedMs: number;
  /** Day from which the model counts the goods; > last day = still on its way. */
  arrivalDay: number;
  receivedMs: number | null;
  lines: PoLine[];
}

/** Safety margin on the demand over lead time + review. */
const SAFETY = 1.4;
const REVIEW_DAYS = 7;

export class DemoPurchasing {
  private readonly open = new Map<string, Po>();
  private readonly pos: Po[] = [];
  private readonly arrivals: Po[][];
  private lineId = 0;
  private receiptId = 0;
  /** Units on order per variant × location. */
  readonly onOrder: Int32Array;
  private readonly insertReceipt;
  private readonly insertReceiptLine;

  constructor(
    private readonly db: Db,
    private readonly writer: ChunkWriter,
    private readonly rng: Rng,
    private readonly catalog: Catalog,
    private readonly stock: StockModel,
    private readonly cal: Calendar,
  ) {
    this.onOrder = new Int32Array(stock.onHand.length);
    this.arrivals = Array.from({ length: cal.days.length + 1 }, () => []);
    this.insertReceipt = db.prepare(`INSERT INTO receipts (id, purchase_order_id, location_id, received_at, actor, note)
      VALUES (?, ?, ?, ?, 'demo-generator', '')`);
    this.insertReceiptLine = db.prepare(`INSERT INTO receipt_lines (receipt_id, purchase_order_line_id, quantity, unit_cost,
      landed_unit_cost) VALUES (?, ?, ?, ?, ?)`);
  }

  /** After a sale: orders the item if what is on hand and on order fell to its reorder point. */
  review(variant: number, location: number, day: number, ms: number): void {
    const p = this.stock.pair(variant, location);
    const product = this.catalog.products[this.catalog.productOf[variant] ?? 0];
    // The deep tail is reviewed on its position (on hand + on order): its two units can go before the first is back.
    const tail = product?.tail === true;
    const onOrder = this.onOrder[p] ?? 0;
    if ((!tail && onOrder > 0) || day >= (this.catalog.noRestockFrom[variant] ?? 9999)) return;
    // Nothing more is bought for an item in its last month on sale.
    if (!product || (product.endDay < this.cal.days.length && day >= product.endDay - 30)) return;
    const rate = this.stock.demand(variant, location, ms);
    const lead = this.catalog.leadTime[variant] ?? 14;
    const reorderPoint = Math.ceil(rate * (lead + REVIEW_DAYS) * SAFETY);
    const position = this.stock.available(variant, location) + onOrder;
    if (position > reorderPoint) return;
    // The deep tail is ordered back up to TAIL_SPARE units above its reorder point (a customer's two or three).
    const upTo = tail ? reorderPoint + TAIL_SPARE - position : 0;
    const qty = Math.max(this.stock.batch(variant, location, 1), Math.ceil(rate * (product.coverDays + lead)), upTo);
    const supplier = this.catalog.supplierOf[variant] ?? 1;
    // Each supplier is ordered from once a week, on its own weekday: the line waits for that day.
    const orderDay = day + ((7 - ((day + supplier) % 7)) % 7);
    const start = this.cal.days[orderDay]?.startUtc;
    if (start === undefined) return;
    const sentMs = Math.max(start + 17 * 3_600_000, ms + 1_800_000);
    // Not sent yet at "now": it is still a suggestion on the Reorder page.
    if (sentMs >= this.cal.nowMs - 60_000) return;
    const key = `${orderDay}:${supplier}:${location}`;
    let po = this.open.get(key);
    if (!po) {
      // Suppliers mostly keep their word; some are a few days early or late.
      const actual = Math.max(2, Math.round(lead * (0.8 + this.rng.next() * 0.45)));
      po = {
        id: this.pos.length + 1, supplier, location, day: orderDay, sentMs, expectedMs: sentMs + lead * DAY_MS,
        arrivalDay: orderDay + actual + 1, receivedMs: null, lines: [],
      };
      this.open.set(key, po);
      this.pos.push(po);
      this.arrivals[Math.min(po.arrivalDay, this.cal.days.length)]?.push(po);
    }
    po.sentMs = Math.max(po.sentMs, sentMs);
    po.expectedMs = po.sentMs + lead * DAY_MS;
    // One line per variant on a PO: a tail item ordered again before the PO went out adds to its line.
    const same = tail && onOrder > 0 ? po.lines.find((l) => l.variant === variant) : undefined;
    if (same) same.qty += qty;
    else po.lines.push({ id: ++this.lineId, variant, qty });
    this.onOrder[p] = (this.onOrder[p] ?? 0) + qty;
  }

  /** Deliveries the model counts from day d: received the afternoon before (ledger, receipt), on hand from today. */
  arrive(day: number): void {
    for (const po of this.arrivals[day] ?? []) {
      this.open.delete(`${po.day}:${po.supplier}:${po.location}`);
      const start = this.cal.days[day - 1]?.startUtc ?? (this.cal.days[0]?.startUtc ?? 0) - DAY_MS;
      const ms = Math.max(po.sentMs + 3_600_000, start + (14 + this.rng.next() * 4) * 3_600_000);
      po.receivedMs = ms;
      const receipt = ++this.receiptId;
      this.insertReceipt.run(receipt, po.id, po.location + 1, new Date(ms).toISOString());
      this.writer.rows++;
      for (const line of po.lines) {
        const p = this.stock.pair(line.variant, po.location);
        this.insertReceiptLine.run(receipt, line.id, line.qty, this.catalog.supplierUnitCost[line.variant] ?? 0, this.catalog.cost[line.variant] ?? 0);
        this.stock.write({ variant: line.variant, location: po.location, delta: line.qty, reason: 'receive', ms,
          unitCost: this.catalog.cost[line.variant] ?? null, refType: 'receipt', refId: String(receipt) });
        this.onOrder[p] = (this.onOrder[p] ?? 0) - line.qty;
        this.writer.rows++;
      }
    }
  }

  /** Writes the purchase orders and their lines: received ones, and those still on their way. */
  async write(progress: () => Promise<void>): Promise<number> {
    const insertPo = this.db.prepare(`INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, note,
      expected_at, created_at, updated_at, sent_at, received_at, actor) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 'demo-generator')`);
    const insertLine = this.db.prepare(`INSERT INTO purchase_order_lines (id, purchase_order_id, variant_id, supplier_sku,
      quantity_ordered, quantity_received, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const po of this.pos) {
      const sent = new Date(po.sentMs).toISOString();
      const received = po.receivedMs === null ? null : new Date(po.receivedMs).toISOString();
      insertPo.run(po.id, `PO-${String(po.id).padStart(6, '0')}`, po.supplier, po.location + 1, received ? 'received' : 'sent',
        this.catalog.supplierCurrency[po.supplier - 1] ?? 'USD', new Date(po.expectedMs).toISOString(), sent, received ?? sent, sent, received);
      this.writer.rows++;
      for (const line of po.lines) {
        insertLine.run(line.id, po.id, line.variant + 1, this.catalog.supplierSku[line.variant] ?? null, line.qty,
          received ? line.qty : 0, this.catalog.supplierUnitCost[line.variant] ?? 0);
        this.writer.rows++;
      }
      if (this.writer.rows >= 20_000) await progress();
    }
    return this.pos.length;
  }
}

// Reads of purchase orders: the list with totals, one order with its lines and receipts.
import { variantTitleSql } from '../catalog/store.js';
import type { Db } from '../db/open.js';
import { notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { PurchaseOrder, PurchaseOrderDetail } from './contract.js';
import { createExchangeRateStore } from './exchange-rate-store.js';

const poColumns = `po.id, po.number, po.supplier_id AS supplierId, s.name AS supplier, po.location_id AS locationId, l.name AS location,
  po.status, po.currency, po.note, po.expected_at AS expectedAt, po.created_at AS createdAt, po.sent_at AS sentAt,
  po.received_at AS receivedAt, po.closed_at AS closedAt, po.cancelled_at AS cancelledAt,
  COALESCE((SELECT SUM(quantity_ordered) FROM purchase_order_lines WHERE purchase_order_id = po.id), 0) AS orderedUnits,
  COALESCE((SELECT SUM(quantity_received) FROM purchase_order_lines WHERE purchase_order_id = po.id), 0) AS receivedUnits,
  COALESCE((SELECT SUM(quantity_ordered * unit_cost) FROM purchase_order_lines WHERE purchase_order_id = po.id), 0) AS total,
  (po.status IN ('sent', 'partially_received') AND po.expected_at IS NOT NULL AND po.expected_at < @now) AS overdue`;
const poFrom = 'FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id JOIN locations l ON l.id = po.location_id';

type PoRow = Omit<PurchaseOrder, 'overdue'> & { overdue: number };
const toPo = (row: PoRow): PurchaseOrder => ({ ...row, overdue: row.overdue === 1 });

export interface PoListQuery {
  status?: PurchaseOrder['status'] | undefined;
  supplierId?: number | undefined;
  open: boolean;
  limit: number;
  offset: number;
}

export function createPoStore(db: Db, clock: Clock) {
  const one = db.prepare<{ id: number; now: string }, PoRow>(`SELECT ${poColumns} ${poFrom} WHERE po.id = @id`);
  const lines = db.prepare<[number], PurchaseOrderDetail['lines'][number]>(
    `SELECT pol.id, pol.variant_id AS variantId, v.sku, p.title, ${variantTitleSql} AS options, pol.supplier_sku AS supplierSku,
       pol.quantity_ordered AS quantityOrdered, pol.quantity_received AS quantityReceived,
       MAX(pol.quantity_ordered - pol.quantity_received, 0) AS outstanding, pol.unit_cost AS unitCost,
       pol.quantity_ordered * pol.unit_cost AS lineTotal
     FROM purchase_order_lines pol JOIN variants v ON v.id = pol.variant_id JOIN products p ON p.id = v.product_id
     WHERE pol.purchase_order_id = ? ORDER BY pol.id`,
  );
  const receipts = db.prepare<[number], PurchaseOrderDetail['receipts'][number]>(
    `SELECT r.id, r.location_id AS locationId, l.name AS location, r.received_at AS receivedAt, r.actor, r.note,
       (SELECT COALESCE(SUM(quantity), 0) FROM receipt_lines WHERE receipt_id = r.id) AS units
     FROM receipts r JOIN locations l ON l.id = r.location_id WHERE r.purchase_order_id = ? ORDER BY r.id`,
  );
  const rates = createExchangeRateStore(db);
  const shopCurrency = db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1');
  return {
    /** The shop's currency: costs and stock values are kept in it. */
    shopCurrency: (): string => shopCurrency.get()?.currency ?? 'USD',
    header(id: number): PurchaseOrder {
      const row = one.get({ id, now: clock.now().toISOString() });
      if (!row) throw notFound('Purchase order', id);
      return toPo(row);
    },
    detail(id: number): PurchaseOrderDetail {
      const po = this.header(id);
      const rememberedRate = po.currency === this.shopCurrency() ? null : rates.get(po.supplierId, po.currency);
      return { ...po, lines: lines.all(id), receipts: receipts.all(id), rememberedRate };
    },
    list(query: PoListQuery) {
      const where: string[] = [];
      const params: Record<string, string | number> = { now: clock.now().toISOString() };
      if (query.status) {
        where.push('po.status = @status');
        params.status = query.status;
      }
      if (query.supplierId !== undefined) {
        where.push('po.supplier_id = @supplierId');
        params.supplierId = query.supplierId;
      }
      if (query.open) where.push("po.status IN ('draft', 'sent', 'partially_received')");
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db
        .prepare<Record<string, string | number>, PoRow>(`SELECT ${poColumns} ${poFrom} ${whereSql} ORDER BY po.id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: query.limit, offset: query.offset });
      const { now: _now, ...countParams } = params;
      const total = db.prepare<Record<string, string | number>, { n: number }>(`SELECT COUNT(*) AS n FROM purchase_orders po ${whereSql}`).get(countParams)?.n ?? 0;
      return { rows: rows.map(toPo), total };
    },
  };
}

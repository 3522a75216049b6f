// Suppliers and supplier items (what a supplier sells us, at what cost, in
// which packs and minimums). One preferred supplier item per variant.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { purchasingContract, Supplier } from './contract.js';

type In<M extends keyof typeof purchasingContract> = z.output<(typeof purchasingContract)[M]['input']>;

const supplierColumns = `s.id, s.name, s.contact_name AS contactName, s.email, s.phone, s.currency, s.payment_terms AS paymentTerms,
  s.lead_time_days AS leadTimeDays, s.notes,
  (SELECT COUNT(*) FROM supplier_items si WHERE si.supplier_id = s.id) AS items,
  (SELECT COUNT(*) FROM purchase_orders po WHERE po.supplier_id = s.id AND po.status IN ('draft', 'sent', 'partially_received')) AS openOrders`;
const itemColumns = `si.id, si.supplier_id AS supplierId, s.name AS supplier, si.variant_id AS variantId, v.sku, p.title,
  si.supplier_sku AS supplierSku, si.cost, si.pack_size AS packSize, si.moq, si.lead_time_days AS leadTimeDays, si.is_preferred AS preferred`;
const itemFrom = 'FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id JOIN variants v ON v.id = si.variant_id JOIN products p ON p.id = v.product_id';

type ItemRow = Omit<z.output<(typeof purchasingContract)['supplierItems.upsert']['output']>, 'preferred'> & { preferred: number };
const toItem = (row: ItemRow) => ({ ...row, preferred: row.preferred === 1 });

export function createSupplierService(db: Db, clock: Clock) {
  const byId = db.prepare<[number], Supplier>(`SELECT ${supplierColumns} FROM suppliers s WHERE s.id = ?`);
  const get = (supplierId: number): Supplier => {
    const found = byId.get(supplierId);
    if (!found) throw notFound('Supplier', supplierId);
    return found;
  };
  const nameTaken = (name: string, exceptId: number) => {
    const other = db.prepare<[string, number], { id: number }>('SELECT id FROM suppliers WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId);
    if (other) {
      throw new AppError('CONFLICT', `A supplier named "${name}" already exists; nothing was changed.`, {
        key: 'supplierNameTaken',
        params: { name },
        issues: [{ path: 'name', key: 'supplierNameTaken', message: `name: "${name}" is already used` }],
      });
    }
  };

  const create = db.transaction((input: In<'suppliers.create'>) => {
    nameTaken(input.name, 0);
    const at = clock.now().toISOString();
    return Number(
      db
        .prepare(
          `INSERT INTO suppliers (name, contact_name, email, phone, currency, payment_terms, lead_time_days, notes, created_at, updated_at)
           VALUES (@name, @contactName, @email, @phone, @currency, @paymentTerms, @leadTimeDays, @notes, @at, @at)`,
        )
        .run({ ...input, email: input.email || null, at }).lastInsertRowid,
    );
  });

  const update = db.transaction((input: In<'suppliers.update'>) => {
    const current = get(input.supplierId);
    if (input.name !== undefined) nameTaken(input.name, input.supplierId);
    const next = { ...current, ...input };
    db.prepare(
      `UPDATE suppliers SET name = @name, contact_name = @contactName, email = @email, phone = @phone, currency = @currency,
         payment_terms = @paymentTerms, lead_time_days = @leadTimeDays, notes = @notes, updated_at = @at WHERE id = @supplierId`,
    ).run({
      name: next.name,
      contactName: next.contactName,
      email: next.email || null,
      phone: next.phone,
      currency: next.currency,
      paymentTerms: next.paymentTerms,
      leadTimeDays: next.leadTimeDays,
      notes: next.notes,
      at: clock.now().toISOString(),
      supplierId: input.supplierId,
    });
  });

  const upsertItem = db.transaction((input: In<'supplierItems.upsert'>) => {
    get(input.supplierId);
    if (!db.prepare('SELECT 1 FROM variants WHERE id = ?').get(input.variantId)) {
      throw validationError('The supplier item was refused: that variant does not exist.', [
        { path: 'variantId', key: 'unknownVariant', message: `variantId: variant ${input.variantId} does not exist` },
      ]);
    }
    if (input.preferred) db.prepare('UPDATE supplier_items SET is_preferred = 0 WHERE variant_id = ?').run(input.variantId);
    db.prepare(
      `INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred)
       VALUES (@supplierId, @variantId, @supplierSku, @cost, @packSize, @moq, @leadTimeDays, @preferred)
       ON CONFLICT (supplier_id, variant_id) DO UPDATE SET supplier_sku = excluded.supplier_sku, cost = excluded.cost,
         pack_size = excluded.pack_size, moq = excluded.moq, lead_time_days = excluded.lead_time_days, is_preferred = excluded.is_preferred`,
    ).run({ ...input, preferred: input.preferred ? 1 : 0 });
    return db.prepare<[number, number], ItemRow>(`SELECT ${itemColumns} ${itemFrom} WHERE si.supplier_id = ? AND si.variant_id = ?`).get(input.supplierId, input.variantId);
  });

  return {
    get,
    list: (search: string) => ({
      suppliers: db
        .prepare<[string], Supplier>(`SELECT ${supplierColumns} FROM suppliers s WHERE s.name LIKE '%' || ? || '%' ORDER BY s.name`)
        .all(search),
    }),
    create: (input: In<'suppliers.create'>) => get(create(input)),
    update: (input: In<'suppliers.update'>) => {
      update(input);
      return get(input.supplierId);
    },
    items(input: In<'supplierItems.list'>) {
      const where: string[] = [];
      const params: number[] = [];
      for (const [column, value] of [['si.supplier_id', input.supplierId], ['si.variant_id', input.variantId]] as const) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        params.push(value);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db.prepare<unknown[], ItemRow>(`SELECT ${itemColumns} ${itemFrom} ${whereSql} ORDER BY s.name, v.sku LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset);
      const total = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM supplier_items si ${whereSql}`).get(...params)?.n ?? 0;
      return { rows: rows.map(toItem), total };
    },
    upsertItem(input: In<'supplierItems.upsert'>) {
      const row = upsertItem(input);
      if (!row) throw notFound('Supplier item', input.variantId);
      return toItem(row);
    },
    removeItem: (supplierItemId: number) => ({ removed: db.prepare('DELETE FROM supplier_items WHERE id = ?').run(supplierItemId).changes > 0 }),
  };
}

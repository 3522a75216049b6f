// Suppliers by name: new names are created (currency defaults to the shop's),
// known names get the columns the file carries updated.
import { currencySchema } from '../../settings/contract.js';
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { diff, FirstSeen, outcomeOf, recordChanges, recordCreated, type Change } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';

const fields: FieldSpec[] = [
  { key: 'name', type: 'text', en: 'Name', zh: '供应商', synonyms: ['supplier', 'supplier name', 'vendor', '供应商名称', '名称', '厂家'], required: 'always' },
  { key: 'contactName', type: 'text', en: 'Contact', zh: '联系人', synonyms: ['contact name', 'contact person'] },
  { key: 'email', type: 'text', en: 'Email', zh: '邮箱', synonyms: ['e-mail', 'mail', '电子邮件', '电子邮箱'] },
  { key: 'phone', type: 'text', en: 'Phone', zh: '电话', synonyms: ['telephone', 'mobile', '手机', '联系电话'] },
  { key: 'currency', type: 'text', en: 'Currency', zh: '币种', synonyms: ['货币'] },
  { key: 'paymentTerms', type: 'text', en: 'Payment terms', zh: '付款条件', synonyms: ['terms', '账期', '结算方式'] },
  { key: 'leadTimeDays', type: 'integer', en: 'Lead time (days)', zh: '交期', synonyms: ['lead time', 'lead time days', '采购周期', '交期(天)', '交货期'] },
  { key: 'notes', type: 'text', en: 'Notes', zh: '备注', synonyms: ['note', 'remarks', '说明'] },
];

/** Plan field -> suppliers column. */
const columns: Record<string, string> = {
  contactName: 'contact_name',
  email: 'email',
  phone: 'phone',
  currency: 'currency',
  paymentTerms: 'payment_terms',
  leadTimeDays: 'lead_time_days',
  notes: 'notes',
};

interface StoredSupplier {
  id: number;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  paymentTerms: string | null;
  leadTimeDays: number;
  notes: string;
  [key: string]: string | number | null;
}

type Values = Partial<Record<keyof typeof columns, string | number | null>>;

function plan(input: PlanInput) {
  const { db } = input;
  const stored = new Map(
    db
      .prepare<[], StoredSupplier>(
        `SELECT id, name, contact_name AS contactName, email, phone, currency, payment_terms AS paymentTerms,
                lead_time_days AS leadTimeDays, notes FROM suppliers`,
      )
      .all()
      .map((row) => [row.name.toLowerCase(), row]),
  );
  const shopCurrency = (db.prepare('SELECT currency FROM shop_settings WHERE id = 1').get() as { currency: string } | undefined)?.currency ?? 'USD';
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: { name: string; existing: StoredSupplier | undefined; values: Values; changes: Change[] }[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: input.options.blankClears, decimalComma: input.decimalComma });
    const name = reader.raw('name');
    reader.require('name', name);
    if (name !== '') seen.check(reader, 'name', name);
    const currency = reader.read('currency', (cell) => {
      const parsed = currencySchema.safeParse(String(cell).trim().toUpperCase());
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'notAChoice' };
    });
    const notes = reader.prose('notes', 2000); // a leading TAB is the author's indentation
    const values: Values = {
      contactName: reader.text('contactName', 200),
      email: reader.text('email', 200),
      phone: reader.text('phone', 60),
      currency: currency === null ? undefined : currency,
      paymentTerms: reader.text('paymentTerms', 200),
      leadTimeDays: reader.integer('leadTimeDays', 0) ?? undefined,
      // notes is NOT NULL: clearing it means the empty text.
      notes: notes === null ? '' : notes,
    };
    const existing = stored.get(name.toLowerCase());
    if (!existing && values.currency === undefined) values.currency = shopCurrency;
    const changes = existing ? diff(existing, values) : [];
    const outcome = outcomeOf(reader, existing !== undefined, changes);
    rows.push({ row: row.rowNumber, outcome, key: name, label: name, changes: existing ? changes : createdFields(values), issues: reader.issues });
    if (outcome === 'create' || outcome === 'update') writes.push({ name, existing, values, changes });
  }
  return { rows, writes };
}

function createdFields(values: Values): Change[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([field, value]) => ({ field, before: null, after: value ?? null }));
}

export const suppliersTarget: ImportTarget = {
  id: 'suppliers',
  fields,
  needs: [],
  template: {
    fields: ['name', 'contactName', 'email', 'phone', 'currency', 'paymentTerms', 'leadTimeDays', 'notes'],
    example: ['Hangzhou Textiles', 'Li Wei', 'sales@example.com', '+86 571 0000 0000', 'CNY', '30 days', 21, ''],
  },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const now = ctx.clock.now().toISOString();
        const insert = ctx.db.prepare(
          `INSERT INTO suppliers (name, contact_name, email, phone, currency, payment_terms, lead_time_days, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const write of planned.writes) {
          const v = write.values;
          if (!write.existing) {
            const id = Number(
              insert.run(write.name, v.contactName ?? null, v.email ?? null, v.phone ?? null, v.currency, v.paymentTerms ?? null, v.leadTimeDays ?? 14, v.notes ?? '', now, now)
                .lastInsertRowid,
            );
            recordCreated(ctx, 'suppliers', id);
          } else {
            const sets = write.changes.map((change) => `${columns[change.field] ?? ''} = ?`).join(', ');
            ctx.db.prepare(`UPDATE suppliers SET ${sets}, updated_at = ? WHERE id = ?`).run(...write.changes.map((c) => c.after), now, write.existing.id);
            recordChanges(ctx, 'suppliers', write.existing.id, write.changes, columns);
          }
          yield;
        }
      },
    };
  },
};

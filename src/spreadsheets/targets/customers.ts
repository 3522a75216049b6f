// Customers by e-mail (case-insensitive): new e-mails are created, known ones
// get the columns the file carries updated.
import type { RowPlan } from '../contract.js';
import { RowReader } from '../row-reader.js';
import { diff, FirstSeen, outcomeOf, recordChanges, recordCreated, type Change } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';

const fields: FieldSpec[] = [
  {
    key: 'email',
    type: 'text',
    en: 'Email',
    zh: '邮箱',
    synonyms: ['e-mail', 'email address', 'customer email', 'billing email', '电子邮件', '电子邮箱', '邮箱地址', '客户邮箱', '买家邮箱'],
    required: 'always',
  },
  {
    key: 'name',
    type: 'text',
    en: 'Name',
    zh: '姓名',
    synonyms: ['customer name', 'full name', 'customer', 'billing name', '客户名称', '客户姓名', '名称', '客户', '买家姓名', '收货人'],
    required: 'create',
  },
  { key: 'phone', type: 'text', en: 'Phone', zh: '电话', synonyms: ['telephone', 'mobile', 'phone number', 'default address phone', 'billing phone', '手机', '手机号', '手机号码', '联系电话'] },
  { key: 'city', type: 'text', en: 'City', zh: '城市', synonyms: ['town', 'default address city', 'billing city', '市', '所在城市'] },
  { key: 'country', type: 'text', en: 'Country', zh: '国家', synonyms: ['country code', 'default address country code', 'billing country', '国家/地区', '国家代码'] },
];
const columns: Record<string, string> = { name: 'name', phone: 'phone', city: 'city', country: 'country' };
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface StoredCustomer {
  id: number;
  email: string;
  name: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  [key: string]: string | number | null;
}

type Values = Partial<Record<'name' | 'phone' | 'city' | 'country', string | null>>;

function plan(input: PlanInput) {
  const stored = new Map(
    input.db
      .prepare<[], StoredCustomer>('SELECT id, email, name, phone, city, country FROM customers WHERE email IS NOT NULL')
      .all()
      .map((row) => [row.email.toLowerCase(), row]),
  );
  const seen = new FirstSeen();
  const rows: RowPlan[] = [];
  const writes: { email: string; existing: StoredCustomer | undefined; values: Values; changes: Change[] }[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: input.options.blankClears, decimalComma: input.decimalComma });
    const email = reader.raw('email');
    reader.require('email', email);
    if (email !== '' && !emailShape.test(email)) reader.issue('email', 'notEmail', { value: email });
    else if (email !== '') seen.check(reader, 'email', email);
    const existing = stored.get(email.toLowerCase());
    const name = reader.text('name', 200);
    const values: Values = { name: name === null ? undefined : name, phone: reader.text('phone', 60), city: reader.text('city', 120), country: reader.text('country', 120) };
    if (!existing) reader.require('name', values.name);
    const changes = existing ? diff(existing, values) : [];
    const outcome = outcomeOf(reader, existing !== undefined, changes);
    const shown = existing ? changes : Object.entries(values).flatMap(([field, value]) => (value ? [{ field, before: null, after: value }] : []));
    rows.push({ row: row.rowNumber, outcome, key: email, label: values.name ?? existing?.name ?? '', changes: shown, issues: reader.issues });
    if (outcome === 'create' || outcome === 'update') writes.push({ email, existing, values, changes });
  }
  return { rows, writes };
}

export const customersTarget: ImportTarget = {
  id: 'customers',
  fields,
  needs: [],
  template: { fields: ['email', 'name', 'phone', 'city', 'country'], example: ['li.na@example.com', '李娜', '+86 138 0000 0000', 'Hangzhou', 'CN'] },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const at = ctx.clock.now().toISOString();
        const insert = ctx.db.prepare('INSERT INTO customers (email, name, phone, city, country, created_at) VALUES (?, ?, ?, ?, ?, ?)');
        for (const write of planned.writes) {
          const v = write.values;
          if (!write.existing) {
            recordCreated(ctx, 'customers', Number(insert.run(write.email, v.name, v.phone ?? null, v.city ?? null, v.country ?? null, at).lastInsertRowid));
          } else {
            const sets = write.changes.map((change) => `${columns[change.field] ?? ''} = ?`).join(', ');
            ctx.db.prepare(`UPDATE customers SET ${sets} WHERE id = ?`).run(...write.changes.map((c) => c.after), write.existing.id);
            recordChanges(ctx, 'customers', write.existing.id, write.changes, columns);
          }
          yield;
        }
      },
    };
  },
};

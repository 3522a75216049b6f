// Calls through a real core with the audit recorder around them, as the router's
// `around` hook does (src/audit/wiring.ts), run as a named person. When the core
// records calls itself (the hook wired), its row is the one returned and the person
// is whoever the core's guard resolved (the owner, for in-process calls).
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract.js';
import { createAuditRecorder } from '../../../src/audit/recorder.js';
import { createAuditService } from '../../../src/audit/service.js';
import type { AuditRowView } from '../../../src/audit/contract.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { permissionNames } from '../../../src/team/permission-names.js';
import { runAs, type Caller } from '../../../src/team/call-context.js';
import type { TestShop } from '../shop-harness.js';
import { testNow } from '../temp-shop.js';

/** A shop the harness can call and read (the plain test shop, the channels shop). */
export type AuditedShop = Pick<TestShop, 'db' | 'ok'>;

export const mei: Caller = {
  personId: 7,
  login: 'mei',
  name: 'Mei Chen',
  permissions: new Set(permissionNames),
  origin: 'serve',
};

const auditCount = (shop: AuditedShop): number => (shop.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

export interface AuditedCall<M extends MethodName> {
  value: MethodOutput<M>;
  /** The call's audit row, read back through the service (as audit.get shows it). */
  row: AuditRowView;
  /** The person the row should name: Mei, or the core's own caller when the core recorded the call. */
  expectedPerson: string;
}

export async function audited<M extends MethodName>(shop: AuditedShop, method: M, input: MethodInput<M>, caller: Caller = mei): Promise<AuditedCall<M>> {
  const recorder = createAuditRecorder(shop.db, fixedClock(testNow), (error) => {
    throw error;
  });
  return runAs(caller, async () => {
    // before() may first record changes made outside any call (the seeding): counted from after it.
    const mark = recorder.before();
    const rowsBefore = auditCount(shop);
    const value = await shop.ok(method, input);
    const coreRecorded = auditCount(shop) > rowsBefore;
    // The core's own row, when it has one, is the record; the recorder here then only closes its mark.
    if (!coreRecorded) recorder.after(mark, { method, input, ok: true, output: value });
    const service = createAuditService(shop.db, fixedClock(testNow));
    const newest = service.list({}, { offset: 0, limit: 1 }, true).rows[0];
    if (!newest) throw new Error(`${method} left no audit row`);
    return { value, row: service.get(newest.id, 0, 500, true).row, expectedPerson: coreRecorded ? 'Owner' : caller.name };
  });
}

/** The change of one field of one row, if the audit row has it. */
export function changeOf(row: AuditRowView, table: string, field: string) {
  return row.changes.find((change) => change.table === table && change.field === field);
}

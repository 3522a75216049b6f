// Jobs record themselves: an import applied on its own connection writes its audit row
// in its own transaction, with the rows it created and origin "import".
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditService, verifyChain } from '../../../src/audit/service.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { applyImport, openImport } from '../imports/import-harness.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { changeOf, mei } from './audit-harness.js';
import { runAs } from '../../../src/team/call-context.js';
import { channelsShop, type ChannelsShop } from '../sync/channels-harness.js';

let shop: TestShop | undefined;
let channels: ChannelsShop | undefined;
afterEach(async () => {
  await shop?.close();
  await channels?.close();
  shop = undefined;
  channels = undefined;
  removeTempDirs();
});

describe('jobs in the audit log', () => {
  it('an applied supplier import is one row from origin import, with the suppliers it created', async () => {
    shop = testShop();
    const csv = 'Supplier,Currency,Lead time\nAcme Tea Co,USD,10\nHangzhou Tea,CNY,21\n';
    const session = await openImport(shop, 'suppliers', 'suppliers.csv', csv);
    const job = await applyImport(shop, session.sessionId);
    expect(job.status).toBe('succeeded');
    const service = createAuditService(shop.db, fixedClock(testNow));
    const { rows } = service.list({ kind: 'importApplied' }, { offset: 0, limit: 10 }, true);
    expect(rows).toHaveLength(1);
    const row = service.get(rows[0]?.id ?? 0, 0, 100, true).row;
    expect(row).toMatchObject({ origin: 'import', area: 'imports', subject: 'import:suppliers.csv' });
    const names = row.changes.filter((c) => c.table === 'suppliers' && c.field === 'name').map((c) => c.after);
    expect(names.sort()).toEqual(['Acme Tea Co', 'Hangzhou Tea']);
    expect(changeOf(row, 'suppliers', 'lead_time_days')?.before).toBeNull();
    // Its captured rows were folded in its transaction: none are left for another call to take.
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM audit_capture').get()).toEqual({ n: 0 });
    expect(verifyChain(shop.db).ok).toBe(true);
  });

  it('a sync pull that brought orders in is one row from origin sync, by the shop itself', async () => {
    channels = await channelsShop();
    const s = channels;
    const channelId = await s.connect();
    expect((await s.job((await s.ok('links.scan', { channelId })).jobId)).status).toBe('succeeded');
    await s.ok('links.apply', { channelId, links: 'allMatched' });
    s.emulator.sideDoor.createOrder([{ sku: s.variant.sku, quantity: 2 }]);
    // The pass runs on the sync runtime's own queue, as the shop; the person's "Sync now" is its own row (sync.run).
    const { jobId } = await runAs(mei, () => s.ok('sync.run', { channelId, what: 'pull' }));
    expect((await s.job(jobId)).status).toBe('succeeded');
    const service = createAuditService(s.db, fixedClock(testNow));
    const rows = service.list({ kind: 'ordersPulled' }, { offset: 0, limit: 10 }, true).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ origin: 'sync', area: 'channels', subject: `channel:${channelId}` });
    expect(rows[0]).toMatchObject({ personId: 0, personName: 'Shopdesk' });
    expect(service.get(rows[0]?.id ?? 0, 0, 10, true).extra).toMatchObject({ channelId, created: 1 });
    // A pull that brought nothing adds no row (the scheduler pulls every few minutes).
    expect((await s.job((await s.ok('sync.run', { channelId, what: 'pull' })).jobId)).status).toBe('succeeded');
    expect(service.list({ kind: 'ordersPulled' }, { offset: 0, limit: 10 }, true).total).toBe(1);
  });
});

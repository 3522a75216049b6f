import { afterEach, expect, it } from 'vitest';
import { appendAudit } from '../../../src/audit/recorder.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { writeMarks } from '../../../src/spreadsheets/session.js';
import { testShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';

afterEach(() => removeTempDirs());

// An import's preview is reused by its apply only while the shop is unchanged; the rows the audit
// writes (the backup made before the import, the call that starts it) must not count as a change,
// or every 100,000-row import would plan itself twice.
it('writing the audit log does not make an import preview stale; a change to the shop does', async () => {
  const shop = testShop();
  try {
    const before = writeMarks(shop.db);
    appendAudit(shop.db, fixedClock(testNow), { kind: 'backup', area: 'backups', summary: 'automatic backup (beforeImport)' });
    expect(writeMarks(shop.db)).toEqual(before);
    shop.db.prepare("UPDATE shop_settings SET name = 'Renamed' WHERE id = 1").run();
    expect(writeMarks(shop.db)).not.toEqual(before);
    // Recording that change (its captured row folded into a log row) is again the audit's own write.
    const changed = writeMarks(shop.db);
    appendAudit(shop.db, fixedClock(testNow), { kind: 'settings.update', area: 'settings' });
    expect(writeMarks(shop.db)).toEqual(changed);
  } finally {
    await shop.close();
  }
});

// Second look at "stock edited on the channel" items after orders come in. The push worker judges a
// refused compare-and-set against the channel orders it knows; an order placed on the channel
// between the last pull and that push is not known yet, so the lower remote figure looks like a
// person's edit. After each pull, every open remote_stock_edit item of the channel is judged again
// with the orders now in: when last synced − net units sold since then equals the remote figure
// the item saw, it was the channel's own sales, and the item closes itself (logged), so the
// review queue only keeps what a person really changed on the channel.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { createPushStore } from './push-store.js';
import { reason } from './reasons.js';

const editValues = z.object({
  lastSynced: z.number().int().nullable(),
  syncedAt: z.string().nullable(),
  remote: z.number().int(),
});

const subjectVariant = /^variant:(\d+):stock$/;

export function createRemoteEditRecheck(db: Db) {
  const open = db.prepare<[number], { id: number; subject: string; vals: string }>(
    `SELECT id, subject, vals FROM review_queue WHERE channel_id = ? AND kind = 'remote_stock_edit' AND status = 'open' ORDER BY id`,
  );
  const close = db.prepare<[string, string, number]>(
    `UPDATE review_queue SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ? AND status = 'open'`,
  );
  const push = createPushStore(db);

  /** Closes the items the channel's own orders explain; returns how many. */
  const recheck = db.transaction((channelId: number, at: string): number => {
    let closed = 0;
    for (const item of open.all(channelId)) {
      const variant = subjectVariant.exec(item.subject)?.[1];
      let parsed: unknown;
      try {
        parsed = JSON.parse(item.vals);
      } catch {
        continue;
      }
      const values = editValues.safeParse(parsed);
      // Items written before syncedAt was recorded cannot be judged again: they stay for a person.
      if (variant === undefined || !values.success || values.data.lastSynced === null || values.data.syncedAt === null) continue;
      const sold = push.soldSince(channelId, Number(variant), values.data.syncedAt);
      if (values.data.lastSynced - sold !== values.data.remote) continue;
      if (close.run(at, at, item.id).changes === 0) continue;
      closed += 1;
      push.log({
        channelId,
        at,
        summary: reason('sync.log.remoteEditExplained', { variantId: Number(variant), remote: values.data.remote, sold }),
        requestExcerpt: null,
        answerExcerpt: null,
      });
    }
    return closed;
  });
  return { recheck };
}

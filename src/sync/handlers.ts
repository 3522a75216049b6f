// The sync area's methods (contract.ts): channels.* through the channel service, sync.run and
// links.scan as jobs (progress, cancel), links.* through the linker, review.* through the review
// service, sync.log from the log table. At most one pass per channel: a second sync.run while a
// sync.run job is running joins it (same job id); while a scheduled pass runs it is refused with
// 'syncRunning'.
import type { AreaContext } from '../area-context.js';
import { cancelledError, type JobRunner } from '../jobs/runner.js';
import type { AreaHandlers } from '../router.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import { reapplyHeldOrders } from './channel-order-writer.js';
import { createChannelService } from './channel-service.js';
import type { Connector } from './connector.js';
import { channelStoreOf } from './channel-store.js';
import type { syncContract } from './contract.js';
import { notConnectable, parseSettings } from './engine.js';
import { applyLinks, importRemoteOnly, matchCatalog, reviewRows, unlink, type LinkCounts } from './linker.js';
import { readRemoteCatalog } from './remote-catalog.js';
import { remoteFailure } from './remote-errors.js';
import { listReview, resolveReview, type ReviewAction } from './review-service.js';
import type { SyncRuntime } from './runtime.js';
import type { PassKind, PassSummary } from './sync-run.js';

export interface SyncHandlerDeps {
  jobs: JobRunner;
  runtime: SyncRuntime;
}

const textParams = (text: string): Record<string, string | number> => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
  } catch {
    return {};
  }
};

export function createSyncHandlers(area: AreaContext, deps: SyncHandlerDeps): AreaHandlers<typeof syncContract> {
  const { runtime, jobs } = deps;
  const { scheduler, engine } = runtime;
  const service = createChannelService({
    db: area.db,
    clock: area.clock,
    engine,
    sealer: runtime.sealer,
    emit: area.emit,
    isRunning: (id) => scheduler.isRunning(id),
    cancelPass: (id) => scheduler.cancel(id),
    wake: () => scheduler.wake(),
  });
  const changed = (channelId: number) => area.emit({ name: 'sync.status', payload: { channelId } });
  const countsOf = (channelId: number): LinkCounts => reviewRows(area.db(), channelId, 'linked', 0, 1).counts;

  /** Links just made may free orders held for unlinked lines. */
  const afterLinking = (channelId: number): void => {
    const { reapplied } = reapplyHeldOrders(area.db(), area.clock, channelId);
    if (reapplied > 0) area.emit({ name: 'data.changed', payload: { areas: ['orders', 'stock'] } });
    changed(channelId);
  };

  /** A connected (or failing), unpaused channel: the ones a sync may run for. */
  const runnable = (channelId: number): void => {
    const row = channelStoreOf(area.db()).get(channelId);
    if (!row) throw notFound('channel', channelId);
    const settings = parseSettings(row.settings);
    if (!settings || (row.syncStatus !== 'connected' && row.syncStatus !== 'failing')) throw notConnectable(channelId);
    if (settings.paused) throw new AppError('CONFLICT', 'The channel is paused; resume it to sync.', { key: 'channelPaused', params: { channelId } });
  };

  const startRun = (channelId: number, what: PassKind): { jobId: string } => {
    runnable(channelId);
    const current = scheduler.running(channelId);
    if (current?.jobId) return { jobId: current.jobId };
    if (current) throw new AppError('CONFLICT', 'A scheduled sync of this channel is running now; it will finish shortly.', { key: 'syncRunning', params: { channelId } });
    const controller = new AbortController();
    let report: ((done: number, total: number, phase: string) => void) | null = null;
    let pass: Promise<PassSummary> | null = null;
    const job = jobs.start('sync.run', 'jobs.kind.syncRun', async (ctx) => {
      ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
      report = (done, total, phase) => ctx.progress(done, total, phase);
      if (!pass) throw cancelledError();
      const summary = await pass;
      if (summary.failure) throw summary.failure;
    });
    try {
      pass = scheduler.launch(channelId, what, { jobId: job.id, signal: controller.signal, onProgress: (done, total, phase) => report?.(done, total, phase) });
    } catch (error) {
      jobs.cancel(job.id); // shutting down: the job ends as cancelled
      throw error;
    }
    return { jobId: job.id };
  };

  return {
    'channels.list': () => ({ channels: service.list() }),
    'channels.get': ({ channelId }) => service.get(channelId),
    'channels.test': (input) => service.test(input),
    'channels.connect': (input) => service.connect(input),
    'channels.update': (input) => service.update(input),
    'channels.pause': ({ channelId }) => service.pause(channelId),
    'channels.resume': ({ channelId }) => service.resume(channelId),
    'channels.disconnect': ({ channelId }) => service.disconnect(channelId),
    'channels.mapLocation': (input) => service.mapLocation(input),
    'channels.setVariantRule': (input) => service.setVariantRule(input),

    'sync.run': ({ channelId, what }) => startRun(channelId, what),
    'sync.log': ({ channelId, direction, offset, limit }) => {
      if (!channelStoreOf(area.db()).get(channelId)) throw notFound('channel', channelId);
      const page = channelStoreOf(area.db()).logPage(channelId, direction ?? null, offset, limit);
      return {
        total: page.total,
        rows: page.rows.map((row) => ({
          id: row.id,
          channelId: row.channelId,
          at: row.at,
          direction: row.direction,
          summary: { key: row.summaryKey, params: textParams(row.summaryParams) },
          requestExcerpt: row.requestExcerpt,
          answerExcerpt: row.answerExcerpt,
        })),
      };
    },

    'links.scan': ({ channelId }) => {
      runnable(channelId);
      const job = jobs.start('links.scan', 'jobs.kind.linkScan', async (ctx) => {
        let connector: Connector;
        try {
          connector = engine.connectorFor(channelId);
        } catch (error) {
          throw remoteFailure(error);
        }
        try {
          await readRemoteCatalog({
            db: area.db(),
            connector,
            channelId,
            clock: area.clock,
            mode: 'full',
            signal: ctx.signal,
            onProgress: (done, total) => ctx.progress(done, total ?? done, 'jobs.phase.readCatalog'),
          });
        } catch (error) {
          if (ctx.signal.aborted) ctx.throwIfCancelled();
          throw remoteFailure(error);
        }
        ctx.throwIfCancelled();
        matchCatalog(area.db(), channelId, area.clock.now().toISOString());
        changed(channelId);
      });
      return { jobId: job.id };
    },
    'links.review': ({ channelId, filter, search, offset, limit }) => {
      const page = reviewRows(area.db(), channelId, filter, offset, limit, search);
      return { ...page, scannedAt: channelStoreOf(area.db()).scannedAt(channelId) };
    },
    'links.apply': ({ channelId, links }) => {
      const { linked } = applyLinks(area.db(), area.clock, channelId, links);
      if (linked > 0) afterLinking(channelId);
      return { linked, counts: countsOf(channelId) };
    },
    'links.unlink': ({ channelId, variantIds }) => {
      const { unlinked } = unlink(area.db(), area.clock, channelId, variantIds);
      changed(channelId);
      return { unlinked, counts: countsOf(channelId) };
    },
    'links.importRemote': ({ channelId, remoteVariantIds, openingStockLocationId }) => {
      const result = importRemoteOnly(area.db(), area.clock, area.actor(), channelId, remoteVariantIds, { openingStockLocationId: openingStockLocationId ?? null });
      if (result.products > 0) area.emit({ name: 'data.changed', payload: { areas: ['catalog', 'history'] } });
      if (result.linked > 0) afterLinking(channelId);
      if (openingStockLocationId) area.emit({ name: 'data.changed', payload: { areas: ['stock'] } });
      return { products: result.products, variants: result.variants, skipped: result.skipped, droppedBarcodes: result.droppedBarcodes, counts: countsOf(channelId) };
    },

    'review.list': (input) => listReview(area.db(), input),
    'review.resolve': ({ itemId, action, variantId }) => {
      let chosen: ReviewAction;
      if (action === 'link') {
        if (variantId === undefined) {
          throw validationError('Choose the local variant to link the line to.', [{ path: 'variantId', key: 'required', message: 'variantId: required to link' }]);
        }
        chosen = { kind: 'link', variantId };
      } else chosen = action;
      const item = resolveReview({ db: area.db(), clock: area.clock, actor: area.actor() }, itemId, chosen);
      area.emit({ name: 'data.changed', payload: { areas: ['orders', 'stock', 'catalog'] } });
      changed(item.channelId);
      return item;
    },
  };
}

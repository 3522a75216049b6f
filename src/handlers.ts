// Every method of the contract, wired to the area services. Methods other than
// shop.* and jobs.* need a shop (empty or demo) to exist first.
import type { AreaContext } from './area-context.js';
import { createCatalogEditHandlers } from './catalog/handlers.js';
import { createBulkHandlers } from './catalog/bulk-handlers.js';
import { createExportHandlers } from './exports/handlers.js';
import { createProductInsightsHandlers } from './catalog/insights-handlers.js';
import type { CoreEvent } from './events.js';
import { createInventoryHandlers } from './inventory/handlers.js';
import { createStocktakeHandlers } from './inventory/stocktake-handlers.js';
import type { JobRunner } from './jobs/runner.js';
import { createPurchasingHandlers } from './purchasing/handlers.js';
import { createReorderHandlers } from './purchasing/reorder-handlers.js';
import type { Handlers } from './router.js';
import { shopNotReady } from './settings/service.js';
import { AppError } from './shared/app-error.js';
import type { Clock } from './shared/clock.js';
import { currentVersion } from './db/migrate.js';
import type { ShopDatabase } from './shop/database.js';
import type { DemoSize } from './shop/contract.js';
import type { Locale } from './settings/contract.js';
import type { Db } from './db/open.js';
import { createImportHandlers } from './spreadsheets/handlers.js';
import { createAnalyticsHandlers } from './analytics/handlers.js';
import { createProductAnalyticsHandlers } from './analytics/products-handlers.js';
import { createRetentionHandlers } from './analytics/retention-handlers.js';
import { createInventoryAnalyticsHandlers } from './analytics/inventory-handlers.js';
import { createReportHandlers } from './reports/handlers.js';
import { createAlertHandlers } from './alerts/handlers.js';
import { createSyncHandlers } from './sync/handlers.js';
import type { SyncRuntime } from './sync/runtime.js';
import { createPromotionHandlers } from './promotions/handlers.js';
import { createCouponHandlers } from './promotions/coupon-handlers.js';
import { createPromotionInsightHandlers } from './promotions/insight-handlers.js';
import { createTeamHandlers } from './team/handlers.js';
import { founderNames } from './team/people-service.js';
import { createAuditHandlers } from './audit/handlers.js';
import type { TeamRuntime } from './team/team-runtime.js';
import { currentActor } from './team/call-context.js';
import { createBackupHandlers } from './backup/handlers.js';

export interface HandlerContext {
  shop(): ShopDatabase;
  jobs: JobRunner;
  clock: Clock;
  appVersion: string;
  emit(event: CoreEvent): void;
  startDemo(input: { size: DemoSize; seed?: number | undefined; locale?: Locale | undefined }): string;
  /** A second connection to the shop file (an import's transaction runs on it). */
  openWriter(): Db;
  /** Where weekly reports are saved (the `reports` folder next to the shop file). */
  reportsDir: string;
  /** Marketplace sync: connectors per channel, the scheduler, the credential sealer. */
  sync: SyncRuntime;
  /** People, sessions and sign-in. */
  team: TeamRuntime;
}

export function shopExists(): AppError {
  return new AppError('CONFLICT', 'This database already holds a shop; it was left unchanged.', {
    key: 'shopExists',
  });
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const ready = (): ShopDatabase => {
    const shop = ctx.shop();
    if (!shop.settingsStore.get()) throw shopNotReady();
    return shop;
  };
  // What each area's handlers get; later areas spread their handlers in below.
  const area: AreaContext = {
    db: () => ready().db,
    clock: ctx.clock,
    actor: currentActor,
    emit: ctx.emit,
  };
  // Named, so exports.grid can call the list handlers it exports from.
  const handlers: Handlers = {
    'shop.status': () => {
      const shop = ctx.shop();
      const settings = shop.settingsStore.get();
      return {
        ready: settings !== null,
        settings,
        schemaVersion: currentVersion(shop.db),
        appVersion: ctx.appVersion,
      };
    },
    'shop.createEmpty': (input) => {
      const shop = ctx.shop();
      if (shop.settingsStore.get()) throw shopExists();
      shop.settingsStore.insert(input, ctx.clock.now().toISOString());
      ctx.team.store().nameFounder(founderNames[input.locale], ctx.clock.now().toISOString());
      ctx.team.invalidate();
      ctx.emit({ name: 'shop.changed', payload: { reason: 'created' } });
      return shop.settings.get();
    },
    'shop.createDemo': (input) => ({ jobId: ctx.startDemo(input) }),
    'settings.get': () => ready().settings.get(),
    'settings.update': (input) => {
      const updated = ready().settings.update(input);
      ctx.emit({ name: 'shop.changed', payload: { reason: 'settings' } });
      return updated;
    },
    'jobs.list': () => ({ jobs: ctx.jobs.list() }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
    'products.list': (input) => ready().catalog.listVariants(input),
    ...createCatalogEditHandlers(area),
    ...createBulkHandlers(area),
    ...createProductInsightsHandlers(area),
    ...createInventoryHandlers(area),
    ...createStocktakeHandlers(area),
    ...createPurchasingHandlers(area),
    ...createReorderHandlers(area),
    ...createImportHandlers(area, { jobs: ctx.jobs, openWriter: ctx.openWriter }),
    ...createAnalyticsHandlers(area),
    ...createProductAnalyticsHandlers(area),
    ...createRetentionHandlers(area),
    ...createInventoryAnalyticsHandlers(area),
    ...createReportHandlers(area, { reportsDir: ctx.reportsDir }),
    ...createAlertHandlers(area),
    ...createSyncHandlers(area, { jobs: ctx.jobs, runtime: ctx.sync }),
    ...createPromotionHandlers(area),
    ...createCouponHandlers(area),
    ...createPromotionInsightHandlers(area),
    ...createTeamHandlers(area, ctx.team),
    ...createAuditHandlers(area),
    ...createBackupHandlers(ctx),
    ...createExportHandlers(() => handlers),
  };
  return handlers;
}

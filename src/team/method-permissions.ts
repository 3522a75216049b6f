// The permission every method of the contract needs, and whether it changes the
// shop. The router checks it before the handler runs (src/team/guard.ts); a
// method missing here does not compile (Record over every MethodName), so a new
// method cannot ship unguarded. `writes` marks methods that change the shop's
// data: they are audited, and refused while the file is damaged.
import type { MethodName } from '../contract.js';
import type { Permission } from './permission-names.js';

export interface MethodRule {
  /** 'public': callable before signing in (the sign-in page needs them). */
  need: Permission | 'public';
  writes: boolean;
}

const read = (need: Permission | 'public' = 'shop.view'): MethodRule => ({ need, writes: false });
const write = (need: Permission): MethodRule => ({ need, writes: true });

export const methodPermissions: Record<MethodName, MethodRule> = {
  'shop.status': read('public'),
  'shop.createEmpty': write('settings.manage'),
  'shop.createDemo': write('settings.manage'),
  'settings.get': read(),
  'settings.update': write('settings.manage'),
  'jobs.list': read(),
  // Cancelling a job stops work before its commit point: nothing of the shop changes.
  'jobs.cancel': read(),

  'products.list': read(),
  'products.get': read(),
  // Prices and costs in the input need more (src/team/input-permissions.ts).
  'products.create': write('catalog.edit'),
  'products.update': write('catalog.edit'),
  'variants.update': write('catalog.edit'),
  'variants.bulkUpdate': write('catalog.edit'),
  'variants.bulkAction': write('bulk.edit'),
  'variants.bulkPreview': read('bulk.edit'),
  'categories.list': read(),
  'categories.create': write('catalog.edit'),
  'tags.list': read(),
  'bundles.set': write('catalog.edit'),
  'bundles.availability': read(),
  'history.list': read(),
  'history.get': read(),
  // Someone else's change set needs history.undoOthers too (input-permissions.ts).
  'history.undo': write('catalog.edit'),
  'products.insights': read(),

  'locations.list': read(),
  'locations.create': write('settings.manage'),
  'locations.update': write('settings.manage'),
  'stock.levels': read(),
  'stock.movements': read(),
  'stock.forVariant': read(),
  'adjustmentReasons.list': read(),
  'adjustmentReasons.create': write('settings.manage'),
  'adjustmentReasons.update': write('settings.manage'),
  'stock.adjust': write('stock.adjust'),
  'stock.setRules': write('stock.adjust'),
  'transfers.create': write('stock.adjust'),
  'transfers.send': write('stock.adjust'),
  'transfers.receive': write('stock.adjust'),
  'transfers.cancel': write('stock.adjust'),
  'transfers.get': read(),
  'transfers.list': read(),
  // The whole report is stock at cost.
  'stock.valuation': read('costs.view'),

  'stocktakes.open': write('stock.count'),
  'stocktakes.list': read(),
  'stocktakes.get': read(),
  'stocktakes.count': write('stock.count'),
  'stocktakes.scan': write('stock.count'),
  'stocktakes.importCounts': write('stock.count'),
  'stocktakes.sheet': read(),
  'stocktakes.previewPost': read('stocktakes.post'),
  'stocktakes.post': write('stocktakes.post'),
  'stocktakes.cancel': write('stocktakes.post'),

  'suppliers.list': read(),
  'suppliers.get': read(),
  'suppliers.create': write('suppliers.manage'),
  'suppliers.update': write('suppliers.manage'),
  'supplierItems.list': read(),
  'supplierItems.upsert': write('suppliers.manage'),
  'supplierItems.remove': write('suppliers.manage'),
  'purchaseOrders.list': read(),
  'purchaseOrders.get': read(),
  'purchaseOrders.create': write('purchasing.create'),
  'purchaseOrders.update': write('purchasing.create'),
  'purchaseOrders.send': write('purchasing.send'),
  'purchaseOrders.receive': write('purchasing.receive'),
  'purchaseOrders.previewReceipt': read('purchasing.receive'),
  'purchaseOrders.close': write('purchasing.create'),
  'purchaseOrders.cancel': write('purchasing.create'),
  // The PDF / XLSX order form prints unit costs and totals.
  'purchaseOrders.export': read('costs.view'),
  'suppliers.scorecard': read(),
  'reorder.suggestions': read(),
  'reorder.createDraft': write('purchasing.create'),
  'reorder.settings.get': read(),
  'reorder.settings.update': write('settings.manage'),

  // Each source's rows are the list method's, cost columns dropped for people without costs.view.
  'exports.grid': read(),
  'imports.open': read('imports.run'),
  'imports.update': read('imports.run'),
  'imports.rows': read('imports.run'),
  'imports.errorsFile': read('imports.run'),
  'imports.apply': write('imports.run'),
  'imports.get': read('imports.run'),
  'imports.close': read('imports.run'),
  'imports.template': read(),

  'analytics.kpis': read(),
  'analytics.salesSeries': read(),
  'analytics.salesReport': read(),
  'analytics.salesMix': read(),
  'analytics.segments': read(),
  'analytics.forecast': read(),
  'analytics.returns': read(),
  'analytics.abc': read(),
  'analytics.productHealth': read(),
  'analytics.slowMovers': read(),
  'analytics.cohorts': read(),
  'analytics.customerValue': read(),
  'analytics.silentCustomers': read(),
  'analytics.stockOuts': read(),
  'analytics.inventoryAging': read(),
  'analytics.newProductSellThrough': read(),
  'reports.generate': read('reports.generate'),
  'reports.list': read(),
  // The weekly report's file holds gross profit and margin.
  'reports.file': read('costs.view'),

  'alerts.list': read(),
  'alerts.groups': read(),
  'alerts.groups.setStatus': write('alerts.handle'),
  'alerts.groups.createPo': write('purchasing.create'),
  'alerts.digest': read(),
  'alerts.setStatus': write('alerts.handle'),
  'alerts.evaluate': write('alerts.handle'),
  'alerts.limits.get': read(),
  'alerts.limits.set': write('settings.manage'),

  'channels.list': read(),
  'channels.get': read(),
  'channels.test': read('channels.manage'),
  'channels.connect': write('channels.manage'),
  'channels.update': write('channels.manage'),
  'channels.pause': write('channels.manage'),
  'channels.resume': write('channels.manage'),
  'channels.disconnect': write('channels.manage'),
  'channels.mapLocation': write('channels.manage'),
  'channels.setVariantRule': write('channels.manage'),
  'sync.run': write('channels.sync'),
  'sync.log': read(),
  'links.scan': write('channels.sync'),
  'links.review': read(),
  'links.apply': write('channels.sync'),
  'links.unlink': write('channels.sync'),
  'links.importRemote': write('channels.sync'),
  'review.list': read(),
  'review.resolve': write('channels.sync'),

  'promotions.list': read(),
  'promotions.get': read(),
  'promotions.create': write('promotions.run'),
  'promotions.update': write('promotions.run'),
  'promotions.remove': write('promotions.run'),
  'promotions.check': read(),
  'promotions.schedule': write('promotions.run'),
  'promotions.unschedule': write('promotions.run'),
  'promotions.cancel': write('promotions.run'),
  'promotions.calendar': read(),
  'promotions.keyDates.add': write('promotions.run'),
  'promotions.keyDates.remove': write('promotions.run'),
  'promotions.settings.get': read(),
  'promotions.settings.update': write('settings.manage'),
  'coupons.add': write('promotions.run'),
  'coupons.generate': write('promotions.run'),
  'coupons.list': read(),
  'coupons.removeUnused': write('promotions.run'),
  'promotions.audience': read(),
  'promotions.simulate': read(),
  'promotions.draftPurchaseOrders': write('purchasing.create'),
  'promotions.evaluate': read(),
  'promotions.results': read(),

  // Signing in is itself recorded in the audit log as an event (who, when, refused or not).
  'team.status': read('public'),
  'team.signIn': read('public'),
  'team.signInWithPin': read('public'),
  'team.unlock': read('public'),
  'team.lock': read('public'),
  'team.signOut': read('public'),
  'team.changeOwnPassword': write('shop.view'),
  'team.settings.get': read('people.manage'),
  'team.settings.update': write('people.manage'),
  'team.people.list': read('people.manage'),
  'team.people.create': write('people.manage'),
  'team.people.update': write('people.manage'),
  'team.people.setPassword': write('people.manage'),
  'team.people.setPin': write('people.manage'),
  'team.roles.list': read('people.manage'),
  'team.roles.create': write('people.manage'),
  'team.roles.update': write('people.manage'),
  'team.roles.remove': write('people.manage'),
  'audit.list': read('audit.view'), 'audit.get': read('audit.view'), 'audit.verify': read('audit.view'),
  // Backups: restore replaces the shop, so the owner's. `writes` = audited; a damaged file still takes them (src/backup/shop-health.ts).
  'backups.list': read('backups.manage'), 'backups.inspect': read('backups.manage'), 'backups.settings.get': read('backups.manage'), 'backups.create': write('backups.manage'), 'backups.upload': write('backups.manage'), 'backups.restore': write('backups.manage'), 'backups.exportShop': write('backups.manage'), 'backups.settings.update': write('backups.manage'), 'health.status': read(), 'health.check': read(),
};

export function ruleOf(method: MethodName): MethodRule {
  return methodPermissions[method];
}

/** Methods that change nothing (the only ones a damaged shop file still answers). */
export function isReadOnlyMethod(method: MethodName): boolean {
  return !methodPermissions[method].writes;
}

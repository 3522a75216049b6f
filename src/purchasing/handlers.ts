// Purchasing methods, wired to their services (built once per database connection).
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { DataArea } from '../events.js';
import type { AreaHandlers } from '../router.js';
import type { purchasingContract } from './contract.js';
import { purchaseOrderPdf, purchaseOrderXlsx, xlsxMime } from './po-documents.js';
import { createPoService } from './po-service.js';
import { supplierScorecards } from './scorecard.js';
import { createSupplierService } from './supplier-service.js';

export function createPurchasingHandlers(ctx: AreaContext): AreaHandlers<typeof purchasingContract> {
  const servicesFor = perDatabase((db) => ({ suppliers: createSupplierService(db, ctx.clock), orders: createPoService(db, ctx.clock) }));
  const services = () => servicesFor(ctx.db());
  // Purchasing writes change what stock views show (incoming, on hand, supplier columns):
  // both areas re-read. A receipt also moves variant costs, which catalog views show.
  const write = <T>(run: () => T, areas: DataArea[] = ['purchasing', 'stock']): T => {
    const result = run();
    ctx.emit({ name: 'data.changed', payload: { areas } });
    return result;
  };
  return {
    'suppliers.list': ({ search }) => services().suppliers.list(search),
    'suppliers.get': ({ supplierId }) => services().suppliers.get(supplierId),
    'suppliers.create': (input) => write(() => services().suppliers.create(input)),
    'suppliers.update': (input) => write(() => services().suppliers.update(input)),
    'supplierItems.list': (input) => services().suppliers.items(input),
    'supplierItems.upsert': (input) => write(() => services().suppliers.upsertItem(input)),
    'supplierItems.remove': ({ supplierItemId }) => write(() => services().suppliers.removeItem(supplierItemId)),
    'purchaseOrders.list': (input) => services().orders.store.list(input),
    'purchaseOrders.get': ({ purchaseOrderId }) => services().orders.store.detail(purchaseOrderId),
    'purchaseOrders.create': (input) => write(() => services().orders.create(input, ctx.actor())),
    'purchaseOrders.update': (input) => write(() => services().orders.update(input)),
    'purchaseOrders.send': ({ purchaseOrderId, expectedAt }) => write(() => services().orders.send(purchaseOrderId, expectedAt)),
    'purchaseOrders.receive': (input) => write(() => services().orders.receive(input, ctx.actor()), ['purchasing', 'stock', 'catalog']),
    'purchaseOrders.previewReceipt': (input) => services().orders.previewReceipt(input),
    'purchaseOrders.close': ({ purchaseOrderId }) => write(() => services().orders.close(purchaseOrderId)),
    'purchaseOrders.cancel': ({ purchaseOrderId }) => write(() => services().orders.cancel(purchaseOrderId)),
    'purchaseOrders.export': async ({ purchaseOrderId, format }) => {
      const po = services().orders.store.detail(purchaseOrderId);
      const fileName = `${po.number} ${po.supplier}`.replace(/[\\/:*?"<>|]/g, '-');
      return format === 'pdf'
        ? { fileName: `${fileName}.pdf`, mimeType: 'application/pdf', contentBase64: (await purchaseOrderPdf(ctx.db(), po)).toString('base64') }
        : { fileName: `${fileName}.xlsx`, mimeType: xlsxMime, contentBase64: purchaseOrderXlsx(ctx.db(), po) };
    },
    'suppliers.scorecard': (input) => ({ suppliers: supplierScorecards(ctx.db(), ctx.clock, input) }),
  };
}

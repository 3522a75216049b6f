// Stock methods, wired to their stores and services (built once per database
// connection). Every write tells open views that stock changed.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { DataArea } from '../events.js';
import type { AreaHandlers } from '../router.js';
import { notFound } from '../shared/app-error.js';
import type { inventoryContract } from './contract.js';
import { createLevelsStore } from './levels-store.js';
import { createReasonsService } from './reasons-service.js';
import { createStockService } from './stock-service.js';
import { createTransferService } from './transfer-service.js';
import { createValuationStore } from './valuation-store.js';

export function createInventoryHandlers(ctx: AreaContext): AreaHandlers<typeof inventoryContract> {
  const servicesFor = perDatabase((db) => ({
    levels: createLevelsStore(db),
    reasons: createReasonsService(db),
    valuation: createValuationStore(db),
    stock: createStockService(db, ctx.clock),
    transfers: createTransferService(db, ctx.clock),
  }));
  const services = () => servicesFor(ctx.db());
  const write = <T>(run: () => T, areas: DataArea[] = ['stock']): T => {
    const result = run();
    ctx.emit({ name: 'data.changed', payload: { areas } });
    return result;
  };
  const location = (id: number) => {
    const found = services().levels.locations(true).find((l) => l.id === id);
    if (!found) throw notFound('Location', id);
    return found;
  };
  return {
    'locations.list': ({ includeInactive }) => ({ locations: services().levels.locations(includeInactive) }),
    'locations.create': (input) => location(write(() => services().stock.createLocation(input))),
    'locations.update': (input) => location(write(() => services().stock.updateLocation(input))),
    'stock.levels': (input) => services().levels.levels(input),
    'stock.movements': (input) => services().levels.movements(input),
    'stock.forVariant': ({ variantId }) => {
      const card = services().levels.forVariant(variantId);
      if (!card) throw notFound('Variant', variantId);
      return card;
    },
    'adjustmentReasons.list': () => ({ reasons: services().reasons.list() }),
    'adjustmentReasons.create': (input) => write(() => services().reasons.create(input)),
    'adjustmentReasons.update': (input) => write(() => services().reasons.update(input)),
    'stock.adjust': (input) => write(() => services().stock.adjust(input, ctx.actor())),
    'stock.setRules': (input) => write(() => services().stock.setRules(input)),
    'transfers.create': (input) => write(() => services().transfers.create(input, ctx.actor())),
    'transfers.send': ({ transferId }) => write(() => services().transfers.send(transferId, ctx.actor())),
    'transfers.receive': ({ transferId, lines }) => write(() => services().transfers.receive(transferId, lines, ctx.actor())),
    'transfers.cancel': ({ transferId }) => write(() => services().transfers.cancel(transferId, ctx.actor())),
    'transfers.get': ({ transferId }) => services().transfers.detail(transferId),
    'transfers.list': (input) => services().transfers.list(input),
    'stock.valuation': ({ categoryLevel }) => services().valuation.valuation(categoryLevel),
  };
}

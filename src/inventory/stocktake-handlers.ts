// Stocktake methods, wired to the service (built once per database connection).
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import type { stocktakeContract } from './stocktake-contract.js';
import { buildCountSheet, readCountFile } from './stocktake-files.js';
import { createStocktakeService } from './stocktake-service.js';

export function createStocktakeHandlers(ctx: AreaContext): AreaHandlers<typeof stocktakeContract> {
  const serviceFor = perDatabase((db) => createStocktakeService(db, ctx.clock));
  const service = () => serviceFor(ctx.db());
  const write = <T>(run: () => T): T => {
    const result = run();
    ctx.emit({ name: 'data.changed', payload: { areas: ['stock'] } });
    return result;
  };
  return {
    'stocktakes.open': (input) => write(() => service().open(input, ctx.actor())),
    'stocktakes.list': ({ status, limit, offset }) => service().store.list(status, limit, offset),
    'stocktakes.get': ({ stocktakeId, show, search, limit, offset }) => ({
      stocktake: service().header(stocktakeId),
      ...service().store.lines(stocktakeId, show, search, limit, offset),
    }),
    'stocktakes.count': ({ stocktakeId, lines }) => write(() => service().count(stocktakeId, lines)),
    'stocktakes.scan': (input) => write(() => service().scan(input)),
    'stocktakes.importCounts': ({ stocktakeId, fileName, contentBase64 }) =>
      write(() => readCountFile(ctx.db(), service(), stocktakeId, fileName, contentBase64)),
    'stocktakes.sheet': ({ stocktakeId, format }) => buildCountSheet(service(), stocktakeId, format),
    'stocktakes.previewPost': (input) => service().previewPost(input),
    'stocktakes.post': (input) => write(() => service().post(input, ctx.actor())),
    'stocktakes.cancel': ({ stocktakeId }) => write(() => service().cancel(stocktakeId)),
  };
}

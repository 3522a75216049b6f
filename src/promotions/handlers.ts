// The planning side of promotions (contract.ts), wired to its services. Services are built once
// per database connection so statements are prepared once; every write tells open views to
// re-read (promotions, History, and the Products grid when sale prices may have changed).
import type { AreaContext } from '../area-context.js';
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import type { DataArea } from '../events.js';
import type { AreaHandlers } from '../router.js';
import type { Clock } from '../shared/clock.js';
import { createCalendarService } from './calendar-service.js';
import type { promotionsContract } from './contract.js';
import { createLifecycleService } from './lifecycle-service.js';
import { defaultPromotionDeps } from './promotion-deps.js';
import { createPromotionService } from './promotion-service.js';
import { createPromotionSettingsService } from './settings-service.js';

function buildServices(db: Db, clock: Clock) {
  const promotions = createPromotionService(db, clock, defaultPromotionDeps);
  return {
    promotions,
    lifecycle: createLifecycleService(db, clock, promotions, defaultPromotionDeps),
    calendar: createCalendarService(db, clock, promotions),
    settings: createPromotionSettingsService(db, clock),
  };
}

export function createPromotionHandlers(area: AreaContext): AreaHandlers<typeof promotionsContract> {
  const servicesFor = perDatabase((db) => buildServices(db, area.clock));
  const services = () => servicesFor(area.db());
  const write = <T>(run: () => T, areas: DataArea[] = ['promotions', 'history']): T => {
    const result = run();
    area.emit({ name: 'data.changed', payload: { areas } });
    return result;
  };
  // Scheduling may start it at once and cancelling removes sale prices: the grid's prices change.
  const pricesToo: DataArea[] = ['promotions', 'history', 'catalog'];
  return {
    'promotions.list': (input) => services().promotions.list(input),
    'promotions.get': ({ promotionId }) => services().promotions.get(promotionId),
    'promotions.create': (fields) => write(() => services().promotions.create(fields, area.actor())),
    'promotions.update': ({ promotionId, fields }) => write(() => services().promotions.update(promotionId, fields, area.actor())),
    'promotions.remove': ({ promotionId }) => write(() => services().promotions.remove(promotionId, area.actor())),
    'promotions.check': (input) => defaultPromotionDeps.check(area.db(), input),
    'promotions.schedule': ({ promotionId, overrideReason }) =>
      write(() => services().lifecycle.schedule(promotionId, overrideReason, area.actor()), pricesToo),
    'promotions.unschedule': ({ promotionId }) => write(() => services().lifecycle.unschedule(promotionId, area.actor())),
    'promotions.cancel': ({ promotionId }) => write(() => services().lifecycle.cancel(promotionId, area.actor()), pricesToo),
    'promotions.calendar': ({ from, to }) => services().calendar.calendar(from, to),
    'promotions.keyDates.add': ({ date, name }) => write(() => services().calendar.addKeyDate(date, name), ['promotions']),
    'promotions.keyDates.remove': ({ id }) => write(() => services().calendar.removeKeyDate(id), ['promotions']),
    'promotions.settings.get': () => services().settings.get(),
    'promotions.settings.update': (input) => write(() => services().settings.update(input), ['promotions']),
  };
}

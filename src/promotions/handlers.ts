// STUB written by the coordinator so the core compiles while this file is being built; replace wholesale.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { AppError } from '../shared/app-error.js';
import type { promotionsContract } from './contract.js';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.', { key: 'internal' });
};

export function createPromotionHandlers(area: AreaContext): AreaHandlers<typeof promotionsContract> {
  void area;
  return {
    'promotions.list': todo,
    'promotions.get': todo,
    'promotions.create': todo,
    'promotions.update': todo,
    'promotions.remove': todo,
    'promotions.check': todo,
    'promotions.schedule': todo,
    'promotions.unschedule': todo,
    'promotions.cancel': todo,
    'promotions.calendar': todo,
    'promotions.keyDates.add': todo,
    'promotions.keyDates.remove': todo,
    'promotions.settings.get': todo,
    'promotions.settings.update': todo,
  };
}

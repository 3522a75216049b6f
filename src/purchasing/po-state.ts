// The one check every purchase-order action starts with: is the order in a
// state that allows it? Refusals name the order, its state and the action.
import { AppError } from '../shared/app-error.js';
import type { PoStatus, PurchaseOrder } from './contract.js';
import type { createPoStore } from './po-store.js';

/** The order, if its status allows `action`; `hint` (English message only) says what to do instead. */
export function orderInState(
  store: Pick<ReturnType<typeof createPoStore>, 'header'>,
  id: number,
  allowed: readonly PoStatus[],
  action: string,
  hint = '',
): PurchaseOrder {
  const po = store.header(id);
  if (!allowed.includes(po.status)) {
    throw new AppError('CONFLICT', `Purchase order ${po.number} is ${po.status.replace('_', ' ')}; it cannot be ${action}${hint}. Nothing was changed.`, {
      key: 'poState',
      params: { number: po.number, status: po.status, action },
    });
  }
  return po;
}

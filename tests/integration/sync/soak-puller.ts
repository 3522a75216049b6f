// The order puller the soak, the kill -9 test and the benchmarks run (src/sync/order-puller.ts),
// behind the small face they need. Null would mean "no puller": push only, no remote orders.
import { createOrderPuller } from '../../../src/sync/order-puller.js';
import type { MakePuller } from './soak-run.js';

export const soakPuller: MakePuller | null = (options) => createOrderPuller({ ...options, pageSize: 50 });

// What an area's handlers get from the core: the open shop database (checked
// ready), the clock, who is acting, and the event emitter.
import type { Db } from './db/open.js';
import type { CoreEvent } from './events.js';
import type { Clock } from './shared/clock.js';

export interface AreaContext {
  /** The shop database; throws SHOP_NOT_READY when no shop exists yet. */
  db(): Db;
  clock: Clock;
  /** The sign-in name of the person making the call (src/team/call-context.ts). */
  actor(): string;
  emit(event: CoreEvent): void;
}

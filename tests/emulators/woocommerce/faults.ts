// Faults tests can inject. Request-level faults are consumed one per matching request, in the order
// they were queued; per-item batch failures are consumed one per matching batch item.

/** 500 comes from WordPress (JSON); the others from a gateway in front of it (HTML). */
export type ServerErrorStatus = 500 | 502 | 503 | 504;

/** Limits a fault to some requests, e.g. `{ method: 'POST', pathIncludes: '/batch' }`. */
export interface FaultMatch {
  method?: string;
  pathIncludes?: string;
}

export type RequestFault =
  /** Answer with this 5xx status and a WooCommerce error body, without touching state. */
  | { kind: 'status'; status: ServerErrorStatus }
  /** Destroy the connection before anything is done. */
  | { kind: 'reset' }
  /** Hold the request this long before handling it (to go past a client's timeout). */
  | { kind: 'delay'; ms: number }
  /** Handle the request fully (state changes), then destroy the connection instead of answering. */
  | { kind: 'lose-answer' }
  /** Answer 429 with `Retry-After`, as a host's rate limiter does. */
  | { kind: 'rate-limit'; retryAfterSeconds: number };

interface QueuedFault {
  fault: RequestFault;
  match: FaultMatch;
}

export interface ItemFailure {
  resource: 'product' | 'variation';
  id: number;
  status: number;
  code: string;
  message: string;
  /** How many more times this item fails before it succeeds again. */
  remaining: number;
}

export class FaultQueue {
  private readonly queued: QueuedFault[] = [];
  private readonly itemFailures: ItemFailure[] = [];
  injected = 0;

  add(fault: RequestFault, times: number, match: FaultMatch = {}): void {
    for (let i = 0; i < times; i++) this.queued.push({ fault, match });
  }

  /** The first queued fault that matches this request, removed from the queue. */
  take(method: string, path: string): RequestFault | undefined {
    const index = this.queued.findIndex(({ match }) => matches(match, method, path));
    if (index < 0) return undefined;
    const [taken] = this.queued.splice(index, 1);
    this.injected++;
    return taken?.fault;
  }

  addItemFailure(failure: ItemFailure): void {
    this.itemFailures.push(failure);
  }

  /** The failure injected for this batch item, if any (consumes one of its remaining times). */
  takeItemFailure(resource: ItemFailure['resource'], id: number): ItemFailure | undefined {
    const failure = this.itemFailures.find((f) => f.resource === resource && f.id === id && f.remaining > 0);
    if (!failure) return undefined;
    failure.remaining--;
    this.injected++;
    return failure;
  }

  pending(): number {
    return this.queued.length + this.itemFailures.reduce((sum, f) => sum + f.remaining, 0);
  }

  clear(): void {
    this.queued.length = 0;
    this.itemFailures.length = 0;
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.pathIncludes !== undefined && !path.includes(match.pathIncludes)) return false;
  return true;
}

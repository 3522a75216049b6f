// Faults a test can queue for the next requests, one fault per request, in order.
export type Fault =
  /** Answer with this 5xx status before doing anything. */
  | { kind: 'http-error'; status: number }
  /** Drop the connection before doing anything (the client sees ECONNRESET / socket hang up). */
  | { kind: 'reset' }
  /** Wait this long, then process normally: a client that timed out meanwhile never learns the result. */
  | { kind: 'delay'; ms: number }
  /** Process the request (a mutation is applied), then drop the connection without answering. */
  | { kind: 'lose-answer' };

export type FaultKind = Fault['kind'];

export class FaultQueue {
  private readonly queue: Fault[] = [];
  readonly injected: Record<FaultKind, number> = { 'http-error': 0, reset: 0, delay: 0, 'lose-answer': 0 };

  add(fault: Fault, count: number): void {
    for (let i = 0; i < count; i += 1) this.queue.push(fault);
  }

  /** The fault for the request now arriving, if any (counted as injected). */
  take(): Fault | undefined {
    const fault = this.queue.shift();
    if (fault) this.injected[fault.kind] += 1;
    return fault;
  }

  get pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

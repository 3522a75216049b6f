// Import sessions let go of their rows: closed by the person, idle for 30
// minutes by the core's clock, or pushed out by a fifth — never while applying.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/app-error.js';
import { SessionRegistry } from '../../../src/spreadsheets/session-registry.js';
import type { SessionState } from '../../../src/spreadsheets/session.js';

function fakeClock(iso: string) {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) };
}

/** Just what the registry touches of a session. */
function fakeSession(id: string): SessionState {
  return {
    id,
    applying: false,
    rows: [{ rowNumber: 2, cells: ['A-1'] }],
    table: { rows: [['SKU'], ['A-1']] },
    bytes: Buffer.from('SKU\nA-1\n'),
    plan: { rows: [], write: function* () {} },
    plannedAt: { dataVersion: 1, totalChanges: 0 },
  } as unknown as SessionState;
}

const closedKey = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.details.key}` : String(error);
  }
  return undefined;
};

const options = { idleMs: 30 * 60_000, maxSessions: 4, sweepEveryMs: 60_000 };

describe('import session registry', () => {
  it('closes a session on request and lets go of its file, rows and plan', () => {
    const registry = new SessionRegistry(fakeClock('2026-03-05T09:00:00Z'), options);
    const state = fakeSession('a');
    registry.add(state);
    expect(registry.get('a')).toBe(state);
    expect(registry.close('a')).toBe(true);
    expect(registry.close('a')).toBe(false);
    expect(closedKey(() => registry.get('a'))).toBe('NOT_FOUND importClosed');
    expect([state.rows.length, state.table.rows.length, state.bytes.length, state.plan]).toEqual([0, 0, 0, null]);
    registry.dispose();
  });

  it('expires a session idle for 30 minutes by the core clock; using it keeps it open', () => {
    const clock = fakeClock('2026-03-05T09:00:00Z');
    const registry = new SessionRegistry(clock, options);
    registry.add(fakeSession('a'));
    registry.add(fakeSession('b'));
    clock.advance(20);
    registry.get('a');
    clock.advance(20);
    expect(registry.get('a').id).toBe('a');
    expect(closedKey(() => registry.get('b'))).toBe('NOT_FOUND importClosed');
    clock.advance(31);
    registry.sweep();
    expect(registry.size).toBe(0);
    registry.dispose();
  });

  it('never expires or evicts a session while it applies; one closed meanwhile is released when the apply ends', () => {
    const clock = fakeClock('2026-03-05T09:00:00Z');
    const registry = new SessionRegistry(clock, options);
    const applying = fakeSession('a');
    registry.add(applying);
    applying.applying = true;
    clock.advance(45);
    registry.sweep();
    for (const id of ['b', 'c', 'd', 'e']) registry.add(fakeSession(id));
    expect(registry.get('a')).toBe(applying);
    expect(closedKey(() => registry.get('b'))).toBe('NOT_FOUND importClosed');
    // The person leaves the page during the apply: the rows stay until it ends.
    expect(registry.close('a')).toBe(true);
    expect(applying.rows.length).toBe(1);
    applying.applying = false;
    registry.applyEnded('a');
    expect(applying.rows.length).toBe(0);
    expect(closedKey(() => registry.get('a'))).toBe('NOT_FOUND importClosed');
    registry.dispose();
  });

  it('keeps at most four sessions, letting go of the least recently used', () => {
    const clock = fakeClock('2026-03-05T09:00:00Z');
    const registry = new SessionRegistry(clock, options);
    for (const id of ['a', 'b', 'c', 'd']) {
      registry.add(fakeSession(id));
      clock.advance(1);
    }
    registry.get('a');
    registry.add(fakeSession('e'));
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => closedKey(() => registry.get(id)) ?? 'open')).toEqual(['open', 'NOT_FOUND importClosed', 'open', 'open', 'open']);
    registry.dispose();
  });
});

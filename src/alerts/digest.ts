// When the desktop shell notifies about alerts (issue 16): once a day, at the
// digest hour of the shop's local time or the first time the app runs after it,
// one notification listing the groups that need action — and at once only for
// a group that is urgent (a stock-out of a fast mover, a channel failing to
// sync) and was not already told about. Pure: the shell keeps the state.

/** Local hour of the daily digest (a shop opening its day). */
export const digestHour = 9;

export interface DigestState {
  /** The shop-local date the last digest was shown; null before the first. */
  lastDigestOn: string | null;
  /** Urgent groups already notified; a group that stops being urgent leaves, so it can be told again. */
  notified: string[];
}

export const emptyDigestState: DigestState = { lastDigestOn: null, notified: [] };

/** Is today's digest due: at or after the digest hour, and not yet shown today. */
export function digestDue(state: DigestState, today: string, hour: number, atHour = digestHour): boolean {
  return hour >= atHour && (state.lastDigestOn === null || state.lastDigestOn < today);
}

/** Urgent groups to notify now (not notified before), and the state that remembers them. */
export function urgentToNotify<G extends { key: string; urgent: boolean }>(state: DigestState, groups: readonly G[]): { notify: G[]; state: DigestState } {
  const urgent = groups.filter((group) => group.urgent);
  const told = new Set(state.notified);
  return {
    notify: urgent.filter((group) => !told.has(group.key)),
    state: { ...state, notified: urgent.map((group) => group.key) },
  };
}

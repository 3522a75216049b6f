// Who is using this window and what their role allows. Pages ask `useCan()`
// before showing a cost column, an Edit button or a menu entry; the core
// enforces the same rules on every call (src/team/guard.ts), so hiding here is
// for clarity, not for safety.
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionPerson, TeamStatus } from '../../../src/team/contract.js';

type Permission = SessionPerson['permissions'][number];

interface TeamContextValue {
  status: TeamStatus;
  /** Re-reads team.status (after sign-in, lock, a role change). */
  refresh(): void;
}

const TeamContext = createContext<TeamContextValue | null>(null);

export function TeamProvider({ value, children }: { value: TeamContextValue; children: ReactNode }): ReactNode {
  return <TeamContext.Provider value={value}>{children}</TeamContext.Provider>;
}

export function useTeam(): TeamContextValue | null {
  return useContext(TeamContext);
}

/**
 * `can('costs.view')`: whether the person here has the permission. Outside a provider (a page
 * rendered alone in a test) everything is allowed, as for the one-person shop.
 */
export function useCan(): (permission: Permission) => boolean {
  const team = useContext(TeamContext);
  const granted = team?.status.person ? new Set(team.status.person.permissions) : null;
  return (permission) => granted === null || granted.has(permission);
}

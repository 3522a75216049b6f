// Who is using this window, read from team.status once a shop is open and again
// whenever something may have changed it: a call refused as UNAUTHENTICATED
// (the session ended or locked elsewhere), 'shop.changed', a reconnect, or a
// sign-in / lock / switch made here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TeamStatus } from '../../../../src/team/contract.js';
import { toApiError, type ApiError } from '../../api/api-error.js';
import { call, onEvent, onReconnect, onUnauthenticated } from '../../api/client.js';

export interface TeamStatusState {
  status: TeamStatus | null;
  error: ApiError | null;
  refresh(): void;
}

export function useTeamStatus(shopReady: boolean): TeamStatusState {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const lastJson = useRef('');

  const refresh = useCallback(() => {
    if (!shopReady) return;
    const request = ++latest.current;
    call('team.status', {})
      .then((next) => {
        if (request !== latest.current) return;
        setError(null);
        // The same answer keeps the same object: pages keyed on permissions do not reload for nothing.
        const json = JSON.stringify(next);
        if (json === lastJson.current) return;
        lastJson.current = json;
        setStatus(next);
      })
      .catch((failure: unknown) => {
        if (request === latest.current) setError(toApiError(failure));
      });
  }, [shopReady]);

  useEffect(() => {
    if (!shopReady) {
      lastJson.current = '';
      setStatus(null);
      return undefined;
    }
    refresh();
    const stops = [onUnauthenticated(refresh), onEvent('shop.changed', refresh), onReconnect(refresh)];
    return () => stops.forEach((stop) => stop());
  }, [shopReady, refresh]);

  return { status, error, refresh };
}

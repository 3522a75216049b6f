// The shop's locations, loaded once per page and refreshed when stock changes.
import { useEffect, useState } from 'react';
import type { Location } from '../../../../src/inventory/contract.js';
import { call, onEvent } from '../../api/client.js';

export function useLocations(includeTransit = false): Location[] {
  const [locations, setLocations] = useState<Location[]>([]);
  useEffect(() => {
    const load = () =>
      void call('locations.list', {}).then(
        (answer) => setLocations(answer.locations.filter((l) => includeTransit || l.kind !== 'transit')),
        () => undefined,
      );
    load();
    return onEvent('data.changed', load);
  }, [includeTransit]);
  return locations;
}

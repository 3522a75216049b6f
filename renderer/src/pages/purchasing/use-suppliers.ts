// The shop's suppliers, reloaded when purchasing data changes.
import { useEffect, useState } from 'react';
import type { Supplier } from '../../../../src/purchasing/contract.js';
import { call, onEvent } from '../../api/client.js';

/** The suppliers, and whether the first answer has come (an empty list then means "none yet"). */
export function useSuppliersLoad(): { suppliers: Supplier[]; loaded: boolean } {
  const [state, setState] = useState<{ suppliers: Supplier[]; loaded: boolean }>({ suppliers: [], loaded: false });
  useEffect(() => {
    const load = () => void call('suppliers.list', {}).then((answer) => setState({ suppliers: answer.suppliers, loaded: true }), () => undefined);
    load();
    return onEvent('data.changed', ({ areas }) => areas.includes('purchasing') && load());
  }, []);
  return state;
}

export function useSuppliers(): Supplier[] {
  return useSuppliersLoad().suppliers;
}

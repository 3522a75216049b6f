// The shop's suppliers, reloaded when purchasing data changes.
import { useEffect, useState } from 'react';
import type { Supplier } from '../../../../src/purchasing/contract.js';
import { call, onEvent } from '../../api/client.js';

export function useSuppliers(): Supplier[] {
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  useEffect(() => {
    const load = () => void call('suppliers.list', {}).then((answer) => setSuppliers(answer.suppliers), () => undefined);
    load();
    return onEvent('data.changed', ({ areas }) => areas.includes('purchasing') && load());
  }, []);
  return suppliers;
}

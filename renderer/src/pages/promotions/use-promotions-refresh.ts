// Re-reads a promotions view when the core says promotions changed (a save here or in another
// window, a promotion starting or ending on its own, an undo in History).
import { useEffect } from 'react';
import { onEvent } from '../../api/client.js';

export function usePromotionsRefresh(reload: () => void): void {
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('promotions') && reload()), [reload]);
}

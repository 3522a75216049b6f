// Menus built on <details> close as menus do: a click elsewhere or Esc closes
// the open one, and Esc puts the focus back on its button.
import { useEffect, type RefObject } from 'react';

export function useDismiss(menu: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const details = menu.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      const details = menu.current;
      if (event.key !== 'Escape' || !details?.open) return;
      // The menu closes, not the dialog or page under it.
      event.stopPropagation();
      details.open = false;
      details.querySelector<HTMLElement>('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    // Capture: AG Grid and other widgets may handle Esc before it bubbles.
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [menu]);
}

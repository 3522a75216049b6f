// Locks this window after the shop's idle time without keyboard, mouse or touch
// input here (0: never). The core also locks a session it has not heard from
// for that long; this catches a person who left the screen open on a page that
// makes no calls.
import { useEffect, useRef } from 'react';

const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;
const checkEveryMs = 5_000;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const lastInput = useRef(Date.now());
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (minutes <= 0) return undefined;
    lastInput.current = Date.now();
    const seen = (): void => {
      lastInput.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, seen, { capture: true, passive: true });
    let fired = false;
    const timer = window.setInterval(() => {
      if (fired || Date.now() - lastInput.current < minutes * 60_000) return;
      fired = true;
      onIdleRef.current();
    }, checkEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, seen, { capture: true });
    };
  }, [minutes]);
}

// One way for a page or panel to fetch: the answer, whether it is on the way,
// and whether it failed. A newer request wins over a slower older one, and the last
// answer stays on screen while the next loads (shown dimmed by <Loaded>), so a
// period change never blanks the page.
import { useCallback, useEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { useToasts } from './toasts.js';
import { afterFirstScreen, beginFirstScreenLoad } from './use-first-screen.js';

export interface Load<T> {
  /** The latest answer; null until the first one arrives (and again after an input in `resetOn` changed). */
  data: T | null;
  /** A request is on the way (the first or a reload). */
  loading: boolean;
  /** A below-the-fold load waiting for the first screen's (its skeleton says so); absent where a Load is built by hand. */
  queued?: boolean;
  /** The last request failed (already shown as a toast). */
  failed: boolean;
  /** Fetch again with the same inputs (e.g. after a change elsewhere). */
  reload: () => void;
}

export interface LoadOptions {
  /**
   * Inputs whose change makes the previous answer meaningless (another product,
   * another grouping): it is dropped and a skeleton shows. Other inputs (another
   * period) keep it on screen, dimmed, until the new one arrives.
   */
  resetOn?: DependencyList;
  /**
   * The panel (its outer element) is below the fold: its request waits until the
   * first screen's loads are answered and painted, or until the panel is scrolled
   * into view, so the first screen is not kept waiting behind it (the core answers
   * one request at a time). Its skeleton shows meanwhile.
   */
  belowFold?: RefObject<Element | null>;
}

export function useLoad<T>(fetch: () => Promise<T>, deps: DependencyList, options: LoadOptions = {}): Load<T> {
  const { showError } = useToasts();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [queued, setQueued] = useState(false);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  // The fetch function is new on every render; the deps say when its inputs change.
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const { resetOn = [], belowFold } = options;
  const lastResetOn = useRef<DependencyList>(resetOn);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    setFailed(false);
    if (resetOn.some((value, i) => !Object.is(value, lastResetOn.current[i]))) setData(null);
    lastResetOn.current = resetOn;
    const start = () => {
      setQueued(false);
      const ended = belowFold ? () => undefined : beginFirstScreenLoad();
      fetchRef.current().then(
        (answer) => {
          ended();
          if (request !== latest.current) return;
          setData(answer);
          setLoading(false);
        },
        (error: unknown) => {
          ended();
          if (request !== latest.current) return;
          setFailed(true);
          setLoading(false);
          showError(error);
        },
      );
    };
    if (!belowFold) {
      start();
      return undefined;
    }
    setQueued(true);
    // Cancelled when the inputs change again (or the panel goes) before it started.
    return afterFirstScreen(belowFold.current, start);
    // `deps` stand for the inputs of `fetch`; `tick` is a reload.
  }, [...deps, tick, showError]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, queued, failed, reload };
}

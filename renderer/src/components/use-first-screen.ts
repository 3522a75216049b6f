// Which loads go first. The core answers one request at a time, in the order
// the requests arrive, so a page that sends its below-the-fold panels' requests
// together with (or, as child panels' effects run before their page's, before)
// the first screen's makes the first screen wait for all of them.
//
// Loads of the first screen say so here while they are in flight. A load below
// the fold waits until none is in flight and the first screen has painted —
// or until the person scrolls its panel into view, whichever comes first — so
// the page still fills in without any scrolling, just in the right order.

let pending = 0;
const waiting = new Set<() => void>();
let flushScheduled = false;
/** Scrolls so far (of the page or any panel): a panel scrolled into view is wanted now, not after the first screen. */
let scrolls = 0;

function flush(): void {
  flushScheduled = false;
  // A first-screen load still in flight: its end schedules the next flush.
  if (pending > 0) return;
  for (const start of [...waiting]) start();
}

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  // After the effects of this commit have all run (a page's own loads register after its
  // panels' effects) and after the next paint; the timer alone where frames are paused
  // (a hidden window), so nothing waits forever.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

/** A first-screen load begins: call the returned function when it is answered (or failed). */
export function beginFirstScreenLoad(): () => void {
  pending += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    pending -= 1;
    if (pending === 0) scheduleFlush();
  };
}

if (typeof document !== 'undefined') {
  document.addEventListener(
    'scroll',
    () => {
      scrolls += 1;
    },
    { capture: true, passive: true },
  );
}

/**
 * Runs `start` once the first screen's loads are answered and painted, or once
 * `target` is scrolled into view; the returned function cancels it.
 */
export function afterFirstScreen(target: Element | null, start: () => void): () => void {
  let settled = false;
  let observer: IntersectionObserver | undefined;
  const cleanup = () => {
    waiting.delete(go);
    observer?.disconnect();
  };
  function go(): void {
    if (settled) return;
    settled = true;
    cleanup();
    start();
  }
  waiting.add(go);
  const scrollsBefore = scrolls;
  if (target && typeof IntersectionObserver !== 'undefined') {
    // Only after a scroll: while the page loads, skeletons are short and can put a
    // below-the-fold panel on screen for a moment without anyone looking at it.
    observer = new IntersectionObserver((entries) => {
      if (scrolls > scrollsBefore && entries.some((entry) => entry.isIntersecting)) go();
    });
    observer.observe(target);
  }
  scheduleFlush();
  return () => {
    settled = true;
    cleanup();
  };
}

// The page lives in the URL hash: `#/<area>/<rest…>`, e.g. `#/products/42` or
// `#/stock/transfers/7`, so reloads, back/forward and links all work.
import { useEffect, useState } from 'react';

export interface Route {
  area: string;
  rest: readonly string[];
}

export function parseRoute(hash: string): Route {
  // A query after the path (`#/analytics/sales?from=…&to=…`) is the page's own state (analytics periods), not part of the path.
  const path = hash.split('?')[0] ?? '';
  const [area = '', ...rest] = path.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { area, rest };
}

export function routeHref(...parts: readonly (string | number)[]): string {
  return `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
}

export function navigate(...parts: readonly (string | number)[]): void {
  location.hash = routeHref(...parts);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

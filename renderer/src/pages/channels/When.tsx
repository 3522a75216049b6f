// A moment shown the way a merchant reads sync health: "5 minutes ago", with the
// exact date and time (in the shop's time zone) beside it in small type and as the
// tooltip. "Never" when there was none.
import { useEffect, useState, type ReactNode } from 'react';
import type { Locale } from '../../../../src/settings/contract.js';
import { useShop } from '../../app/shop-context.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../i18n/format.js';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "in 2 hours", "now" — whole units, rounded towards the nearer one. */
export function formatRelative(iso: string, now: number, locale: Locale): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** Re-renders every 30 seconds so "2 minutes ago" stays true on an open page. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function When({ iso, now, testId, inline = false }: { iso: string | null; now: number; testId?: string; inline?: boolean }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  if (!iso) return <span className="muted" data-testid={testId}>{t('channels.never')}</span>;
  const exact = formatDateTime(iso, locale, settings.timeZone);
  return (
    <span title={exact} data-testid={testId}>
      {formatRelative(iso, now, locale)}
      {inline ? null : <span className="muted small when-exact">{exact}</span>}
    </span>
  );
}

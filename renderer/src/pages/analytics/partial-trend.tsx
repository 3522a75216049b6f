// Today (this week, this month) so far, drawn as what it is: the core names
// the partial bucket of a trend, and every chart draws it dashed or lighter
// with a note, so an unfinished day never reads as a drop to near zero.
import type { ReactNode } from 'react';
import type { DotItemDotProps } from 'recharts';
import { useI18n } from '../../i18n/context.js';

export type TrendGranularity = 'day' | 'week' | 'month';

/** How a partial bucket is drawn: its bars this opaque, its line dashed like this. */
export const partialOpacity = 0.35;
export const partialDash = '4 4';

/** Texts and formats for a partial bucket, in the reader's language and the shop's time zone. */
export function usePartialTexts(timeZone: string) {
  const { t, locale } = useI18n();
  const what = (granularity: TrendGranularity) => t(granularity === 'day' ? 'figures.partial.day' : granularity === 'week' ? 'figures.partial.week' : 'figures.partial.month');
  const time = (asOf: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(asOf));
  const cut = (hours: number) => `${String(hours).padStart(2, '0')}:00`;
  /** A bucket's label, marked "(so far)" when it is the partial one. */
  const label = (bucket: string, partialBucket: string | null | undefined) => (bucket === partialBucket ? t('figures.partial.label', { label: bucket }) : bucket);
  return { what, time, cut, label };
}

/**
 * Line-chart rows in which the partial bucket's values move to `<key>SoFar`, with the last complete bucket's
 * value repeated there, so the line stops at the last complete bucket and continues dashed into the partial one.
 */
export function splitPartial<K extends string>(
  rows: readonly ({ bucket: string } & { [key in K]: number | null })[],
  keys: readonly K[],
  partialBucket: string | null | undefined,
): Record<string, string | number | null>[] {
  const at = partialBucket ? rows.findIndex((row) => row.bucket === partialBucket) : -1;
  return rows.map((row, i) => {
    const out: Record<string, string | number | null> = { ...row };
    for (const key of keys) {
      out[`${key}SoFar`] = at >= 0 && (i === at || i === at - 1) ? row[key] : null;
      if (i === at) out[key] = null;
    }
    return out;
  });
}

/** A line's dot only at the partial bucket: hollow, in the line's colour (the "so far" point). */
export function partialDot(partialBucket: string, color: string) {
  function PartialDot(props: DotItemDotProps): ReactNode {
    const payload = props.payload as { bucket?: unknown } | undefined;
    if (payload?.bucket !== partialBucket || props.cx === undefined || props.cy === undefined) return <g key={props.index} />;
    return <circle key={props.index} cx={props.cx} cy={props.cy} r={4} fill="#fff" stroke={color} strokeWidth={2} />;
  }
  return PartialDot;
}

/** The note under a chart whose last bucket is partial. */
export function PartialNote(props: { text: string; testId: string }): ReactNode {
  return (
    <p className="muted small how partial-note" data-testid={props.testId}>
      <span className="partial-swatch" aria-hidden="true" /> {props.text}
    </p>
  );
}

// Small pieces the insight panels share: a headline figure with its one-line "how it is computed",
// and the core's notes as a list.
import type { ReactNode } from 'react';

export function Figure(props: { id: string; label: string; value: string; sub?: string; how: string; tone?: 'up' | 'down' | undefined }): ReactNode {
  return (
    <article className="card kpi-card promo-figure" data-testid={`promo-${props.id}`}>
      <span className="kpi-label">{props.label}</span>
      <strong className={props.tone ? `kpi-value promo-${props.tone}` : 'kpi-value'} data-testid={`promo-${props.id}-value`}>
        {props.value}
      </strong>
      {props.sub ? <span className="small promo-figure-sub">{props.sub}</span> : null}
      <p className="muted small promo-how" data-testid={`promo-${props.id}-how`}>
        {props.how}
      </p>
    </article>
  );
}

export function Notes({ notes, testId }: { notes: readonly string[]; testId: string }): ReactNode {
  if (notes.length === 0) return null;
  return (
    <ul className="promo-notes" data-testid={testId}>
      {notes.map((note) => (
        <li key={note} className="muted small">
          {note}
        </li>
      ))}
    </ul>
  );
}

/** Good news green, bad news red, nothing for zero or unknown. */
export function toneOf(value: number | null): 'up' | 'down' | undefined {
  if (value === null || value === 0) return undefined;
  return value > 0 ? 'up' : 'down';
}

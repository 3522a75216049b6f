// One KPI: its value, the change against the previous period and the same
// days last year, and the "how is this computed" note (metrics.md, in words).
import { useState, type ReactNode } from 'react';

export interface KpiCardProps {
  id: string;
  label: string;
  value: string;
  /** Relative change as a fraction (0.12 = +12 %), or null when there is nothing to compare with. */
  vsPrevious: number | null;
  vsLastYear: number | null;
  previousLabel: string;
  lastYearLabel: string;
  how: string;
  howLabel: string;
  formatChange: (fraction: number) => string;
  /** A fall is good news (return rate): colours are swapped. */
  lowerIsBetter?: boolean;
  /** The change is not a verdict yet (a rate still maturing): shown without good/bad colour, with this caveat. */
  caveat?: string | undefined;
  /** How the caveat was found (its tooltip, and under the how-note when open). */
  caveatDetail?: string | undefined;
  neutral?: boolean;
}

export function change(current: number | null, before: number | null): number | null {
  if (current === null || before === null || before === 0) return null;
  return (current - before) / Math.abs(before);
}

export function KpiCard(props: KpiCardProps): ReactNode {
  const [open, setOpen] = useState(false);
  const delta = (value: number | null, label: string) => (
    <span className={value === null || props.neutral ? 'kpi-delta muted' : value >= 0 !== (props.lowerIsBetter ?? false) ? 'kpi-delta up' : 'kpi-delta down'}>
      {label}: {value === null ? '—' : props.formatChange(value)}
    </span>
  );
  return (
    <article className="card kpi-card" data-testid={`kpi-${props.id}`}>
      <header>
        <span className="kpi-label">{props.label}</span>
        <button type="button" className="link kpi-how-toggle" aria-expanded={open} aria-label={props.howLabel} title={props.how} onClick={() => setOpen((v) => !v)}>
          ⓘ
        </button>
      </header>
      <strong className="kpi-value" data-testid={`kpi-${props.id}-value`}>
        {props.value}
      </strong>
      <div className="kpi-deltas">
        {delta(props.vsPrevious, props.previousLabel)}
        {delta(props.vsLastYear, props.lastYearLabel)}
      </div>
      {props.caveat ? (
        <p className="small kpi-caveat" title={props.caveatDetail} data-testid={`kpi-${props.id}-caveat`}>
          {props.caveat}
        </p>
      ) : null}
      {open ? (
        <p className="muted small how" data-testid={`kpi-${props.id}-how`}>
          {props.how}
          {props.caveatDetail ? ` ${props.caveatDetail}` : ''}
        </p>
      ) : null}
    </article>
  );
}

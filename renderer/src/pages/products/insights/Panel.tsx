// A titled card of the 360 view with its "how this is computed" note.
import type { ReactNode } from 'react';

export function Panel(props: { title: string; how?: string; testId: string; wide?: boolean; children: ReactNode }): ReactNode {
  return (
    <article className={props.wide ? 'card insight-panel insight-wide' : 'card insight-panel'} data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.how ? <p className="muted small how">{props.how}</p> : null}
      {props.children}
    </article>
  );
}

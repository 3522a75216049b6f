// An empty list says what would appear there and how to make the first one,
// instead of a bare table header.
import type { ReactNode } from 'react';

export interface EmptyAction {
  label: string;
  /** A link (another page) … */
  href?: string;
  /** … or something on this page (open a form, focus a field). */
  onClick?: () => void;
  testId?: string;
}

export function EmptyState(props: { title: string; hint?: string; action?: EmptyAction; testId?: string }): ReactNode {
  const { action } = props;
  return (
    <div className="empty-state" data-testid={props.testId ?? 'empty-state'}>
      <p className="empty-title">{props.title}</p>
      {props.hint ? <p className="muted small">{props.hint}</p> : null}
      {action ? (
        action.href ? (
          <a className="button button-small" href={action.href} data-testid={action.testId}>
            {action.label}
          </a>
        ) : (
          <button type="button" className="button button-small" onClick={action.onClick} data-testid={action.testId}>
            {action.label}
          </button>
        )
      ) : null}
    </div>
  );
}

/** Moves the caret to the first field of a form on the page (an empty list's "make the first one"). */
export function focusForm(testId: string): void {
  const form = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!form) return;
  form.scrollIntoView({ block: 'start', behavior: 'smooth' });
  form.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
}

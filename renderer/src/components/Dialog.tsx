// The one dialog shell: a modal card that Esc and the backdrop close, focus
// starts inside it and returns to where it was when it closes. Every dialog in
// the app uses it, so keyboard behaviour is the same everywhere.
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

export function Dialog(props: {
  label: string;
  testId?: string;
  onClose: () => void;
  /** A dialog holding a form submits through it (Enter submits). */
  onSubmit?: (event: FormEvent) => void;
  wide?: boolean;
  children: ReactNode;
}): ReactNode {
  const ref = useRef<HTMLElement | null>(null);
  const { onClose } = props;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = ref.current;
    // Focus the first field (or the dialog itself) so Esc and Tab work at once.
    const first = node?.querySelector<HTMLElement>(
      'button[data-autofocus], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)',
    );
    (first ?? node)?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // A confirmation opened over a dialog closes alone: only the topmost dialog answers Esc.
      const open = document.querySelectorAll('[aria-modal="true"]');
      if (open.length > 0 && open[open.length - 1] !== ref.current) return;
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const className = `dialog card${props.wide ? ' dialog-wide' : ''}`;
  const common = { className, role: 'dialog', 'aria-modal': true, 'aria-label': props.label, 'data-testid': props.testId, tabIndex: -1 } as const;
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {props.onSubmit ? (
        <form {...common} ref={(node) => void (ref.current = node)} onSubmit={props.onSubmit}>
          {props.children}
        </form>
      ) : (
        <div {...common} ref={(node) => void (ref.current = node)}>
          {props.children}
        </div>
      )}
    </div>
  );
}

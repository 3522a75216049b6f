// A line of explanation with more behind ⓘ (the "how is this computed" note).
import { useState, type ReactNode } from 'react';

export function InfoNote({ text, how, howLabel, testId }: { text: string; how: string; howLabel: string; testId?: string }): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <div className="muted small how" data-testid={testId}>
      {text}{' '}
      <button type="button" className="link kpi-how-toggle" aria-expanded={open} aria-label={howLabel} title={how} onClick={() => setOpen((v) => !v)}>
        ⓘ
      </button>
      {open ? <p data-testid={testId ? `${testId}-more` : undefined}>{how}</p> : null}
    </div>
  );
}

// Why the field above was refused, beside it (see field-issues.ts): nothing
// when it was not. The toast says the same with the row and field named.
import type { ReactNode } from 'react';

export function FieldProblem({ text, testId }: { text: string | null; testId?: string }): ReactNode {
  return text === null ? null : (
    <span className="field-error" role="alert" data-testid={testId}>
      {text}
    </span>
  );
}

// The one error type the core throws on purpose. Anything else that escapes a
// handler is reported as INTERNAL without its stack (the log keeps the stack).
import type { AppErrorShape, ErrorCode, ErrorDetails, FieldIssue } from './envelope.js';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function validationError(message: string, issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', message, { key: 'validation', issues });
}

export function notFound(what: string, id: string | number): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} was not found`, {
    key: 'notFound',
    params: { what, id },
  });
}

/**
 * Names the row of each `<list>.<i>.…` issue by its SKU (params.sku), so the
 * message can say "SKU TS-001 · Quantity" rather than only a line number the
 * person may not have typed in that order. Issues that already name one keep it.
 */
export function withRowSkus(issues: FieldIssue[], skuOf: (index: number) => string | undefined, list = 'lines'): FieldIssue[] {
  const pattern = new RegExp(`^${list}\\.(\\d+)(?:\\.|$)`);
  return issues.map((issue) => {
    const index = pattern.exec(issue.path)?.[1];
    if (index === undefined || issue.params?.sku !== undefined) return issue;
    const sku = skuOf(Number(index));
    return sku ? { ...issue, params: { ...issue.params, sku } } : issue;
  });
}

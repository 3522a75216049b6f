// The core's router: validates every call against the contract, runs its
// handler and answers with the envelope. Every face (Electron IPC, serve mode's
// HTTP, tests) sits on top of this and nothing else.
import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from './contract.js';
import { AppError } from './shared/app-error.js';
import { findTextProblems } from './shared/bounds.js';
import type { Envelope, FieldIssue } from './shared/envelope.js';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface RouterOptions {
  /** Also validate answers against the contract (on in tests; costs time on big pages). */
  checkOutputs?: boolean;
  /** Where unexpected errors go with their stack; the caller only sees INTERNAL. */
  logError?: (method: string, error: unknown) => void;
}

export type Router = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function zodIssuesToFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // Our schemas put an i18n key in `message` (e.g. 'currencyUnknown'); zod's own
    // messages are sentences, so fall back to the issue code as the key.
    const isKey = /^[a-z][A-Za-z]+$/.test(issue.message);
    return {
      path,
      key: isKey ? issue.message : issue.code,
      message: isKey ? `${path || 'input'}: ${issue.message}` : `${path || 'input'}: ${issue.message}`,
    };
  });
}

export function toErrorEnvelope(error: unknown): Envelope<never> {
  if (error instanceof AppError) return { ok: false, error: error.toShape() };
  if (isBusy(error)) {
    // Another connection (an import being applied) holds the write lock.
    return {
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Shopdesk is busy writing an import; nothing was changed. Try again when the import has finished.',
        details: { key: 'busy' },
      },
    };
  }
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong inside Shopdesk. The action was not completed; your data is unchanged.',
      details: { key: 'internal' },
    },
  };
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

function validationEnvelope(issues: FieldIssue[]): Envelope<never> {
  return { ok: false, error: { code: 'VALIDATION', message: issues.map((issue) => issue.message).join('; '), details: { key: 'validation', issues } } };
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: `Unknown method ${method}`,
          details: { key: 'unknownMethod', params: { method } },
        },
      };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return validationEnvelope(zodIssuesToFieldIssues(parsed.error.issues));
    // One rule for every text field of every method: no NUL, no broken (lone surrogate) characters.
    const badText = findTextProblems(parsed.data);
    if (badText.length > 0) {
      return validationEnvelope(
        badText.map(({ path, key }) => ({
          path,
          key,
          message: `${path || 'input'}: ${key === 'textNul' ? 'contains a NUL character' : 'contains a broken character (a lone UTF-16 surrogate)'}`,
        })),
      );
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(`Output of ${method} breaks the contract: ${JSON.stringify(checked.error.issues)}`);
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError) && !isBusy(error)) options.logError?.(method, error);
      return toErrorEnvelope(error);
    }
  };
}

/** The handlers of one area's slice of the contract (areas build theirs; handlers.ts merges them). */
export type AreaHandlers<C> = { [M in keyof C & MethodName]: Handler<M> };

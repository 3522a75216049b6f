// The core's router: validates every call against the contract, runs its
// handler and answers with the envelope. Every face (Electron IPC, serve mode's
// HTTP, tests) sits on top of this and nothing else.
import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from './contract.js';
import { AppError } from './shared/app-error.js';
import { findTextProblems } from './shared/bounds.js';
import type { Envelope, FieldIssue } from './shared/envelope.js';
import { isBusy } from './db/write-without-waiting.js';
import { environmentError } from './shared/env-errors.js';
import { runAs, type Caller } from './team/call-context.js';
import type { CallGuard } from './team/guard.js';
import { runVia, type Via } from './team/via.js';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface RouterOptions {
  /** Also validate answers against the contract (on in tests; costs time on big pages). */
  checkOutputs?: boolean;
  /** Where unexpected errors go with their stack; the caller only sees INTERNAL. */
  logError?: (method: string, error: unknown) => void;
  /** Who may call what, and what of the answer they see (src/team/guard.ts). Without one, every call runs unchecked. */
  guard?: CallGuard;
  /**
   * Runs around every admitted call (inside its caller's context): the audit log records
   * changes here, and a damaged shop file refuses writes.
   */
  around?: (call: AdmittedCall, run: () => Promise<unknown>) => Promise<unknown>;
  /** Whether one of our own jobs holds the write lock now (a "busy" is then ours, not another program's). */
  ourWriterRunning?: () => boolean;
}

export interface AdmittedCall {
  method: MethodName;
  caller: Caller | null;
  /** The validated input. */
  input: unknown;
}

/** `via`: the face the call came through and its session; in-process callers (tests, the CLI) leave it out. */
export type Router = (method: string, input: unknown, via?: Via) => Promise<Envelope<unknown>>;

/**
 * The keys the router gives zod's own complaints, so the renderer can say what is
 * wrong in the person's language ("must be 0 or more") rather than zod's English.
 * Schemas that name their own key (`min(1, 'quantityPositive')`) keep it.
 */
export const validationKeys = [
  'required',
  'notANumber',
  'notInteger',
  'tooSmall',
  'mustExceed',
  'tooBig',
  'mustBeBelow',
  'tooShort',
  'textTooLong',
  'tooFew',
  'tooMany',
  'notAChoice',
  'notEmail',
  'badFormat',
  'invalidInput',
] as const;
export type ValidationKey = (typeof validationKeys)[number];

const isKey = (message: string): boolean => /^[a-z][A-Za-z]+(?:\.[A-Za-z]+)*$/.test(message);

/** The value the caller sent at an issue's path (undefined when the path does not exist). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const bound = (value: number | bigint): number => Number(value);

/** A stable key and its params for one zod issue, judged by what was actually sent. */
function classify(issue: z.core.$ZodIssue, sent: unknown): { key: ValidationKey; params?: Record<string, number> } {
  switch (issue.code) {
    case 'invalid_type': {
      if (isBlank(sent)) return { key: 'required' };
      const numeric = issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint';
      if (numeric && typeof sent === 'number' && Number.isFinite(sent)) return { key: 'notInteger' };
      if (numeric) return { key: 'notANumber' };
      return { key: 'invalidInput' };
    }
    case 'too_small': {
      const minimum = bound(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { key: 'required' } : { key: 'tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooFew', params: { minimum } };
      return { key: issue.inclusive === false ? 'mustExceed' : 'tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = bound(issue.maximum);
      if (issue.origin === 'string') return { key: 'textTooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', params: { maximum } };
      return { key: issue.inclusive === false ? 'mustBeBelow' : 'tooBig', params: { maximum } };
    }
    case 'invalid_value':
      return isBlank(sent) ? { key: 'required' } : { key: 'notAChoice' };
    case 'invalid_format':
      return issue.format === 'email' ? { key: 'notEmail' } : { key: 'badFormat' };
    case 'not_multiple_of':
      return bound(issue.divisor) === 1 ? { key: 'notInteger' } : { key: 'invalidInput' };
    case 'invalid_union': {
      if (isBlank(sent)) return { key: 'required' };
      // '' | email given "x": the branch the value was meant for is the one that got past its type.
      const meant = issue.errors.flat().find((inner) => inner.code !== 'invalid_type' && inner.code !== 'invalid_value');
      return meant ? classify(meant, valueAt(sent, meant.path)) : { key: 'invalidInput' };
    }
    default:
      return { key: 'invalidInput' };
  }
}

/** Numbers a schema's own key may want too ("at most {maximum}"). */
function boundsOf(issue: z.core.$ZodIssue): Record<string, number> | undefined {
  if (issue.code === 'too_small') return { minimum: bound(issue.minimum) };
  if (issue.code === 'too_big') return { maximum: bound(issue.maximum) };
  return undefined;
}

/** zod's issues as field issues: path kept, a stable key, and the bounds as params. */
export function zodIssuesToFieldIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const where = path || 'input';
    // Our schemas put an i18n key in `message` (e.g. 'currencyUnknown'); zod's own messages are sentences.
    if (isKey(issue.message)) {
      const params = boundsOf(issue);
      return { path, key: issue.message, message: `${where}: ${issue.message}`, ...(params ? { params } : {}) };
    }
    const { key, params } = classify(issue, valueAt(input, issue.path));
    return { path, key, message: `${where}: ${issue.message}`, ...(params ? { params } : {}) };
  });
}

/**
 * `ourWriterRunning`: whether a write of our own (an import's transaction on the second
 * connection) is under way — then "busy" is ours; otherwise another program holds the file.
 */
export function toErrorEnvelope(error: unknown, ourWriterRunning = true): Envelope<never> {
  if (error instanceof AppError) return { ok: false, error: error.toShape() };
  // Disk full, read-only, locked by another program, damaged: each named, with what to do.
  const named = environmentError(error, { busyIsOurs: ourWriterRunning });
  if (named) return { ok: false, error: named.toShape() };
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

function validationEnvelope(issues: FieldIssue[]): Envelope<never> {
  return { ok: false, error: { code: 'VALIDATION', message: issues.map((issue) => issue.message).join('; '), details: { key: 'validation', issues } } };
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const { guard, around } = options;
  return async (method, input, via) => {
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
    let caller: Caller | null = null;
    try {
      caller = guard ? guard.caller(method, via ?? null) : null;
    } catch (error) {
      return toErrorEnvelope(error);
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return validationEnvelope(zodIssuesToFieldIssues(parsed.error.issues, input ?? {}));
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
      guard?.admit(method, caller, input ?? {}, parsed.data);
      const handler = handlers[method] as (input: unknown) => unknown;
      const run = async (): Promise<unknown> => handler(parsed.data);
      const call = (): Promise<unknown> => (around ? around({ method, caller, input: parsed.data }, run) : run());
      const inContext = (): Promise<unknown> => (caller ? runAs(caller, call) : call());
      const value = await (via ? runVia(via, inContext) : inContext());
      if (options.checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(`Output of ${method} breaks the contract: ${JSON.stringify(checked.error.issues)}`);
        }
      }
      return { ok: true, value: guard ? guard.present(method, caller, value) : value };
    } catch (error) {
      if (!(error instanceof AppError) && !isBusy(error)) options.logError?.(method, error);
      return toErrorEnvelope(error, options.ourWriterRunning?.() ?? true);
    }
  };
}

/** The handlers of one area's slice of the contract (areas build theirs; handlers.ts merges them). */
export type AreaHandlers<C> = { [M in keyof C & MethodName]: Handler<M> };

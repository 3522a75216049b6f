// The router's gate for every call: who is calling (team-runtime.ts), whether
// their role has the permission the method needs (method-permissions.ts) and
// what the input asks for (input-permissions.ts), and what of the answer they
// may see (cost figures blanked without `costs.view`, redact.ts).
import type { z } from 'zod';
import { contract, type MethodName } from '../contract.js';
import { AppError } from '../shared/app-error.js';
import type { Caller } from './call-context.js';
import { costSensitiveAnswers } from './cost-sensitive-answers.js';
import { permissionsForInput } from './input-permissions.js';
import { ruleOf } from './method-permissions.js';
import type { Permission } from './permission-names.js';
import { carriesCost, redactCosts } from './redact.js';
import type { TeamRuntime } from './team-runtime.js';
import type { Via } from './via.js';

export function forbidden(method: string, permission: Permission): AppError {
  return new AppError('FORBIDDEN', `Your role does not allow this (${method} needs the permission "${permission}"). Ask the shop's owner.`, {
    key: 'forbidden',
    params: { permission, method },
  });
}

export interface CallGuard {
  /**
   * Who runs this call; throws UNAUTHENTICATED (no session, locked) or FORBIDDEN (the role lacks
   * the method's permission) before the input is even read.
   */
  caller(method: MethodName, via: Via | null): Caller | null;
  /** Throws FORBIDDEN when the caller lacks what this input needs (a price, a cost, many variants). */
  admit(method: MethodName, caller: Caller | null, raw: unknown, parsed: unknown): void;
  /** The answer as this caller may see it. */
  present(method: MethodName, caller: Caller | null, value: unknown): unknown;
}

export interface GuardEvents {
  /** A refused call, for the audit log. */
  forbidden(method: MethodName, caller: Caller, permission: Permission): void;
}

export function createCallGuard(team: TeamRuntime, events?: GuardEvents): CallGuard {
  const costlyOutputs = new Map<MethodName, boolean>();
  const outputCarriesCost = (method: MethodName): boolean => {
    let known = costlyOutputs.get(method);
    if (known === undefined) {
      known = carriesCost(contract[method].output as z.ZodType);
      costlyOutputs.set(method, known);
    }
    return known;
  };
  const refuse = (method: MethodName, caller: Caller, permission: Permission): never => {
    events?.forbidden(method, caller, permission);
    throw forbidden(method, permission);
  };
  return {
    caller(method, via) {
      const rule = ruleOf(method);
      const resolution = team.resolve(via);
      if (resolution.kind === 'person') {
        if (rule.need !== 'public' && !resolution.caller.permissions.has(rule.need)) refuse(method, resolution.caller, rule.need);
        return resolution.caller;
      }
      if (rule.need === 'public') return resolution.kind === 'locked' ? resolution.caller : null;
      if (resolution.kind === 'locked') {
        throw new AppError('UNAUTHENTICATED', 'Shopdesk is locked. Unlock it with your password or PIN, or switch person.', { key: 'sessionLocked' });
      }
      throw new AppError('UNAUTHENTICATED', 'Sign in to use Shopdesk.', { key: 'signInRequired' });
    },
    admit(method, caller, raw, parsed) {
      if (ruleOf(method).need === 'public' || caller === null) return;
      const extra = permissionsForInput(method, raw, parsed, { caller, changeSetActor: (id) => team.store().changeSetActor(id) });
      for (const permission of extra) if (!caller.permissions.has(permission)) refuse(method, caller, permission);
    },
    present(method, caller, value) {
      if (caller === null || caller.permissions.has('costs.view')) return value;
      const special = costSensitiveAnswers[method];
      const filtered = special && value !== null && typeof value === 'object' ? special(value as Record<string, unknown>) : value;
      return outputCarriesCost(method) ? redactCosts(contract[method].output as z.ZodType, filtered) : filtered;
    },
  };
}

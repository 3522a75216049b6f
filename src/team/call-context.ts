// Who is making the call now, and from where. Every face runs each call inside
// a context (the router does it for contract calls; jobs and schedulers carry
// their own), so a service deep down can attribute a change — the stock
// ledger's actor, a change set's actor, the audit log's person and origin —
// without every function taking a "who" parameter. AsyncLocalStorage keeps the
// context across awaits, so two people's calls in serve mode never mix.
import { AsyncLocalStorage } from 'node:async_hooks';
import { permissionNames, type Permission } from './permission-names.js';

/** Where a change comes from, as the audit log names it. */
export const origins = ['desktop', 'serve', 'import', 'sync', 'schedule', 'cli'] as const;
export type Origin = (typeof origins)[number];

export interface Caller {
  /** people.id; 0 for the shop itself (schedulers, the command line before any person exists). */
  personId: number;
  /** The sign-in name, written as the actor of change sets and stock movements. */
  login: string;
  /** The display name at the time of the call (audit rows keep it as it was). */
  name: string;
  /** The caller's permissions (a role's, resolved at sign-in or when the role changes). */
  permissions: ReadonlySet<Permission>;
  origin: Origin;
}

const storage = new AsyncLocalStorage<Caller>();

/** The shop acting on its own (schedules, sync workers, the CLI): every permission, named "Shopdesk". */
export function systemCaller(origin: Origin): Caller {
  return { personId: 0, login: 'shopdesk', name: 'Shopdesk', permissions: allPermissionsSet(), origin };
}

const everything: ReadonlySet<Permission> = new Set(permissionNames);
function allPermissionsSet(): ReadonlySet<Permission> {
  return everything;
}

/** Runs `work` as `caller`; nested runs (a job started by a call) replace the caller for their span. */
export function runAs<T>(caller: Caller, work: () => T): T {
  return storage.run(caller, work);
}

/** The caller of the running call, or null outside any call (startup, tests calling services directly). */
export function currentCaller(): Caller | null {
  return storage.getStore() ?? null;
}

/** The sign-in name to record as the actor of a change: the caller's, else the shop's own. */
export function currentActor(): string {
  return storage.getStore()?.login ?? 'owner';
}

export function callerCan(caller: Caller | null, permission: Permission): boolean {
  return caller === null || caller.permissions.has(permission);
}

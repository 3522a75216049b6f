// People with a role, signed in through the same path as a face: a `via` whose
// session the sign-in answer sets. Calls as that person go through the router's
// guard exactly as serve mode's and Electron's do.
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract.js';
import type { Envelope } from '../../../src/shared/envelope.js';
import type { BuiltInRole } from '../../../src/team/permission-names.js';
import type { Via } from '../../../src/team/via.js';
import type { TestShop } from '../shop-harness.js';

export const builtInRoleIds: Record<BuiltInRole, number> = { owner: 1, manager: 2, staff: 3, viewer: 4 };

export interface SignedIn {
  via: Via;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>>;
  /** Any method name with any input (for tables over the whole contract). */
  callAny(method: string, input: unknown): Promise<Envelope<unknown>>;
}

/** A fresh face (no session yet) of the given origin. */
export function face(shop: TestShop, origin: Via['origin'] = 'serve'): SignedIn {
  const via: Via = { origin, setSession: (token) => (via.session = token ?? undefined) };
  return {
    via,
    call: (method, input) => shop.core.call(method, input, via) as Promise<Envelope<MethodOutput<typeof method>>>,
    callAny: (method, input) => shop.core.call(method, input, via),
  };
}

/** Creates a person with `role` (as the in-process owner) and signs them in on a new face. */
export async function signedInAs(shop: TestShop, role: BuiltInRole | number, login: string, password = 'correct horse 1'): Promise<SignedIn> {
  const roleId = typeof role === 'number' ? role : builtInRoleIds[role];
  await shop.ok('team.people.create', { name: login, login, roleId, password });
  const person = face(shop);
  const answer = await person.call('team.signIn', { login, password });
  if (!answer.ok) throw new Error(`sign-in as ${login} failed: ${answer.error.message}`);
  return person;
}

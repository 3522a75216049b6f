// team.*: signing in and out, locking, and the owner's management of people,
// roles and the sign-in settings.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { AppError } from '../shared/app-error.js';
import { currentCaller } from './call-context.js';
import type { teamContract } from './contract.js';
import { createPeopleService } from './people-service.js';
import type { TeamRuntime } from './team-runtime.js';
import { currentVia } from './via.js';

export function createTeamHandlers(area: AreaContext, team: TeamRuntime): AreaHandlers<typeof teamContract> {
  const people = () =>
    createPeopleService({
      store: team.store(),
      clock: area.clock,
      transaction: (work) => team.store().transaction(work),
      endSessionsOf: team.endSessionsOf,
      callerId: () => currentCaller()?.personId ?? 0,
    });
  // People, roles and settings are cached per call path (team-runtime.ts): a change clears them.
  const changed = async <T>(work: T | Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      team.invalidate();
    }
  };
  const me = (): number => {
    const caller = currentCaller();
    if (!caller || caller.personId === 0) throw new AppError('UNAUTHENTICATED', 'Sign in to use Shopdesk.', { key: 'signInRequired' });
    return caller.personId;
  };
  return {
    'team.status': () => team.status(currentVia()),
    'team.signIn': ({ login, password }) => team.signIn(login, password, currentVia()),
    'team.signInWithPin': ({ personId, pin }) => team.signInWithPin(personId, pin, currentVia()),
    'team.unlock': (input) => team.unlock(input, currentVia()),
    'team.lock': () => ({ locked: team.lock(currentVia()) }),
    'team.signOut': () => ({ signedOut: team.signOut(currentVia()) }),
    'team.changeOwnPassword': async ({ currentPassword, newPassword }) => ({
      changed: await team.changeOwnPassword(me(), currentPassword, newPassword, currentVia()),
    }),
    'team.settings.get': () => people().settings(),
    'team.settings.update': (changes) => changed(people().updateSettings(changes)),
    'team.people.list': () => ({ people: people().list() }),
    'team.people.create': (input) => changed(people().create(input)),
    'team.people.update': ({ personId, changes }) => changed(people().update(personId, changes)),
    'team.people.setPassword': ({ personId, password }) => changed(people().setPassword(personId, password)),
    'team.people.setPin': ({ personId, pin }) => changed(people().setPin(personId, pin)),
    'team.roles.list': () => ({ roles: people().roles() }),
    'team.roles.create': ({ name, permissions }) => changed(people().createRole(name, permissions)),
    'team.roles.update': ({ roleId, changes }) => changed(people().updateRole(roleId, changes)),
    'team.roles.remove': ({ roleId }) => changed({ removed: people().removeRole(roleId) }),
  };
}

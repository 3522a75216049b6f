// A role as a person reads it: built-in roles in the UI language, custom ones by their name.
import type { Role } from '../../../../src/team/contract.js';
import type { I18n } from '../../i18n/context.js';

export function roleLabel(t: I18n['t'], role: { builtIn: Role['builtIn']; name: string }): string {
  return role.builtIn ? t(`team.role.${role.builtIn}`) : role.name;
}

// People, roles and sign-in. Pure (zod + types): the renderer imports it.
// Sessions travel outside the answers: a face (serve mode's cookie, Electron's
// per-window map) keeps the token the core hands it, so no page script ever
// holds it.
import { z } from 'zod';
import { builtInRoles, permissionNames } from './permission-names.js';

const id = z.number().int().positive();
export const permissionSchema = z.enum(permissionNames);

export const loginSchema = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(60, { message: 'tooLong' })
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: 'loginFormat' });
export const personNameSchema = z.string().trim().min(1, { message: 'required' }).max(120, { message: 'tooLong' });
/** Long enough to resist guessing at the rate sign-in allows; no other rule (NIST SP 800-63B). */
export const passwordSchema = z.string().min(8, { message: 'passwordTooShort' }).max(200, { message: 'tooLong' });
export const pinSchema = z.string().regex(/^\d{4,8}$/, { message: 'pinFormat' });

export const roleSchema = z.object({
  id: z.number().int(),
  /** owner / manager / staff / viewer for the built-in roles (named in the UI language); null for custom roles. */
  builtIn: z.enum(builtInRoles).nullable(),
  name: z.string(),
  permissions: z.array(permissionSchema),
  people: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  login: z.string(),
  roleId: z.number().int(),
  roleName: z.string(),
  roleBuiltIn: z.enum(builtInRoles).nullable(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  hasPin: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

/** Who is signed in on this window / browser, and what they may do. */
export const sessionPersonSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  login: z.string(),
  roleName: z.string(),
  roleBuiltIn: z.enum(builtInRoles).nullable(),
  permissions: z.array(permissionSchema),
});
export type SessionPerson = z.infer<typeof sessionPersonSchema>;

export const teamSettingsSchema = z.object({
  signInRequired: z.boolean(),
  /** 0: never lock by itself. */
  idleLockMinutes: z.number().int().min(0).max(1440),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const teamStatusSchema = z.object({
  signInRequired: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** The person this window acts as: the signed-in one, or the owner when sign-in is off. */
  person: sessionPersonSchema.nullable(),
  /** Signed in, but locked (idle, or Lock pressed): only unlocking or switching person works. */
  locked: z.boolean(),
  /** For Switch person on a shared counter PC: names and whether a PIN works for them. */
  people: z.array(z.object({ id: z.number().int(), name: z.string(), login: z.string(), hasPin: z.boolean() })),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

const signedIn = z.object({ person: sessionPersonSchema });

export const teamContract = {
  'team.status': { input: z.object({}), output: teamStatusSchema },
  'team.signIn': { input: z.object({ login: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) }), output: signedIn },
  /** Quick switching on a shared counter PC: a person with a PIN picks their name and types it. */
  'team.signInWithPin': { input: z.object({ personId: id, pin: z.string().min(1).max(8) }), output: signedIn },
  /** Unlocks this window's locked session with the same person's password or PIN. */
  'team.unlock': {
    input: z.union([z.object({ password: z.string().min(1).max(200) }), z.object({ pin: z.string().min(1).max(8) })]),
    output: signedIn,
  },
  'team.lock': { input: z.object({}), output: z.object({ locked: z.boolean() }) },
  'team.signOut': { input: z.object({}), output: z.object({ signedOut: z.boolean() }) },
  'team.changeOwnPassword': {
    input: z.object({ currentPassword: z.string().max(200).default(''), newPassword: passwordSchema }),
    output: z.object({ changed: z.boolean() }),
  },
  'team.settings.get': { input: z.object({}), output: teamSettingsSchema },
  'team.settings.update': { input: teamSettingsSchema.partial(), output: teamSettingsSchema },
  'team.people.list': { input: z.object({}), output: z.object({ people: z.array(personSchema) }) },
  'team.people.create': {
    input: z.object({ name: personNameSchema, login: loginSchema, roleId: id, password: passwordSchema.optional(), pin: pinSchema.optional() }),
    output: personSchema,
  },
  'team.people.update': {
    input: z.object({
      personId: id,
      changes: z.object({ name: personNameSchema.optional(), login: loginSchema.optional(), roleId: id.optional(), active: z.boolean().optional() }),
    }),
    output: personSchema,
  },
  /** Sets (or, with null, removes) a person's password or PIN; their open sessions end. */
  'team.people.setPassword': { input: z.object({ personId: id, password: passwordSchema }), output: personSchema },
  'team.people.setPin': { input: z.object({ personId: id, pin: pinSchema.nullable() }), output: personSchema },
  'team.roles.list': { input: z.object({}), output: z.object({ roles: z.array(roleSchema) }) },
  'team.roles.create': {
    input: z.object({ name: personNameSchema, permissions: z.array(permissionSchema).max(permissionNames.length) }),
    output: roleSchema,
  },
  'team.roles.update': {
    input: z.object({
      roleId: id,
      changes: z.object({ name: personNameSchema.optional(), permissions: z.array(permissionSchema).max(permissionNames.length).optional() }),
    }),
    output: roleSchema,
  },
  'team.roles.remove': { input: z.object({ roleId: id }), output: z.object({ removed: z.boolean() }) },
} as const;

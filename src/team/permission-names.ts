// The permissions a role is made of: one per area and action a shop owner
// would want to give or withhold. Pure (the renderer lists them with their
// labels, `team.permission.<name>`). The contract's router checks one of these
// for every method (src/team/method-permissions.ts).
export const permissionNames = [
  /** Open the shop and read its lists and reports (everyone who may sign in has it). */
  'shop.view',
  /** See cost, COGS, gross profit, margin and stock value — in grids, exports, reports and answers. */
  'costs.view',
  'prices.edit',
  /** Products, variants, categories, tags, bundles (not their prices or costs). */
  'catalog.edit',
  'bulk.edit',
  'imports.run',
  /** Undo a change set another person made (one's own needs only the area's permission). */
  'history.undoOthers',
  /** Adjustments, transfers, stock rules, locations. */
  'stock.adjust',
  /** Open stocktakes and count; posting the result is its own permission. */
  'stock.count',
  'stocktakes.post',
  'purchasing.create',
  'purchasing.send',
  'purchasing.receive',
  'suppliers.manage',
  'promotions.run',
  /** Mark alerts seen or resolved, act on their groups. */
  'alerts.handle',
  /** Sync now, link review, the review queue. */
  'channels.sync',
  /** Connect, disconnect, credentials, channel settings. */
  'channels.manage',
  'reports.generate',
  'people.manage',
  'settings.manage',
  'audit.view',
  'backups.manage',
] as const;
export type Permission = (typeof permissionNames)[number];

export const builtInRoles = ['owner', 'manager', 'staff', 'viewer'] as const;
export type BuiltInRole = (typeof builtInRoles)[number];

const everything = [...permissionNames];

/** What each built-in role may do (custom roles pick their own set). */
export const builtInRolePermissions: Record<BuiltInRole, readonly Permission[]> = {
  owner: everything,
  // Runs the shop day to day; only people and backups (restore replaces the shop) stay with the owner.
  manager: everything.filter((permission) => permission !== 'people.manage' && permission !== 'backups.manage'),
  // Works the floor and the stock room: no costs or margins, no prices, no purchasing decisions.
  staff: ['shop.view', 'catalog.edit', 'stock.adjust', 'stock.count', 'purchasing.receive', 'alerts.handle', 'channels.sync', 'reports.generate'],
  // Reads everything, costs included (a bookkeeper, a partner), and changes nothing.
  viewer: ['shop.view', 'costs.view', 'audit.view'],
};

export function isPermission(name: string): name is Permission {
  return (permissionNames as readonly string[]).includes(name);
}

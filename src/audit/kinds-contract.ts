// The area of the shop each contract method and event belongs to, for History's
// area filter and labels. Pure: the renderer reads it. Whether a method changes the
// shop (and so is recorded even when it changed nothing) is the team area's table
// (src/team/method-permissions.ts, `writes`).

/** The areas History filters by. */
export const auditAreas = [
  'shop',
  'settings',
  'team',
  'catalog',
  'stock',
  'suppliers',
  'purchasing',
  'imports',
  'exports',
  'reports',
  'alerts',
  'channels',
  'promotions',
  'history',
  'backups',
  'audit',
] as const;
export type AuditArea = (typeof auditAreas)[number];

/** A method's first name part → its area (areas the team and backups add map by their own names). */
const areaByPrefix: Readonly<Record<string, AuditArea>> = {
  shop: 'shop',
  jobs: 'shop',
  settings: 'settings',
  team: 'team',
  people: 'team',
  roles: 'team',
  session: 'team',
  products: 'catalog',
  variants: 'catalog',
  categories: 'catalog',
  tags: 'catalog',
  bundles: 'catalog',
  locations: 'stock',
  stock: 'stock',
  adjustmentReasons: 'stock',
  transfers: 'stock',
  stocktakes: 'stock',
  suppliers: 'suppliers',
  supplierItems: 'suppliers',
  purchaseOrders: 'purchasing',
  reorder: 'purchasing',
  exports: 'exports',
  imports: 'imports',
  analytics: 'reports',
  reports: 'reports',
  alerts: 'alerts',
  channels: 'channels',
  sync: 'channels',
  links: 'channels',
  review: 'channels',
  promotions: 'promotions',
  coupons: 'promotions',
  history: 'history',
  backups: 'backups',
  audit: 'audit',
};

export function areaOfMethod(method: string): AuditArea | string {
  const prefix = method.split('.')[0] ?? method;
  return areaByPrefix[prefix] ?? prefix;
}

/** Events the audit log records besides contract calls (appendAudit's kinds). */
export const auditEventKinds = [
  'signIn',
  'signInRefused',
  'signOut',
  'forbidden',
  'backup',
  'backupFailed',
  'restore',
  'importApplied',
  'ordersPulled',
  'scheduledRun',
  'outsideChanges',
] as const;
export type AuditEventKind = (typeof auditEventKinds)[number];

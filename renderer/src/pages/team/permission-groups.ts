// The permission checklist of a custom role, grouped by area in the order a
// shop owner thinks of them. Every permission of the contract sits in exactly
// one group (tests/unit/team/permission-labels.test.ts).
import { permissionSchema, type SessionPerson } from '../../../../src/team/contract.js';

export type PermissionName = SessionPerson['permissions'][number];
export type PermissionArea = 'shop' | 'stock' | 'purchasing' | 'sales' | 'insight' | 'admin';

export const allPermissions: readonly PermissionName[] = permissionSchema.options;

export const permissionGroups: ReadonlyArray<{ area: PermissionArea; permissions: readonly PermissionName[] }> = [
  { area: 'shop', permissions: ['shop.view', 'catalog.edit', 'prices.edit', 'costs.view', 'bulk.edit', 'imports.run', 'history.undoOthers'] },
  { area: 'stock', permissions: ['stock.adjust', 'stock.count', 'stocktakes.post'] },
  { area: 'purchasing', permissions: ['purchasing.create', 'purchasing.send', 'purchasing.receive', 'suppliers.manage'] },
  { area: 'sales', permissions: ['promotions.run', 'channels.sync', 'channels.manage'] },
  { area: 'insight', permissions: ['alerts.handle', 'reports.generate', 'audit.view'] },
  { area: 'admin', permissions: ['people.manage', 'settings.manage', 'backups.manage'] },
];

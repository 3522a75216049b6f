// WooCommerce REST API v3 emulator for connector tests. See README.md in this folder.
export { startWooEmulator, defaultTestKey } from './server.js';
export type { RunningWooEmulator, WooEmulatorOptions, WooCounters } from './server.js';
export type { WooSideDoor, ItemFailureSpec } from './side-door.js';
export type { ApiKey, KeyPermission } from './auth.js';
export type { FaultMatch, ServerErrorStatus } from './faults.js';
export type * from './records.js';

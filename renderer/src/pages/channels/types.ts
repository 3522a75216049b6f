// The sync contract's shapes as the Channels screens use them, taken from the method map
// (src/contract.ts) — the renderer imports contract files only, not the area's schema files.
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';

export type ChannelSummary = MethodOutput<'channels.list'>['channels'][number];
export type ChannelDetail = MethodOutput<'channels.get'>;
export type ChannelKind = NonNullable<ChannelSummary['kind']>;
export type FieldOwner = ChannelDetail['ownership']['price'];
export type LinkFilter = MethodInput<'links.review'>['filter'];
export type LinkRow = MethodOutput<'links.review'>['rows'][number];
export type ReviewItem = MethodOutput<'review.list'>['items'][number];
export type ReviewKind = ReviewItem['kind'];
export type ReviewAction = MethodInput<'review.resolve'>['action'];
export type SyncDirection = MethodOutput<'sync.log'>['rows'][number]['direction'];

// The promotion shapes the pages use, taken from the contract (the renderer imports contract
// files only; rules.ts is behind it).
import { promotionRowSchema, type PromotionDetail, type PromotionFields } from '../../../../src/promotions/contract.js';

export const promotionTypes = promotionRowSchema.shape.type.options;
export const promotionStatuses = promotionRowSchema.shape.status.options;
export type PromotionType = (typeof promotionTypes)[number];
export type PromotionStatus = (typeof promotionStatuses)[number];
export type Stacking = PromotionDetail['stacking'];
export type PromotionRule = PromotionDetail['rule'];
export type TargetKind = Extract<PromotionFields['targets'], { scope: 'targets' }>['items'][number]['kind'];

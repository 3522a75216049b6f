// The pure promotion pricing engine (no SQL): checkout (priceBasket), one SKU's unit price and its
// deepest reachable price (margin guard), the stacking rule and the integer money helpers.
export { priceBasket, type BasketLine, type BasketPromotion, type BasketResult, type CustomerContext, type GiftLine, type PricedLine } from './basket.js';
export {
  applyFormula,
  deepestUnitPrice,
  effectiveUnitPrice,
  isUnitRule,
  unitFormula,
  unitPriceUnder,
  type DeepestContext,
  type UnitFormula,
  type UnitRule,
} from './unit-price.js';
export { byStackingOrder, resolveStacking, stackingRuleText, type Stackable } from './stacking.js';
export { mulDivHalfUp, percentPrice, roundHalfUp, spreadLargestRemainder } from './rounding.js';
export { createSkuChecker, feeOf, marginBpOf, maxOthersPerSku, type GuardPromotion, type SkuFacts } from './combos.js';

// Promotions, numbers side: the pre-launch simulation, draft POs for its shortfalls, the
// evaluation and the results list (insight-contract.ts), wired to their services.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { draftPromotionPurchaseOrders } from './draft-po-service.js';
import { evaluatePromotion } from './evaluation-service.js';
import type { promotionInsightContract } from './insight-contract.js';
import { listPromotionResults } from './results-service.js';
import { simulatePromotion } from './simulation-service.js';

export function createPromotionInsightHandlers(area: AreaContext): AreaHandlers<typeof promotionInsightContract> {
  return {
    'promotions.simulate': (input) => simulatePromotion(area.db(), input.promotionId, { upliftAssumptionBp: input.upliftAssumptionBp }, area.clock.now()),
    'promotions.draftPurchaseOrders': (input) => {
      const drafted = draftPromotionPurchaseOrders(area.db(), input, area.actor(), area.clock.now());
      area.emit({ name: 'data.changed', payload: { areas: ['purchasing'] } });
      return drafted;
    },
    'promotions.evaluate': (input) => evaluatePromotion(area.db(), input.promotionId, area.clock.now()),
    'promotions.results': (input) => ({ rows: listPromotionResults(area.db(), input, area.clock.now()) }),
  };
}

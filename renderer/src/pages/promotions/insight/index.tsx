// STUB (coordinator): the insight panels the promotion page shows as tabs. Owner: the UI insight
// helper; replace wholesale, keep these exports and props.
import type { ReactElement } from 'react';

export interface PromotionPanelProps {
  promotionId: number;
  /** Called after the panel changed the promotion (e.g. codes generated), so the page reloads it. */
  onChanged?: () => void;
}

/** Pre-launch simulation with stock cover and draft POs. */
export function SimulationPanel(props: PromotionPanelProps): ReactElement {
  return <div data-promotion={props.promotionId} />;
}

/** Live / final evaluation: lift, incremental profit, ROI, pull-forward, cannibalisation, customers, A/B. */
export function EvaluationPanel(props: PromotionPanelProps): ReactElement {
  return <div data-promotion={props.promotionId} />;
}

/** Coupon codes (add, generate a batch, export) and the segment audience (send list, control group). */
export function CouponsPanel(props: PromotionPanelProps): ReactElement {
  return <div data-promotion={props.promotionId} />;
}

/** Results of running and ended promotions (lift, ROI), for the area's Results tab. */
export function ResultsPage(): ReactElement {
  return <div />;
}

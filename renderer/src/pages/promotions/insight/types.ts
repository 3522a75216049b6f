// The props every insight panel takes (the promotion page shows the panels as its tabs).
export interface PromotionPanelProps {
  promotionId: number;
  /** Called after the panel changed the promotion (e.g. codes generated), so the page reloads it. */
  onChanged?: () => void;
}

// The insight panels the promotion page shows as tabs (Simulation, Coupons, Evaluation) and the
// area's Results tab, with their own looks.
import './insight.css';

export type { PromotionPanelProps } from './types.js';
export { SimulationPanel } from './SimulationPanel.js';
export { EvaluationPanel } from './EvaluationPanel.js';
export { CouponsPanel } from './CouponsPanel.js';
export { ResultsPage } from './ResultsPage.js';

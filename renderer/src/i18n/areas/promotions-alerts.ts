// Texts of the promotion alert rules (src/alerts/rules/promotion-*.ts): keys + params from the
// core, like renderer/src/i18n/areas/alerts.ts. Plain data: the weekly report renders them too.
export const promotionsAlertsEn = {
  'alerts.title.promotionStockCover': '{promotion}: {skus} SKUs will sell out before it ends',
  'alerts.title.promotionBelowSimulation': '{promotion} is selling far below its simulation',
  'alerts.title.promotionEnded': '{promotion} ended: lift {lift}, ROI {roi}',
  'alerts.metric.promotionDaysOfCover': 'Days of cover of {sku} at the promotion’s pace',
  'alerts.metric.promotionUnitsSoFar': 'Units sold under the promotion in its first {days} days',
  'alerts.metric.promotionIncrementalProfit': 'Incremental gross profit',
  'alerts.baseline.promotionDaysLeft': 'Days the promotion still runs: {days}',
  'alerts.baseline.promotionSimulation': 'Simulation’s expected units for {days} days (alert below {share} % of it)',
  'alerts.baseline.promotionCost': 'Promotion cost (discounts given + gifts’ cost)',
  'alerts.cause.promotionSkuCover': '{sku}: {available} available, selling {perDay} a day: {days} days of cover',
  'alerts.cause.promotionBaselineUnits': 'Without the promotion the forecast expected {units} units so far',
  'alerts.cause.promotionLift': '{units} units sold against a baseline of {baseline}: lift {lift}',
  'alerts.cause.promotionNoBaseline': '{units} units sold; no baseline (too little history before it)',
  'alerts.cause.promotionProfit': 'Incremental gross profit {profit} for a promotion cost of {cost}',
  'alerts.action.openPromotion': 'Open promotion',
} as const;

export const promotionsAlertsZh: Record<keyof typeof promotionsAlertsEn, string> = {
  'alerts.title.promotionStockCover': '{promotion}：有 {skus} 个 SKU 将在活动结束前售罄',
  'alerts.title.promotionBelowSimulation': '{promotion} 的销量远低于模拟预期',
  'alerts.title.promotionEnded': '{promotion} 已结束：提升 {lift}，ROI {roi}',
  'alerts.metric.promotionDaysOfCover': '按活动期间的销售速度，{sku} 的可售天数',
  'alerts.metric.promotionUnitsSoFar': '活动前 {days} 天的销量',
  'alerts.metric.promotionIncrementalProfit': '增量毛利',
  'alerts.baseline.promotionDaysLeft': '活动剩余天数：{days}',
  'alerts.baseline.promotionSimulation': '模拟预计 {days} 天的销量（低于其 {share} % 时预警）',
  'alerts.baseline.promotionCost': '活动成本（让利金额 + 赠品成本）',
  'alerts.cause.promotionSkuCover': '{sku}：可用 {available} 件，每天售出 {perDay} 件，可售 {days} 天',
  'alerts.cause.promotionBaselineUnits': '若无活动，预测到目前为止销量为 {units} 件',
  'alerts.cause.promotionLift': '售出 {units} 件，基准 {baseline} 件：提升 {lift}',
  'alerts.cause.promotionNoBaseline': '售出 {units} 件；活动前历史太少，没有基准',
  'alerts.cause.promotionProfit': '增量毛利 {profit}，活动成本 {cost}',
  'alerts.action.openPromotion': '打开活动',
};

// Strings that make figures believable: today (this week, this month) so far
// in every trend, return rates still maturing, estimated lost sales with their
// bound and check, and the one low-stock rule (docs/metrics-notes.md).
export const figuresEn = {
  'figures.partial.day': 'Today so far',
  'figures.partial.week': 'This week so far',
  'figures.partial.month': 'This month so far',
  'figures.partial.label': '{label} (so far)',
  'figures.partial.legend': '{series}: {what}',
  'figures.partial.kpiNote':
    'Includes today so far (to {time}). Changes compare like with like: the previous period and last year are counted to {cut} on their matching day.',
  'figures.partial.trendNote':
    '{what} (to {time}) is drawn dashed and lighter: it is not over, so it is not a drop. Last year’s matching day is counted to {cut}.',
  'figures.partial.barsNote': '{what} (to {time}) is the lighter bar: it is not over yet.',
  'figures.partial.weekNote': 'This week (from {date}) is not over: its bar is lighter and its line dashed.',
  'figures.partial.forecastNote': 'Today so far: {units} units sold; forecast for the whole day ≈ {forecast}. The forecast is fitted on complete days only.',
  'figures.maturing.caveat': 'Returns still arriving for orders of the last {days} days: not final yet.',
  'figures.maturing.lagShop': '90 % of this shop’s returned units came back within {days} days of the order (returns of the last year).',
  'figures.maturing.lagDefault': 'Fewer than 30 returns in the last year to measure this shop’s own return lag: {days} days assumed.',
  'figures.maturing.report': 'Orders placed from {date} on may still be returned: the return rates of this period will still rise.',
  'figures.lost.value': '≈ {value} (at most {high})',
  'figures.lost.check':
    'Check: the same {variants} variants sold {units} units ({sales}) in the period on their {days} in-stock days, {perDay} a day; the estimate assumes {lostPerDay} a day over their {outDays} days out of stock.',
  'figures.lost.colHigh': 'At most (units)',
  'figures.lost.colHighSales': 'At most (net sales)',
  'figures.lowStock.badge': 'Low stock',
  'figures.lowStock.title':
    'Also low by the rule Stock → Levels and the alerts use: available at or below its low-stock mark, else its safety stock, else nothing left.',
};

export const figuresZh: Record<keyof typeof figuresEn, string> = {
  'figures.partial.day': '今日截至目前',
  'figures.partial.week': '本周截至目前',
  'figures.partial.month': '本月截至目前',
  'figures.partial.label': '{label}（截至目前）',
  'figures.partial.legend': '{series}：{what}',
  'figures.partial.kpiNote': '含今日截至 {time} 的数据。变化按相同时段比较：上一期间和去年同期的对应日只计到 {cut}。',
  'figures.partial.trendNote': '{what}（截至 {time}）以虚线、浅色显示：尚未结束，并非下降。去年同期的对应日只计到 {cut}。',
  'figures.partial.barsNote': '{what}（截至 {time}）为浅色柱：尚未结束。',
  'figures.partial.weekNote': '本周（自 {date} 起）尚未结束：柱形为浅色，折线为虚线。',
  'figures.partial.forecastNote': '今日截至目前售出 {units} 件，全天预测约 {forecast} 件。预测只用已结束的日期拟合。',
  'figures.maturing.caveat': '近 {days} 天订单的退货仍在陆续发生：尚非最终结果。',
  'figures.maturing.lagShop': '本店 90% 的退货件数在下单后 {days} 天内退回（按近一年的退货统计）。',
  'figures.maturing.lagDefault': '近一年退货不足 30 笔，无法测算本店的退货周期：按 {days} 天计。',
  'figures.maturing.report': '自 {date} 起下单的订单仍可能退货：本期间的退货率还会上升。',
  'figures.lost.value': '约 {value}（至多 {high}）',
  'figures.lost.check':
    '核对：这 {variants} 个规格在期间内有货的 {days} 天共售出 {units} 件（{sales}），日均 {perDay} 件；估算按缺货的 {outDays} 天日均 {lostPerDay} 件计。',
  'figures.lost.colHigh': '至多（件）',
  'figures.lost.colHighSales': '至多（净销售额）',
  'figures.lowStock.badge': '低库存',
  'figures.lowStock.title': '按“库存 › 库存水平”和提醒使用的同一规则也属低库存：可用数量不高于低库存提醒线，未设则不高于安全库存，再未设则为零。',
};

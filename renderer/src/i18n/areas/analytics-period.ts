// Strings of the analytics period controls (presets, custom range, as-of
// date) and of the stock-history notes.
export const analyticsPeriodEn = {
  'analytics.preset.custom': 'Custom…',
  'analytics.range.from': 'From',
  'analytics.range.to': 'To',
  'analytics.range.apply': 'Apply',
  'analytics.range.missing': 'Pick both a first and a last day.',
  'analytics.range.order': 'The last day is before the first day: pick a last day on or after the first.',
  'analytics.range.future': 'The period can’t end after today ({today}): pick a last day up to today.',
  'analytics.range.asOf': 'As of',
  'analytics.range.asOfHow': 'The day the figures below are taken at (the end of that day, shop time). Default: today.',
  'analytics.range.asOfMissing': 'Pick an as-of day.',
  'analytics.range.asOfFuture': 'The as-of day can’t be after today ({today}).',
  'analytics.stock.none': 'Stock history starts {date}: the stock before then is not on record, so there are no stock figures here.',
  'analytics.stock.fromStart': 'Stock history starts {date}: this period begins earlier, so figures that need its opening stock count from {date}.',
  'analytics.stock.notRecorded': 'No stock is on record yet: stock figures appear once stock is counted, imported or received.',
  'analytics.stock.how':
    'Stock is known from each location’s first stock record (an opening count or import, a stocktake, an adjustment); a location whose first record is a receipt or a transfer in began empty. Before the latest such start, stock is unknown: figures that need the stock at the end of a period (or on an as-of day) have no value; those that need the stock at the start of a period that begins earlier take it when the history starts.',
  'analytics.stock.locationOpening': '{location}: from {date} (opening stock)',
  'analytics.stock.locationEmpty': '{location}: from {date} (began empty)',
  'analytics.stock.listSeparator': '; ',
  'analytics.segment.unscoredHow':
    'Unscored: customers with sales in the period but no order in the 365 days ending on its last day, so RFM gives them no segment — mostly refunds made in the period on orders placed before that year (and, in periods longer than a year, their orders from before it). Guest orders: orders without a customer.',
  'analytics.products.abcAsOf': 'ABC classes (365 days to {asOf})',
  'analytics.products.slowHowAsOf': 'In stock at the end of {asOf} and not sold for {days} days or more; never-sold first, then the longest.',
};

export const analyticsPeriodZh: Record<keyof typeof analyticsPeriodEn, string> = {
  'analytics.preset.custom': '自定义…',
  'analytics.range.from': '开始日期',
  'analytics.range.to': '结束日期',
  'analytics.range.apply': '应用',
  'analytics.range.missing': '请选择开始日期和结束日期。',
  'analytics.range.order': '结束日期早于开始日期：请选择不早于开始日期的结束日期。',
  'analytics.range.future': '期间不能晚于今天（{today}）：请选择今天或更早的结束日期。',
  'analytics.range.asOf': '截至',
  'analytics.range.asOfHow': '下方指标计算截至的日期（店铺时间当天结束时）。默认为今天。',
  'analytics.range.asOfMissing': '请选择截至日期。',
  'analytics.range.asOfFuture': '截至日期不能晚于今天（{today}）。',
  'analytics.stock.none': '库存记录始于 {date}：此前的库存没有记录，因此这里没有库存指标。',
  'analytics.stock.fromStart': '库存记录始于 {date}：本期间开始得更早，需要期初库存的指标从 {date} 起计算。',
  'analytics.stock.notRecorded': '尚无库存记录：盘点、导入或收货后才会显示库存指标。',
  'analytics.stock.how':
    '库存自各仓库 / 门店的第一条库存记录起可知（期初盘点或导入、盘点、库存调整）；第一条记录为收货或调拨入库的地点视为从零开始。在最晚的这类起点之前，库存未知：需要期末（或截至日）库存的指标不提供数值；期间开始早于起点时，需要期初库存的指标按记录开始时的库存计算。',
  'analytics.stock.locationOpening': '{location}：始于 {date}（期初库存）',
  'analytics.stock.locationEmpty': '{location}：始于 {date}（从零开始）',
  'analytics.stock.listSeparator': '；',
  'analytics.segment.unscoredHow':
    '未评分：本期间有销售记录、但在截至期末的 365 天内没有订单的客户，RFM 无法为其分层——主要是本期间发生的、针对该年度之前订单的退款（期间超过一年时，也包括其一年以前的订单）。游客订单：没有客户的订单。',
  'analytics.products.abcAsOf': 'ABC 分类（截至 {asOf} 的 365 天）',
  'analytics.products.slowHowAsOf': '{asOf} 结束时有库存且 {days} 天及以上未售出；从未售出的排在最前，其余按天数从多到少。',
};

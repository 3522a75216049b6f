// The words of History in both languages: what each change set did (summary.<key>),
// the names of the codes its parameters carry (summaryLabel.<param>.<code>) and who
// did it (actor.<actor>). The core renders them for the English summary it stores
// and for exports; the renderer registers the same texts in its dictionaries
// (renderer/src/i18n/areas/history-texts.ts), so screen and file say the same.
import type { Locale } from '../settings/contract.js';
import { actorName, renderSummary, summaryFormats, type Summary } from './history-summary.js';

export const historyTextsEn = {
  'summary.demo': 'Demo shop generated: {variants} variants, {orders} orders',
  'summary.variantEdit': 'Edited {cells} field(s) of {sku}',
  'summary.gridEdit': 'Edited {cells} cell(s) on {variants} variant(s)',
  'summary.productEdit': 'Edited product {title}',
  'summary.priceChangePercent': '{field} {percent} on {count} variant(s)',
  'summary.priceChangeAmount': '{field} {amount} on {count} variant(s)',
  'summary.priceChangePercentRounded': '{field} {percent}, rounded {rounding}, on {count} variant(s)',
  'summary.priceChangeAmountRounded': '{field} {amount}, rounded {rounding}, on {count} variant(s)',
  'summary.roundNearest': 'to the nearest {ending}',
  'summary.roundUp': 'up to the next {ending}',
  'summary.roundDown': 'down to the previous {ending}',
  'summary.setStatus': 'Status set to {status} on {count} variant(s)',
  'summary.addTag': 'Tag "{tag}" added ({count} variant(s) selected)',
  'summary.removeTag': 'Tag "{tag}" removed ({count} variant(s) selected)',
  'summary.setCategory': 'Category set ({count} variant(s) selected)',
  'summary.setSupplier': 'Preferred supplier set ({count} variant(s) selected)',
  'summary.poReceiptCosts': 'Costs after receiving {number}',
  'summary.import': 'Import of {fileName} ({target})',
  'summary.channelImport': 'Products imported from the channel {channel}',
  'summary.undo': 'Undo of #{changeSetId}: {undone}',
  'summary.promotionCreate': 'Created promotion “{name}”',
  'summary.promotionEdit': 'Edited promotion “{name}” ({count} field(s))',
  'summary.promotionRemove': 'Deleted draft promotion “{name}”',
  'summary.promotionSchedule': 'Scheduled promotion “{name}”',
  'summary.promotionScheduleOverride': 'Scheduled promotion “{name}” below the margin floor on {count} SKU(s). Reason: {reason}',
  'summary.promotionUnschedule': 'Promotion “{name}” put back to draft',
  'summary.promotionCancel': 'Cancelled promotion “{name}”',
  'summaryLabel.field.price': 'Price',
  'summaryLabel.field.compareAtPrice': 'Compare-at price',
  'summaryLabel.ending..99': '.99',
  'summaryLabel.ending..90': '.90',
  'summaryLabel.ending.whole': 'whole unit',
  'summaryLabel.status.active': 'Active',
  'summaryLabel.status.draft': 'Draft',
  'summaryLabel.status.archived': 'Archived',
  'summaryLabel.target.products': 'products',
  'summaryLabel.target.stockLevels': 'stock levels',
  'summaryLabel.target.stocktakeCounts': 'stocktake counts',
  'summaryLabel.target.suppliers': 'suppliers',
  'summaryLabel.target.supplierItems': 'supplier price lists',
  'summaryLabel.target.purchaseOrderLines': 'purchase order lines',
  'summaryLabel.target.customers': 'customers',
  'summaryLabel.target.orders': 'historical orders',
  'summaryLabel.target.returns': 'returns',
  'actor.owner': 'Owner',
  'actor.demo-generator': 'Demo generator',
  'actor.import': 'Import',
  'actor.system': 'Shopdesk',
  'actor.sync': 'Channel sync',
};

export type HistoryTextKey = keyof typeof historyTextsEn;

/** The summaries this version has words for: what History writers may store (`summary.<key>` above). */
export type SummaryKey = { [K in HistoryTextKey]: K extends `summary.${infer Key}` ? Key : never }[HistoryTextKey];
/** A summary a writer stores: its key must have texts in both languages, so no entry reads in English only. */
export interface KnownSummary extends Summary {
  key: SummaryKey;
}

export const historyTextsZh: Record<HistoryTextKey, string> = {
  'summary.demo': '生成演示店铺：{variants} 个规格，{orders} 个订单',
  'summary.variantEdit': '修改了 {sku} 的 {cells} 个字段',
  'summary.gridEdit': '修改了 {variants} 个规格的 {cells} 个单元格',
  'summary.productEdit': '修改了商品“{title}”',
  'summary.priceChangePercent': '{field}调整 {percent}，共 {count} 个规格',
  'summary.priceChangeAmount': '{field}调整 {amount}，共 {count} 个规格',
  'summary.priceChangePercentRounded': '{field}调整 {percent}，{rounding}，共 {count} 个规格',
  'summary.priceChangeAmountRounded': '{field}调整 {amount}，{rounding}，共 {count} 个规格',
  'summary.roundNearest': '就近取整到{ending}',
  'summary.roundUp': '向上取整到{ending}',
  'summary.roundDown': '向下取整到{ending}',
  'summary.setStatus': '将 {count} 个规格的状态设为“{status}”',
  'summary.addTag': '添加标签“{tag}”（已选 {count} 个规格）',
  'summary.removeTag': '移除标签“{tag}”（已选 {count} 个规格）',
  'summary.setCategory': '设置分类（已选 {count} 个规格）',
  'summary.setSupplier': '设置首选供应商（已选 {count} 个规格）',
  'summary.poReceiptCosts': '采购单 {number} 收货后的成本变化',
  'summary.import': '导入 {fileName}（{target}）',
  'summary.channelImport': '从渠道 {channel} 导入商品',
  'summary.undo': '撤销 #{changeSetId}：{undone}',
  'summary.promotionCreate': '新建促销“{name}”',
  'summary.promotionEdit': '修改促销“{name}”（{count} 项）',
  'summary.promotionRemove': '删除促销草稿“{name}”',
  'summary.promotionSchedule': '排期促销“{name}”',
  'summary.promotionScheduleOverride': '促销“{name}”有 {count} 个规格低于毛利底线，仍已排期。原因：{reason}',
  'summary.promotionUnschedule': '促销“{name}”退回草稿',
  'summary.promotionCancel': '取消促销“{name}”',
  'summaryLabel.field.price': '售价',
  'summaryLabel.field.compareAtPrice': '原价',
  'summaryLabel.ending..99': '尾数 .99',
  'summaryLabel.ending..90': '尾数 .90',
  'summaryLabel.ending.whole': '整数',
  'summaryLabel.status.active': '在售',
  'summaryLabel.status.draft': '草稿',
  'summaryLabel.status.archived': '已归档',
  'summaryLabel.target.products': '商品和规格',
  'summaryLabel.target.stockLevels': '库存数量',
  'summaryLabel.target.stocktakeCounts': '盘点数量',
  'summaryLabel.target.suppliers': '供应商',
  'summaryLabel.target.supplierItems': '供应商价目表',
  'summaryLabel.target.purchaseOrderLines': '采购单明细',
  'summaryLabel.target.customers': '客户',
  'summaryLabel.target.orders': '历史订单',
  'summaryLabel.target.returns': '退货',
  'actor.owner': '店主',
  'actor.demo-generator': '演示数据生成器',
  'actor.import': '导入',
  'actor.system': 'Shopdesk 系统',
  'actor.sync': '渠道同步',
};

const texts: Record<Locale, Record<string, string>> = { en: historyTextsEn, 'zh-CN': historyTextsZh };
const lookup = (locale: Locale) => (key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(texts[locale], key) ? texts[locale][key] : undefined;

/** The core's own renderer of History (exports, the stored English text). */
export function historyRenderer(locale: Locale, currency: string) {
  const formats = summaryFormats(locale, currency, lookup(locale));
  return {
    /** `fallback`: the stored text, for rows written before summaries had keys. */
    summary: (summary: Summary | null, fallback: string): string => (summary ? (renderSummary(summary, formats) ?? fallback) : fallback),
    actor: (actor: string): string => actorName(actor, lookup(locale)),
  };
}

// 简体中文 dictionary. Typed as `Dictionary`, so a missing or extra key is a
// compile error; the unit test also checks that no value is empty.
import { teamZh } from './areas/team.js';
import { purchasingZh } from './areas/purchasing.js';
import { stockZh } from './areas/stock.js';
import { catalogZh } from './areas/catalog.js';
import { fieldsZh } from './areas/fields.js';
import { operationErrorsZh } from './areas/errors-operations.js';
import { insightsZh } from './areas/insights.js';
import { exportsZh } from './areas/exports.js';
import { importsZh } from './areas/imports.js';
import { importFilesZh } from './areas/import-files.js';
import { analyticsZh } from './areas/analytics.js';
import { alertsZh } from './areas/alerts.js';
import { analyticsInventoryZh } from './areas/analytics-inventory.js';
import { figuresZh } from './areas/figures.js';
import { analyticsPeriodZh } from './areas/analytics-period.js';
import { reportsZh } from './areas/reports.js';
import { confirmZh } from './areas/confirm.js';
import { syncZh } from './areas/sync.js';
import { promotionsZh } from './areas/promotions.js';
import { promotionsInsightZh } from './areas/promotions-insight.js';
import { promotionsAlertsZh } from './areas/promotions-alerts.js';
import { alertGroupsZh } from './areas/alert-groups.js';
import { loadingZh } from './areas/loading.js';
import { promotionsErrorsZh } from './areas/promotions-errors.js';
import { confirmationsZh } from './areas/confirmations.js';
import { pagesZh } from './areas/pages.js';
import { historyTextsZh } from './areas/history-texts.js';
import { numbersZh } from './areas/numbers.js';
import type { Dictionary } from './en.js';
import { backupsZh } from './areas/backups.js';

export const zhCN: Dictionary = {
  'app.name': 'Shopdesk',
  'app.loading': '正在加载 Shopdesk…',
  'app.skipToContent': '跳到主要内容',

  'lang.label': '语言',
  'lang.en': 'English',
  'lang.zh-CN': '简体中文',

  'nav.label': '主导航',
  'nav.products': '商品',
  'nav.settings': '设置',
  'nav.shortcut': 'Alt+{n}',

  'topbar.demoBadge': '演示店铺',
  'topbar.demoBadgeHint': '自动生成的示例数据，可放心浏览和修改。',

  'welcome.title': '欢迎使用 Shopdesk',
  'welcome.line1': 'Shopdesk 在这台电脑上处理网店的日常运营——商品、库存、订单——离线也能用。',
  'welcome.line2': '可以先打开一个包含逼真示例数据的演示店铺，也可以创建自己的空店铺。',
  'welcome.demo.title': '体验演示店铺',
  'welcome.demo.body': '示例商品、客户和订单，几秒钟内在本机生成。',
  'welcome.demo.button': '打开演示店铺',
  'welcome.demo.working': '正在准备演示店铺…',
  'welcome.empty.title': '创建空店铺',
  'welcome.empty.body': '先填写基本信息，之后可在“设置”中修改。',
  'welcome.empty.submit': '创建店铺',
  'welcome.empty.working': '正在创建…',
  'welcome.or': '或',

  'fields.name': '店铺名称',
  'fields.currency': '货币',
  'fields.timeZone': '时区',
  'fields.locale': '语言',
  'fields.namePlaceholder': '例如：港湾街好物',

  'settings.title': '设置',
  'settings.subtitle': '用于价格、日期和界面语言的店铺信息。',
  'settings.save': '保存更改',
  'settings.saving': '正在保存…',
  'settings.saved': '设置已保存。',
  'settings.reset': '放弃更改',
  'settings.demoNote': '这是一个使用生成数据的演示店铺。',
  'settings.currencyNote': '价格以货币的最小单位存储；更改货币不会换算价格。',

  'products.title': '商品',
  'products.total': '{count} 个规格',
  'products.totalLoading': '正在统计…',
  'products.search': '搜索 SKU、商品、条码…',
  'products.searchLabel': '快速搜索',
  'products.clearFilters': '清除筛选',

  'columns.sku': 'SKU',
  'columns.title': '商品',
  'columns.variantTitle': '规格',
  'columns.barcode': '条码',
  'columns.category': '类目',
  'columns.brand': '品牌',
  'columns.price': '售价',
  'columns.compareAtPrice': '原价',
  'columns.cost': '成本',
  'columns.weightGrams': '重量（克）',
  'columns.onHand': '库存',
  'columns.status': '状态',
  'columns.updatedAt': '更新时间',

  'status.active': '在售',
  'status.draft': '草稿',
  'status.archived': '已归档',

  'jobs.tray.label': '正在运行的任务',
  'jobs.tray.count': '{count} 个任务',
  'jobs.cancel': '取消',
  'jobs.dismiss': '关闭',
  'jobs.progress': '{done} / {total}',
  'jobs.eta': '约剩 {time}',
  'jobs.status.running': '进行中',
  'jobs.status.succeeded': '已完成',
  'jobs.status.failed': '失败',
  'jobs.status.cancelled': '已取消',
  'jobs.kind.demoGenerate': '正在生成演示店铺',
  'jobs.kind.unknown': '后台任务',
  'jobs.phase.starting': '正在开始',
  'jobs.phase.catalog': '商品和规格',
  'jobs.phase.customers': '客户',
  'jobs.phase.orders': '订单',
  'jobs.phase.stock': '库存',
  'jobs.phase.finish': '收尾',
  'jobs.phase.swap': '正在打开店铺',
  'jobs.phase.unknown': '处理中',

  'toast.dismiss': '关闭',
  'toast.errorTitle': '操作未完成',
  'toast.moreIssues': '……还有 {n} 处。',

  'grid.loading': '正在加载…',
  'grid.noRows': '没有符合条件的规格。',
  'grid.contains': '包含',
  'grid.notContains': '不包含',
  'grid.equals': '等于',
  'grid.notEqual': '不等于',
  'grid.startsWith': '开头是',
  'grid.endsWith': '结尾是',
  'grid.blank': '为空',
  'grid.notBlank': '不为空',
  'grid.lessThan': '小于',
  'grid.greaterThan': '大于',
  'grid.lessThanOrEqual': '小于等于',
  'grid.greaterThanOrEqual': '大于等于',
  'grid.inRange': '介于',
  'grid.andCondition': '且',
  'grid.orCondition': '或',
  'grid.filterOoo': '筛选…',
  'grid.inRangeStart': '从',
  'grid.inRangeEnd': '到',
  'grid.applyFilter': '应用',
  'grid.resetFilter': '重置',
  'grid.clearFilter': '清除',
  'grid.cancelFilter': '取消',

  'errors.validation': '部分信息无效。',
  'errors.notFound': '该项目已不存在。',
  'errors.conflict': '此内容同时被其他操作修改了。',
  'errors.permission': '当前会话无权执行此操作。',
  'errors.shopNotReady': '还没有打开任何店铺。',
  'errors.shopExists': '此数据库中已经有店铺。',
  'errors.demoRunning': '演示店铺正在生成中。',
  'errors.cancelled': '任务已取消。',
  'errors.jobFailed': '任务因错误而停止。',
  'errors.dbTooNew': '此店铺文件由更新版本的 Shopdesk 创建。',
  'errors.migrationFailed': '无法升级此店铺文件。',
  'errors.internal': 'Shopdesk 内部出现问题。',
  'errors.closed': 'Shopdesk 正在关闭。',
  'errors.unknownMethod': '此版本的 Shopdesk 不支持该操作。',
  'errors.network': '无法连接到 Shopdesk。',
  'errors.badRequest': '无法理解该请求。',
  'errors.tooLarge': '请求数据过大。',
  'errors.forbiddenHost': '请求必须来自本机。',
  'errors.required': '此项为必填项。',
  'errors.tooLong': '内容过长。',
  'errors.notANumber': '请输入数字。',
  'errors.tooSmall': '不能小于 {minimum}。',
  'errors.mustExceed': '必须大于 {minimum}。',
  'errors.tooBig': '不能大于 {maximum}。',
  'errors.mustBeBelow': '必须小于 {maximum}。',
  'errors.tooShort': '太短：至少 {minimum} 个字符。',
  'errors.textTooLong': '太长：最多 {maximum} 个字符。',
  'errors.tooFew': '至少需要 {minimum} 项。',
  'errors.tooMany': '最多允许 {maximum} 项。',
  'errors.notAChoice': '请选择提供的选项之一。',
  'errors.notEmail': '不是有效的邮箱地址（例如 name@example.com）。',
  'errors.badFormat': '格式不正确。',
  'errors.invalidInput': '此值在这里无效。',
  'errors.localDate': '请输入日期，格式如 2026-03-05。',
  'errors.currencyUnknown': '请从列表中选择货币。',
  'errors.timeZoneUnknown': '请从列表中选择时区。',
  'errors.stockValueTooLarge': '库存价值超出 Shopdesk 能精确计算的范围，请检查是否有数量或成本多输了位数。',
  'errors.textNul': '此文本包含无法保存的 NUL 字符，请删除（通常来自复制的二进制文件）。',
  'errors.textBrokenCharacter': '此文本包含损坏的字符（半个表情或符号），请重新输入。',
  'errors.moneyTooLarge': '金额超出 Shopdesk 允许的范围（单价最多 10,000,000.00）。',
  'errors.quantityTooLarge': '数量超出 Shopdesk 允许的范围（最多 1,000,000,000 件）。',

  'errorHints.validation': '请修改上面指出的内容后重试。',
  'errorHints.notFound': '请刷新页面查看最新数据。',
  'errorHints.conflict': '请刷新后重新修改。',
  'errorHints.permission': '请使用 Shopdesk 打印的地址重新打开。',
  'errorHints.shopNotReady': '请先创建店铺或打开演示店铺。',
  'errorHints.shopExists': '请刷新以打开现有店铺。',
  'errorHints.demoRunning': '请等待其完成；进度显示在任务栏中。',
  'errorHints.cancelled': '准备好后可重新开始。',
  'errorHints.jobFailed': '请重试；如果持续失败，请重启 Shopdesk。',
  'errorHints.dbTooNew': '请将 Shopdesk 更新到最新版本。',
  'errorHints.migrationFailed': '数据未被更改。请重启 Shopdesk；如仍有问题，请恢复备份。',
  'errorHints.internal': '操作未完成，数据未被更改。请重试。',
  'errorHints.closed': '请重新启动 Shopdesk。',
  'errorHints.unknownMethod': '请将 Shopdesk 更新到最新版本。',
  'errorHints.network': '请确认 Shopdesk 仍在运行，然后重试。',
  'errorHints.badRequest': '请刷新页面后重试。',
  'errorHints.tooLarge': '请减少数据量后重试。',
  'errorHints.forbiddenHost': '请使用 Shopdesk 打印的地址打开。',
  'errorHints.generic': '请重试。如果问题持续，请重启 Shopdesk。',
  ...insightsZh,
  ...operationErrorsZh,
  ...fieldsZh,
  ...catalogZh,
  ...stockZh,
  ...purchasingZh,
  ...exportsZh,
  ...importsZh,
  ...importFilesZh,
  ...analyticsZh,
  ...alertsZh,
  ...analyticsInventoryZh,
  ...figuresZh,
  ...analyticsPeriodZh,
  ...reportsZh,
  ...confirmZh,
  ...syncZh,
  ...promotionsZh,
  ...promotionsInsightZh,
  ...promotionsAlertsZh,
  ...alertGroupsZh,
  ...loadingZh,
  ...promotionsErrorsZh,
  ...confirmationsZh,
  ...pagesZh,
  ...historyTextsZh,
  ...numbersZh,
  ...teamZh,
  ...backupsZh,
};

// The weekly operations health report page (Analytics → Weekly report) and
// the errors the reports.* methods send. The document's own texts live in the
// core (src/reports/report-texts.ts): it follows the language asked for.
export const reportsEn = {
  'reports.tab': 'Weekly report',
  'reports.title': 'Weekly operations health report',
  'reports.how':
    'Each Monday Shopdesk writes the report of the week that just ended (Monday to Sunday in the shop time zone) as a PDF and an XLSX workbook: sales vs last week and the same week last year, top and bottom products, customer segments and their conversion, sell-through, active-selling rate and days of inventory, stock-outs, dead stock, open alerts, and supplier on-time and fill rates. The files are saved in the “reports” folder next to the shop file.',
  'reports.week': 'Week',
  'reports.weekRange': '{from} – {to}',
  'reports.language': 'Language',
  'reports.created': 'Created',
  'reports.pages': 'Pages',
  'reports.generate': 'Generate now',
  'reports.generating': 'Generating…',
  'reports.generated': 'Report saved in the reports folder.',
  'reports.pdf': 'PDF',
  'reports.xlsx': 'XLSX',
  'reports.downloadPdf': 'Download the PDF of the week {week} ({language})',
  'reports.downloadXlsx': 'Download the XLSX of the week {week} ({language})',
  'reports.empty': 'No report saved yet. The last complete week’s report is written automatically, or generate one now.',
  'reports.replaces': 'Each week keeps one report per language: generating a week again in the same language replaces that report.',
  'errors.reportWeekNotMonday': 'A report week starts on a Monday; nothing was written.',
  'errors.reportWeekNotOver': 'That week has not ended yet; nothing was written.',
  'errors.reportNotFound': 'The report of the week {week} is no longer in the reports folder.',
  'errorHints.reportNotFound': 'Generate the week again.',
} as const;

export const reportsZh: Record<keyof typeof reportsEn, string> = {
  'reports.tab': '运营周报',
  'reports.title': '运营健康度周报',
  'reports.how':
    '每周一，Shopdesk 会为刚结束的一周（店铺时区的周一至周日）生成 PDF 和 XLSX 报告：销售额与上周及去年同周对比、销售最高与最低的商品、客户分层及其转化、售罄率、动销率与周转天数、缺货、呆滞库存、未处理的预警，以及供应商准时率与满足率。文件保存在店铺文件旁的 “reports” 文件夹中。',
  'reports.week': '周',
  'reports.weekRange': '{from} – {to}',
  'reports.language': '语言',
  'reports.created': '生成时间',
  'reports.pages': '页数',
  'reports.generate': '立即生成',
  'reports.generating': '正在生成…',
  'reports.generated': '报告已保存到 reports 文件夹。',
  'reports.pdf': 'PDF',
  'reports.xlsx': 'XLSX',
  'reports.downloadPdf': '下载 {week} 这一周的 PDF（{language}）',
  'reports.downloadXlsx': '下载 {week} 这一周的 XLSX（{language}）',
  'reports.empty': '还没有保存的报告。上一个完整周的报告会自动生成，也可以立即生成。',
  'reports.replaces': '每周每种语言各保留一份报告：用同一语言重新生成某周时，会替换该语言的原报告。',
  'errors.reportWeekNotMonday': '报告周须从周一开始；未写入任何内容。',
  'errors.reportWeekNotOver': '该周尚未结束；未写入任何内容。',
  'errors.reportNotFound': '{week} 这一周的报告已不在 reports 文件夹中。',
  'errorHints.reportNotFound': '请重新生成该周的报告。',
};

// Every fixed word the dashboards show, in both locales, in one place.
//
// Words that come from the bank's configuration (tier names, classification
// names, campaign names) are not here: they arrive as {zh, en} labels with the
// data. Keys are grouped by where they appear; a test checks that every entry
// has both locales.

export const labels = {
  // Site and pages
  "site.title": {"zh-CN": "客户分层工作台", en: "Client segmentation workspace"},
  "page.overview": {"zh-CN": "总览", en: "Overview"},
  "page.segments": {"zh-CN": "客户分层", en: "Segments"},
  "page.migration": {"zh-CN": "层级迁移", en: "Tier migration"},
  "page.campaigns": {"zh-CN": "营销活动", en: "Campaigns"},
  "page.dataQuality": {"zh-CN": "数据质量", en: "Data quality"},
  "page.explore": {"zh-CN": "参数探索", en: "Explore"},
  "page.methodology": {"zh-CN": "方法说明", en: "Methodology"},
  "page.report": {"zh-CN": "季度迁移报告", en: "Quarterly migration report"},

  // KPI names
  "kpi.clients": {"zh-CN": "客户数", en: "Clients"},
  "kpi.totalAum": {"zh-CN": "金融资产总额", en: "Total AUM"},
  "kpi.averageDailyAum": {"zh-CN": "日均金融资产", en: "Average daily AUM"},
  "kpi.valueClients": {"zh-CN": "价值客户", en: "Value clients"},
  "kpi.newClients": {"zh-CN": "新增客户", en: "New clients"},
  "kpi.churnedClients": {"zh-CN": "流失客户", en: "Churned clients"},
  "kpi.activeShare": {"zh-CN": "活跃客户占比", en: "Active share"},
  "kpi.upgradeRate": {"zh-CN": "升级率", en: "Upgrade rate"},
  "kpi.downgradeRate": {"zh-CN": "降级率", en: "Downgrade rate"},
  "kpi.incrementalAum": {"zh-CN": "增量金融资产", en: "Incremental AUM"},
  "kpi.roi": {"zh-CN": "投资回报率", en: "ROI"},
  "kpi.lift": {"zh-CN": "提升度", en: "Lift"},
  "kpi.targetAttainment": {"zh-CN": "目标达成率", en: "Target attainment"},
  "kpi.completeness": {"zh-CN": "信息完整率", en: "Data completeness"},
  "kpi.retailClients": {"zh-CN": "个人客户数", en: "Retail clients"},
  "kpi.vipClients": {"zh-CN": "贵宾客户数", en: "VIP clients"},
  "kpi.dormantShare": {"zh-CN": "沉睡客户占比", en: "Dormant share"},
  "kpi.corporateClients": {"zh-CN": "公司客户数", en: "Corporate clients"},
  "change.vsPreviousQuarter": {"zh-CN": "较上季度", en: "vs previous quarter"},
  "change.vsPreviousYear": {"zh-CN": "较去年同期", en: "vs a year earlier"},

  // Axes and legends
  "axis.clients": {"zh-CN": "客户数（户）", en: "Clients"},
  "axis.aum": {"zh-CN": "金融资产（元）", en: "AUM (CNY)"},
  "axis.averageDailyAum": {"zh-CN": "日均金融资产（元）", en: "Average daily AUM (CNY)"},
  "axis.tier": {"zh-CN": "层级", en: "Tier"},
  "axis.period": {"zh-CN": "季度", en: "Quarter"},
  "axis.rate": {"zh-CN": "比率", en: "Rate"},
  "axis.share": {"zh-CN": "占比", en: "Share"},
  "axis.from": {"zh-CN": "期初层级", en: "From tier"},
  "axis.to": {"zh-CN": "期末层级", en: "To tier"},
  "axis.cluster": {"zh-CN": "行为聚类", en: "Behavioural cluster"},
  "axis.rfmSegment": {"zh-CN": "RFM 分群", en: "RFM segment"},
  "axis.series": {"zh-CN": "指标", en: "Series"},

  // Chart titles and captions
  "chart.tierPyramid": {"zh-CN": "贵宾等级分布", en: "Clients by VIP tier"},
  "caption.tierPyramid": {"zh-CN": "按季日均金融资产分层，最高层级在上", en: "Tiered by quarterly average daily AUM; highest tier on top"},
  "chart.tierAum": {"zh-CN": "各层级金融资产", en: "AUM by tier"},
  "caption.tierAum": {"zh-CN": "各层级客户的日均金融资产合计", en: "Sum of the average daily AUM of each tier's clients"},
  "chart.clientsByRegion": {"zh-CN": "分地区客户数", en: "Clients by region"},
  "caption.clientsByRegion": {"zh-CN": "个人与公司客户，按开户机构所在地区", en: "Retail and corporate clients by the region of their home branch"},

  // Sections, filters, notes
  "section.manifest": {"zh-CN": "数据来源", en: "Data sources"},
  "caption.manifest": {
    "zh-CN": "本次构建读取的提取数据；未通过校验的行已隔离，不参与计算",
    en: "The extract read by this build; rows that failed validation are quarantined and not used",
  },
  "filter.quarter": {"zh-CN": "季度", en: "Quarter"},
  "note.demo": {"zh-CN": "本站展示的是示例银行的模拟数据", en: "This site shows simulated data from the demo bank"},

  // Table columns
  "column.table": {"zh-CN": "数据表", en: "Table"},
  "column.source": {"zh-CN": "来源", en: "Source"},
  "column.read": {"zh-CN": "读取行数", en: "Rows read"},
  "column.accepted": {"zh-CN": "通过行数", en: "Rows accepted"},
  "column.quarantined": {"zh-CN": "隔离行数", en: "Rows quarantined"},

  // Client types
  "clientType.retail": {"zh-CN": "个人客户", en: "Retail"},
  "clientType.corporate": {"zh-CN": "公司客户", en: "Corporate"},

  // Tier and migration words
  "tier.highest": {"zh-CN": "最高层级", en: "Highest tier"},
  "tier.lowest": {"zh-CN": "最低层级", en: "Lowest tier"},
  "migration.upgrade": {"zh-CN": "升级", en: "Upgrade"},
  "migration.downgrade": {"zh-CN": "降级", en: "Downgrade"},
  "migration.stay": {"zh-CN": "保持", en: "Stayed"},
  "migration.new": {"zh-CN": "新增", en: "New"},
  "migration.exited": {"zh-CN": "退出", en: "Exited"},
  "migration.churned": {"zh-CN": "流失", en: "Churned"},
  "migration.upgradeRate": {"zh-CN": "升级率", en: "Upgrade rate"},
  "migration.downgradeRate": {"zh-CN": "降级率", en: "Downgrade rate"},
  "projection": {"zh-CN": "预测", en: "Projection"},
  "projection.note": {"zh-CN": "按本季度迁移率推算，仅供参考", en: "Projected from this quarter's transition rates; indicative only"},

  // Privacy and metadata
  "suppressed": {"zh-CN": "已隐藏", en: "suppressed"},
  "suppressed.note": {
    "zh-CN": "为保护客户隐私，少于{threshold}户的单元格不予披露",
    en: "Cells with fewer than {threshold} clients are suppressed to protect client privacy",
  },
  "meta.asOf": {"zh-CN": "数据截至", en: "Data as of"},
  "meta.config": {"zh-CN": "配置", en: "Config"},
  "noData": {"zh-CN": "暂无数据", en: "No data"},
  "total": {"zh-CN": "合计", en: "Total"},
  "other": {"zh-CN": "其他", en: "Other"},

  // Units and marks
  "unit.clients": {"zh-CN": "户", en: "clients"},
  "unit.currency": {"zh-CN": "元", en: "CNY"},
  "percentagePoints": {"zh-CN": "个百分点", en: "pp"},

  // Actions
  "download.csv": {"zh-CN": "下载 CSV", en: "Download CSV"},
  "download.svg": {"zh-CN": "下载 SVG", en: "Download SVG"},
  "download.png": {"zh-CN": "下载 PNG", en: "Download PNG"},
  "locale.zh": {"zh-CN": "中文", en: "中文"},
  "locale.en": {"zh-CN": "English", en: "English"},
  "locale.switch": {"zh-CN": "语言", en: "Language"},
  "print": {"zh-CN": "打印", en: "Print"},
} as const satisfies Record<string, {"zh-CN": string; en: string}>;

export type LabelKey = keyof typeof labels;

// Names of the features that configuration rules may use, for people: the
// Methodology page and rule descriptions print these, never the column names.
// Covers every feature data/config.default.yaml uses (a test keeps it so).

import type {Label} from "./schema.js";

/** How a feature's values read: money in CNY, 万元, counts, days, months, a share, a yes/no flag, a code. */
export type FeatureUnit = "money" | "wan" | "count" | "days" | "months" | "share" | "flag" | "code";

export interface FeatureName extends Label {
  unit: FeatureUnit;
  /** Names of a code feature's values. */
  values?: Readonly<Record<string, Label>>;
}

const f = (zh: string, en: string, unit: FeatureUnit): FeatureName => ({zh, en, unit});

export const featureNames: Readonly<Record<string, FeatureName>> = {
  // Retail, per client and quarter (loaders/features/featuresSql.ts).
  official_tier: f("银行自有等级", "the bank's own tier label", "code"),
  avg_daily_aum: f("季日均金融资产", "quarter average daily AUM", "money"),
  aum_last_month: f("季末月日均金融资产", "average daily AUM in the quarter's last month", "money"),
  period_end_aum: f("季末金融资产", "AUM at quarter end", "money"),
  aum_demand: f("活期存款日均", "average daily demand deposits", "money"),
  aum_time: f("定期存款日均", "average daily time deposits", "money"),
  aum_wealth: f("理财日均", "average daily wealth-management products", "money"),
  aum_fund: f("基金日均", "average daily funds", "money"),
  aum_insurance: f("保险日均", "average daily insurance", "money"),
  aum_month: f("月日均金融资产", "monthly average daily AUM", "money"),
  loan_mortgage: f("按揭贷款余额", "mortgage balance", "money"),
  loan_consumer: f("消费贷款余额", "consumer loan balance", "money"),
  has_loan: f("有贷款", "has a loan", "flag"),
  frequency: f("季度主动交易笔数", "client-initiated transactions in the quarter", "count"),
  monetary: f("季度主动交易金额", "client-initiated transaction amount in the quarter", "money"),
  recency_days: f("距最近一次主动交易天数", "days since the last client-initiated transaction", "days"),
  days_since_last_txn: f("距最近一次主动交易天数", "days since the last client-initiated transaction", "days"),
  product_count: f("持有产品数", "products held", "count"),
  tenure_months: f("开户月数", "months since the first account opened", "months"),
  txn_counter: f("柜面交易笔数", "counter transactions", "count"),
  txn_atm: f("ATM交易笔数", "ATM transactions", "count"),
  txn_mobile: f("手机银行交易笔数", "mobile banking transactions", "count"),
  txn_online: f("网上银行交易笔数", "online banking transactions", "count"),
  txn_pos: f("POS交易笔数", "POS transactions", "count"),
  is_closed: f("已销户", "all accounts closed", "flag"),
  was_value_client: f("曾为价值客户", "was a value client", "flag"),
  quarters_below_value: f("连续低于价值线季度数", "consecutive quarters below the value line", "count"),
  // Corporate, per client and quarter (corporate_metrics in the extract contract).
  size_class: {
    ...f("企业规模", "enterprise size", "code"),
    values: {large: {zh: "大型", en: "large"}, medium: {zh: "中型", en: "medium"}, small: {zh: "小型", en: "small"}, micro: {zh: "微型", en: "micro"}},
  },
  employees: f("从业人员", "employees", "count"),
  revenue: f("营业收入", "operating revenue", "wan"),
  total_assets: f("资产总额", "total assets", "wan"),
  avg_daily_deposits: f("对公存款日均", "average daily corporate deposits", "money"),
  period_end_deposits: f("期末对公存款", "corporate deposits at period end", "money"),
  pos_settlement_monthly: f("月POS结算量", "POS settlement per month", "money"),
  payroll_headcount: f("代发工资人数", "employees paid through the bank", "count"),
  payroll_amount_monthly: f("月代发工资金额", "payroll paid through the bank per month", "money"),
  company_cards: f("公务卡张数", "company credit cards", "count"),
  credit_rating: f("信用评级", "credit rating", "code"),
  adverse_credit: f("有不良信用记录", "adverse credit record", "flag"),
  loan_balance: f("贷款余额", "loan balance", "money"),
  stable_lending: f("有稳定信贷关系", "stable lending relationship", "flag"),
  strategic_agreement: f("已签署战略合作协议", "strategic-cooperation agreement signed", "flag"),
  settlement_share: f("在我行结算占比", "share of settlement done at the bank", "share"),
  online_banking_daily: f("日常使用企业网银结算", "corporate online banking used for daily settlement", "flag"),
  supported_sector: f("属于我行支持行业", "in a sector the bank supports", "flag"),
};

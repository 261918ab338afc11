// The features a configuration may name, in one list: for each its name for
// people (the Methodology page and rule sentences print these, never the
// column name), its unit, the type rules compare it as, and whose records
// carry it. The configuration check refuses any other feature name, and any
// comparison of a feature with a value of another type; the rule compiler
// types every leaf from here. test/integration/featureCatalogue.test.ts holds
// this list equal to the columns the features stage really writes.

import type {Label} from "./schema.js";

/** How a feature's values read: money in CNY, 万元, counts, days, months, a share, a yes/no flag, a code. */
export type FeatureUnit = "money" | "wan" | "count" | "days" | "months" | "share" | "flag" | "code";
/** How rules compare it: a flag is a boolean, a code is text, everything else a number. */
export type FeatureType = "number" | "text" | "boolean";
/**
 * Whose records carry it: retail or corporate client-quarters (the features
 * and corporate_features tables), or client-months (monthly_aum, which
 * campaign outcome rules read).
 */
export type FeatureRecords = "retail" | "corporate" | "monthly";

export interface FeatureName extends Label {
  unit: FeatureUnit;
  type: FeatureType;
  of: readonly FeatureRecords[];
  /**
   * Made by segmentation itself rather than the features stage: the value
   * history (retail) and the size class (corporate). K-means trains on the
   * features table, where these are not.
   */
  derived?: true;
  /** Names of a code feature's values. */
  values?: Readonly<Record<string, Label>>;
}

const typeOfUnit = (unit: FeatureUnit): FeatureType => (unit === "flag" ? "boolean" : unit === "code" ? "text" : "number");

const feature =
  (...of: FeatureRecords[]) =>
  (zh: string, en: string, unit: FeatureUnit, more: Partial<Pick<FeatureName, "derived" | "values">> = {}): FeatureName => ({zh, en, unit, type: typeOfUnit(unit), of, ...more});
const retail = feature("retail");
const corporate = feature("corporate");
const both = feature("retail", "corporate");
const monthly = feature("monthly");

export const featureNames: Readonly<Record<string, FeatureName>> = {
  // Where the client banks, for retail and corporate clients alike.
  region: both("区域", "region", "code"),
  parent_branch: both("分行", "branch", "code"),
  branch_id: both("支行", "sub-branch", "code"),
  has_loan: both("有贷款", "has a loan", "flag"),
  // Retail, per client and quarter (loaders/features/featuresSql.ts).
  age_band: retail("年龄段", "age band", "code"),
  gender: retail("性别", "gender", "code", {values: {M: {zh: "男", en: "male"}, F: {zh: "女", en: "female"}}}),
  official_tier: retail("银行自有等级", "the bank's own tier label", "code"),
  avg_daily_aum: retail("季日均金融资产", "quarter average daily AUM", "money"),
  aum_last_month: retail("季末月日均金融资产", "average daily AUM in the quarter's last month", "money"),
  period_end_aum: retail("季末金融资产", "AUM at quarter end", "money"),
  aum_demand: retail("活期存款日均", "average daily demand deposits", "money"),
  aum_time: retail("定期存款日均", "average daily time deposits", "money"),
  aum_wealth: retail("理财日均", "average daily wealth-management products", "money"),
  aum_fund: retail("基金日均", "average daily funds", "money"),
  aum_insurance: retail("保险日均", "average daily insurance", "money"),
  loan_mortgage: retail("按揭贷款余额", "mortgage balance", "money"),
  loan_consumer: retail("消费贷款余额", "consumer loan balance", "money"),
  frequency: retail("季度主动交易笔数", "client-initiated transactions in the quarter", "count"),
  monetary: retail("季度主动交易金额", "client-initiated transaction amount in the quarter", "money"),
  recency_days: retail("距最近一次主动交易天数", "days since the last client-initiated transaction", "days"),
  days_since_last_txn: retail("距最近一次主动交易天数", "days since the last client-initiated transaction", "days"),
  product_count: retail("持有产品数", "products held", "count"),
  tenure_months: retail("开户月数", "months since the first account opened", "months"),
  txn_counter: retail("柜面交易笔数", "counter transactions", "count"),
  txn_atm: retail("ATM交易笔数", "ATM transactions", "count"),
  txn_mobile: retail("手机银行交易笔数", "mobile banking transactions", "count"),
  txn_online: retail("网上银行交易笔数", "online banking transactions", "count"),
  txn_pos: retail("POS交易笔数", "POS transactions", "count"),
  is_closed: retail("已销户", "all accounts closed", "flag"),
  // Retail value history, from the value-client classification (kpis.valueClient).
  was_value_client: retail("曾为价值客户", "was a value client", "flag", {derived: true}),
  quarters_below_value: retail("连续低于价值线季度数", "consecutive quarters below the value line", "count", {derived: true}),
  // Retail, per client and month (campaign outcome rules).
  aum_month: monthly("月日均金融资产", "monthly average daily AUM", "money"),
  // Corporate, per client and quarter (corporate_metrics in the extract contract).
  industry: corporate("行业", "industry", "code"),
  size_class: corporate("企业规模", "enterprise size", "code", {
    derived: true,
    values: {large: {zh: "大型", en: "large"}, medium: {zh: "中型", en: "medium"}, small: {zh: "小型", en: "small"}, micro: {zh: "微型", en: "micro"}},
  }),
  employees: corporate("从业人员", "employees", "count"),
  revenue: corporate("营业收入", "operating revenue", "wan"),
  total_assets: corporate("资产总额", "total assets", "wan"),
  avg_daily_deposits: corporate("对公存款日均", "average daily corporate deposits", "money"),
  period_end_deposits: corporate("期末对公存款", "corporate deposits at period end", "money"),
  pos_settlement_monthly: corporate("月POS结算量", "POS settlement per month", "money"),
  payroll_headcount: corporate("代发工资人数", "employees paid through the bank", "count"),
  payroll_amount_monthly: corporate("月代发工资金额", "payroll paid through the bank per month", "money"),
  company_cards: corporate("公务卡张数", "company credit cards", "count"),
  credit_rating: corporate("信用评级", "credit rating", "code"),
  adverse_credit: corporate("有不良信用记录", "adverse credit record", "flag"),
  loan_balance: corporate("贷款余额", "loan balance", "money"),
  stable_lending: corporate("有稳定信贷关系", "stable lending relationship", "flag"),
  strategic_agreement: corporate("已签署战略合作协议", "strategic-cooperation agreement signed", "flag"),
  settlement_share: corporate("在我行结算占比", "share of settlement done at the bank", "share"),
  online_banking_daily: corporate("日常使用企业网银结算", "corporate online banking used for daily settlement", "flag"),
  supported_sector: corporate("属于我行支持行业", "in a sector the bank supports", "flag"),
};

/** The features of one kind of record, by name. */
export function featuresOf(records: FeatureRecords, catalogue: Readonly<Record<string, FeatureName>> = featureNames): string[] {
  return Object.keys(catalogue).filter((name) => catalogue[name].of.includes(records));
}

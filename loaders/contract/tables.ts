// Extract contract v1: the tables a bank delivers, as data.
//
// The validator, the demo bank generator and docs/extract-contract.md all read
// this one description, so that the contract cannot drift between them.

import {withExtras, type TableSpec} from "../../src/config/contract.js";
import type {Config} from "../../src/config/schema.js";

// The shapes are isomorphic (src/config/contract.ts), so that the
// configuration check reads the same tables and columns the validator does.
export type {ColumnSpec, ColumnType, TableSpec} from "../../src/config/contract.js";

export const tableNames = [
  "branches",
  "clients",
  "balances",
  "transactions",
  "corporate_metrics",
  "campaigns",
  "campaign_members",
  "campaign_targets",
] as const;
export type TableName = (typeof tableNames)[number];

export const retailProducts = ["demand", "time", "wealth", "fund", "insurance"] as const;
export const loanProducts = ["mortgage", "consumer_loan", "corporate_loan"] as const;
export const corporateProducts = ["corporate_demand", "corporate_time"] as const;
export const products = [...retailProducts, ...loanProducts, ...corporateProducts] as const;
export const channels = ["counter", "atm", "mobile", "online", "pos"] as const;

const clientRef = { table: "clients", column: "client_id" } as const;
const branchRef = { table: "branches", column: "branch_id" } as const;
const campaignRef = { table: "campaigns", column: "campaign_id" } as const;

/** A table of the contract itself (a configuration may add its own: src/config/contract.ts). */
export interface ContractTable extends TableSpec {
  name: TableName;
}

export const contract: readonly ContractTable[] = [
  {
    name: "branches",
    description: "Sub-branches (支行) with their branch (分行) and region (区域).",
    required: true,
    key: ["branch_id"],
    columns: [
      { name: "branch_id", type: "string", required: true, description: "Sub-branch code." },
      { name: "branch_name", type: "string", required: true, description: "Sub-branch name." },
      { name: "parent_branch", type: "string", required: true, description: "Branch (分行) the sub-branch reports to." },
      { name: "region", type: "string", required: true, description: "Region (区域) used as a published cut." },
    ],
  },
  {
    name: "clients",
    description: "One row per client, retail (个人) or corporate (公司).",
    required: true,
    key: ["client_id"],
    features: {},
    columns: [
      { name: "client_id", type: "string", required: true, description: "The bank's client number.", directIdentifier: true },
      { name: "client_type", type: "enum", values: ["retail", "corporate"], required: true, description: "retail or corporate." },
      { name: "name", type: "string", required: false, description: "Client or company name.", directIdentifier: true },
      { name: "id_number", type: "string", required: false, description: "18-digit resident ID (身份证号) or unified social credit code.", directIdentifier: true },
      { name: "phone", type: "string", required: false, description: "Mobile or office phone.", directIdentifier: true },
      { name: "address", type: "string", required: false, description: "Postal address.", directIdentifier: true },
      { name: "employer", type: "string", required: false, description: "Employer (retail); key contact field.", directIdentifier: true },
      { name: "birth_date", type: "date", required: false, description: "Birth date (retail); becomes an age band." },
      { name: "gender", type: "enum", values: ["M", "F"], required: false, description: "M or F (retail)." },
      { name: "occupation", type: "string", required: false, description: "Occupation (retail); in the anonymised extract an occupation fewer clients than the suppression threshold share becomes 其他 (free text identifies)." },
      { name: "branch_id", type: "string", required: true, description: "Home sub-branch.", references: branchRef },
      { name: "open_date", type: "date", required: true, description: "First account opened." },
      { name: "close_date", type: "date", required: false, description: "All accounts closed (empty while open)." },
      { name: "official_tier", type: "string", required: false, description: "The bank's own tier label where it already has one, e.g. card category (Blue, Gold); rules read it as the feature official_tier." },
    ],
  },
  {
    name: "balances",
    description: "Monthly balances per client and product.",
    required: true,
    key: ["client_id", "month", "product"],
    features: {period: "month"},
    columns: [
      { name: "client_id", type: "string", required: true, description: "Client.", references: clientRef },
      { name: "month", type: "month", required: true, description: "Calendar month, YYYY-MM." },
      { name: "product", type: "enum", values: products, required: true, description: "Product line." },
      { name: "avg_daily_balance", type: "decimal", unit: "CNY", min: 0, required: true, description: "Average daily balance over the month (月日均)." },
      { name: "month_end_balance", type: "decimal", unit: "CNY", min: 0, required: true, description: "Balance on the last day of the month." },
    ],
  },
  {
    name: "transactions",
    description: "Client transactions; the RFM source.",
    required: true,
    key: ["txn_id"],
    features: {period: "txn_date"},
    columns: [
      { name: "txn_id", type: "string", required: true, description: "Transaction id." },
      { name: "client_id", type: "string", required: true, description: "Client.", references: clientRef },
      { name: "txn_date", type: "date", required: true, description: "Booking day." },
      { name: "amount", type: "decimal", unit: "CNY", min: 0, required: true, description: "Absolute amount." },
      { name: "direction", type: "enum", values: ["in", "out"], required: true, description: "Money in or out of the client's accounts." },
      { name: "channel", type: "enum", values: channels, required: true, description: "Channel." },
      { name: "client_initiated", type: "boolean", required: true, description: "1 when the client started it (not interest, fees or standing orders)." },
    ],
  },
  {
    name: "corporate_metrics",
    description: "Corporate client facts per quarter (DOMAIN.md §2, §3).",
    required: false,
    key: ["client_id", "quarter"],
    features: {period: "quarter"},
    columns: [
      { name: "client_id", type: "string", required: true, description: "Corporate client.", references: clientRef },
      { name: "quarter", type: "quarter", required: true, description: "Quarter, YYYYQn." },
      { name: "industry", type: "string", required: true, description: "Industry code of the national size standard (e.g. industry, retail, software)." },
      { name: "employees", type: "integer", min: 0, required: false, description: "Employees (X).", unit: "persons" },
      { name: "revenue", type: "decimal", min: 0, required: false, description: "Annual operating revenue (Y).", unit: "万元" },
      { name: "total_assets", type: "decimal", min: 0, required: false, description: "Total assets (Z).", unit: "万元" },
      { name: "avg_daily_deposits", type: "decimal", min: 0, required: true, description: "Quarter average daily deposits.", unit: "CNY" },
      { name: "period_end_deposits", type: "decimal", min: 0, required: true, description: "Deposits at quarter end.", unit: "CNY" },
      { name: "pos_settlement_monthly", type: "decimal", min: 0, required: false, description: "POS settlement per month.", unit: "CNY" },
      { name: "payroll_headcount", type: "integer", min: 0, required: false, description: "Employees paid through the bank.", unit: "persons" },
      { name: "payroll_amount_monthly", type: "decimal", min: 0, required: false, description: "Payroll paid through the bank per month.", unit: "CNY" },
      { name: "company_cards", type: "integer", min: 0, required: false, description: "Company credit cards." },
      { name: "credit_rating", type: "string", required: false, description: "Internal credit rating (AAA, AA, A, BBB, …)." },
      { name: "adverse_credit", type: "boolean", required: false, description: "Adverse credit record." },
      { name: "loan_balance", type: "decimal", min: 0, required: false, description: "Loan balance at quarter end.", unit: "CNY" },
      { name: "stable_lending", type: "boolean", required: false, description: "A stable lending relationship." },
      { name: "strategic_agreement", type: "boolean", required: false, description: "Signed strategic-cooperation agreement." },
      { name: "settlement_share", type: "decimal", min: 0, max: 1, required: false, description: "Share of the client's settlement done at the bank." },
      { name: "online_banking_daily", type: "boolean", required: false, description: "Corporate online banking used for daily settlement." },
      { name: "supported_sector", type: "boolean", required: false, description: "In a sector the bank supports." },
    ],
  },
  {
    name: "campaigns",
    description: "Marketing campaigns (DOMAIN.md §4).",
    required: false,
    key: ["campaign_id"],
    columns: [
      { name: "campaign_id", type: "string", required: true, description: "Campaign id." },
      { name: "name", type: "string", required: true, description: "Campaign name." },
      { name: "kind", type: "enum", values: ["referral", "value_uplift", "vip_event", "other"], required: true, description: "Kind of campaign; picks the outcome rule in configuration." },
      { name: "start_date", type: "date", required: true, description: "First day." },
      { name: "end_date", type: "date", required: true, description: "Last day." },
      { name: "budget", type: "decimal", min: 0, unit: "CNY", required: false, description: "Approved budget." },
      { name: "fixed_cost", type: "decimal", min: 0, unit: "CNY", required: false, description: "Fixed costs (events, materials)." },
      { name: "target_clients", type: "integer", min: 0, required: false, description: "Target: qualifying clients." },
      { name: "target_aum", type: "decimal", min: 0, unit: "CNY", required: false, description: "Target: new average daily AUM." },
      { name: "reward_points_member", type: "integer", min: 0, required: false, description: "Points per qualifying member." },
      { name: "reward_points_referrer", type: "integer", min: 0, required: false, description: "Points per qualifying member's referrer." },
    ],
  },
  {
    name: "campaign_members",
    description: "Who a campaign targeted, with a randomised treatment / control group.",
    required: false,
    key: ["campaign_id", "client_id"],
    columns: [
      { name: "campaign_id", type: "string", required: true, description: "Campaign.", references: campaignRef },
      { name: "client_id", type: "string", required: true, description: "Targeted client.", references: clientRef },
      { name: "group", type: "enum", values: ["treatment", "control"], required: true, description: "Randomised group." },
      { name: "branch_id", type: "string", required: true, description: "Branch credited.", references: branchRef },
      { name: "referrer_id", type: "string", required: false, description: "Referring client (referral campaigns).", references: clientRef, directIdentifier: true },
      { name: "list_name", type: "string", required: false, description: "Name list the member came from (e.g. mortgage, lost_value)." },
    ],
  },
  {
    name: "campaign_targets",
    description: "Per-branch campaign targets.",
    required: false,
    key: ["campaign_id", "branch_id"],
    columns: [
      { name: "campaign_id", type: "string", required: true, description: "Campaign.", references: campaignRef },
      { name: "branch_id", type: "string", required: true, description: "Sub-branch.", references: branchRef },
      { name: "target_clients", type: "integer", min: 0, required: true, description: "Target qualifying clients." },
      { name: "target_aum", type: "decimal", min: 0, unit: "CNY", required: false, description: "Target new average daily AUM." },
    ],
  },
];

export function tableSpec(name: TableName): ContractTable {
  const spec = contract.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table: ${name}`);
  return spec;
}

/**
 * The tables a configuration's extract delivers: the contract plus the
 * configuration's own columns and tables (extract.extraColumns,
 * extract.extraTables). The validator validates and quarantines exactly these.
 */
export function extractContract(config: {extract: Pick<Config["extract"], "extraColumns" | "extraTables">}): TableSpec[] {
  return withExtras(contract, config.extract);
}

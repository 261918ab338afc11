// Why a page (or a part of one) is empty, said plainly. A real extract often
// lacks something the demo bank has — a second quarter, transactions,
// balances, campaigns, a control group, corporate clients, contact fields —
// and a page should say which, instead of showing blank charts. Computed from
// the data, never from the configuration's intentions.

import type {Label} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";

export interface Availability {
  available: boolean;
  /** Why not, for people; null when available. */
  reason: Label | null;
}

/** What the extract holds, as counts of accepted rows (never published as such). */
export interface DataFacts {
  quarters: number;
  transactions: number;
  /** Balance rows of AUM products (deposits, wealth, funds, insurance). */
  aumBalances: number;
  loanBalances: number;
  retailClients: number;
  corporateClients: number;
  campaigns: number;
  controlMembers: number;
  /** Retail clients with any key contact field (phone, address, employer). */
  withContactFields: number;
}

export async function dataFacts(engine: DuckDbEngine, {quarters}: {quarters: readonly string[]}): Promise<DataFacts> {
  const [row] = await engine.all<Omit<DataFacts, "quarters">>(`
    SELECT (SELECT COUNT(*) FROM x_transactions) AS transactions,
           (SELECT COUNT(*) FROM x_balances WHERE product IN ('demand', 'time', 'wealth', 'fund', 'insurance')) AS "aumBalances",
           (SELECT COUNT(*) FROM x_balances WHERE product IN ('mortgage', 'consumer_loan', 'corporate_loan')) AS "loanBalances",
           (SELECT COUNT(*) FROM s_clients WHERE client_type = 'retail') AS "retailClients",
           (SELECT COUNT(*) FROM s_clients WHERE client_type = 'corporate') AS "corporateClients",
           (SELECT COUNT(*) FROM x_campaigns) AS campaigns,
           (SELECT COUNT(*) FROM x_campaign_members WHERE "group" = 'control') AS "controlMembers",
           (SELECT COUNT(*) FROM s_clients WHERE client_type = 'retail' AND (has_phone OR has_address OR has_employer)) AS "withContactFields"`);
  return {quarters: quarters.length, ...row};
}

const yes: Availability = {available: true, reason: null};
const no = (zh: string, en: string): Availability => ({available: false, reason: {zh, en}});

/** One entry per thing a page shows; pages read `availability.<thing>`. */
export function pageAvailability(f: DataFacts) {
  const migration = f.quarters >= 2 ? yes : no(`只有一个季度（${f.quarters} 个），没有季度间的迁移`, `only one quarter (a single snapshot): no migration between quarters`);
  const transactions = f.transactions > 0 ? yes : no("提取数据中没有交易记录，无法计算 RFM 与活跃度", "no transactions in the extract: RFM and activity cannot be measured");
  const aum = f.aumBalances > 0 ? yes : no("提取数据中没有存款或理财余额，金融资产（AUM）均为 0", "no deposit or investment balances in the extract: AUM is zero for everyone");
  const retail = f.retailClients > 0 ? yes : no("提取数据中没有个人客户", "no retail clients in the extract");
  const corporate = f.corporateClients > 0 ? yes : no("提取数据中没有公司客户", "no corporate clients in the extract");
  const campaigns = f.campaigns > 0 ? yes : no("提取数据中没有营销活动", "no campaigns in the extract");
  const control =
    f.campaigns === 0 ? campaigns : f.controlMembers > 0 ? yes : no("营销活动没有对照组，无法衡量增量效果与 ROI", "the campaigns have no control group: lift, incremental AUM and ROI cannot be measured");
  const contactFields = f.withContactFields > 0 ? yes : no("提取数据中没有联系信息字段（电话、地址、单位），完整度为 0", "no contact fields (phone, address, employer) in the extract: completeness is zero");
  return {
    overview: {aum, activity: transactions, corporate, change: migration},
    segments: {retail, aum, rfm: transactions, corporate},
    migration: {migration, rfm: f.quarters >= 2 ? transactions : migration},
    campaigns: {campaigns, measurement: control},
    quality: {completeness: contactFields},
  };
}

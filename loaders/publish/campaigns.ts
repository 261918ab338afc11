// Campaigns page data: per campaign the outcome of every member (in SQL), then
// lift, difference in differences, ROI, the funnel and branch attainment (in
// the segmentation core). Only aggregates leave this module.

import type {Config} from "../../src/config/schema.js";
import {
  attainment,
  diffInDifferences,
  funnel,
  grossVersusIncremental,
  proportionLift,
} from "../../src/segmentation/campaigns/index.js";
import {parseQuarter, quarterOfMonth} from "../../src/segmentation/periods/index.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {literal} from "../engine/dialect.js";

interface CampaignRow {
  campaign_id: string;
  name: string;
  kind: string;
  start_date: string;
  end_date: string;
  budget: number | null;
  fixed_cost: number | null;
  target_clients: number | null;
  target_aum: number | null;
  reward_points_member: number | null;
  reward_points_referrer: number | null;
}

interface MemberOutcome {
  client_pid: string;
  group: "treatment" | "control";
  branch: string;
  referred: boolean;
  list: string | null;
  qualified: boolean;
  pre_deposits: number;
  pre_wealth: number;
  post_deposits: number;
  post_wealth: number;
}

function previousQuarter(id: string): string {
  const {year, q} = parseQuarter(id);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** Month n (1-based) of a campaign that starts in `startMonth`. */
function campaignMonth(startMonth: string, n: number): string {
  const [y, m] = startMonth.split("-").map(Number);
  const index = y * 12 + (m - 1) + (n - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Columns of monthly_aum a qualifying rule may read. */
const monthlyFeatures = ["aum_month"];

async function memberOutcomes(engine: DuckDbEngine, campaign: CampaignRow, config: Config): Promise<MemberOutcome[] | {reason: string}> {
  const outcome = config.campaigns.outcomes[campaign.kind];
  if (!outcome) return {reason: `no outcome rule for campaign kind "${campaign.kind}" (campaigns.outcomes)`};
  if (!monthlyFeatures.includes(outcome.qualifyingFeature))
    throw new Error(`invalid campaigns.outcomes.${campaign.kind}.qualifyingFeature: ${outcome.qualifyingFeature} (expected one of ${monthlyFeatures.join(", ")})`);
  const startMonth = campaign.start_date.slice(0, 7);
  const months = outcome.qualifyingMonths.map((n) => campaignMonth(startMonth, n));
  // AUM before = the quarter before the campaign starts; after = the quarter it ends in.
  const pre = previousQuarter(quarterOfMonth(startMonth));
  const post = quarterOfMonth(campaign.end_date.slice(0, 7));
  // A window outside the data would read as zero AUM: say so instead of measuring.
  const known = new Set((await engine.all<{quarter: string}>(`SELECT quarter FROM periods`)).map((r) => r.quarter));
  const missing = [pre, post, ...months.map(quarterOfMonth)].filter((q) => !known.has(q));
  if (missing.length) return {reason: `the campaign's window needs quarters the data does not cover: ${[...new Set(missing)].join(", ")}`};
  const deposits = "COALESCE(f.aum_demand, 0) + COALESCE(f.aum_time, 0)";
  const wealth = "COALESCE(f.aum_wealth, 0) + COALESCE(f.aum_fund, 0) + COALESCE(f.aum_insurance, 0)";
  return engine.all<MemberOutcome>(`
    WITH qualifying AS (
      SELECT client_pid, MAX(CASE WHEN ${outcome.qualifyingFeature} >= ${outcome.qualifyingThreshold} THEN 1 ELSE 0 END) AS q
      FROM monthly_aum WHERE month IN (${months.map(literal).join(", ")})
      GROUP BY client_pid
    )
    SELECT m.client_pid, m.member_group AS "group", m.branch_id AS branch, m.referrer_pid IS NOT NULL AS referred,
           m.list_name AS list, COALESCE(q.q, 0) = 1 AS qualified,
           COALESCE(${deposits.replaceAll("f.", "b.")}, 0) AS pre_deposits, COALESCE(${wealth.replaceAll("f.", "b.")}, 0) AS pre_wealth,
           COALESCE(${deposits.replaceAll("f.", "a.")}, 0) AS post_deposits, COALESCE(${wealth.replaceAll("f.", "a.")}, 0) AS post_wealth
    FROM s_campaign_members m
    LEFT JOIN qualifying q ON q.client_pid = m.client_pid
    LEFT JOIN features b ON b.client_pid = m.client_pid AND b.quarter = ${literal(pre)}
    LEFT JOIN features a ON a.client_pid = m.client_pid AND a.quarter = ${literal(post)}
    WHERE m.campaign_id = ${literal(campaign.campaign_id)}
    ORDER BY m.client_pid`);
}

export async function campaignsData(engine: DuckDbEngine, config: Config) {
  const campaigns = await engine.all<CampaignRow>(`
    SELECT campaign_id, name, kind, CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date,
           budget, fixed_cost, target_clients, target_aum, reward_points_member, reward_points_referrer
    FROM x_campaigns ORDER BY start_date, campaign_id`);
  const {pointValue, marginBps, horizonYears, confidence} = config.campaigns;
  const results = [];
  for (const c of campaigns) {
    const members = await memberOutcomes(engine, c, config);
    const base = {id: c.campaign_id, name: c.name, kind: c.kind, start: c.start_date, end: c.end_date, budget: c.budget, targetClients: c.target_clients, targetAum: c.target_aum};
    if (!Array.isArray(members)) {
      results.push({...base, measured: false, reason: members.reason});
      continue;
    }
    const treated = members.filter((m) => m.group === "treatment");
    const control = members.filter((m) => m.group === "control");
    const lift = proportionLift(
      {treated: {n: treated.length, successes: treated.filter((m) => m.qualified).length}, control: {n: control.length, successes: control.filter((m) => m.qualified).length}},
      {confidence}
    );
    const delta = (m: MemberOutcome, family: "deposits" | "wealth") => m[`post_${family}`] - m[`pre_${family}`];
    const total = (m: MemberOutcome) => delta(m, "deposits") + delta(m, "wealth");
    const did = diffInDifferences(treated.map(total), control.map(total), {confidence});
    const didDeposits = diffInDifferences(treated.map((m) => delta(m, "deposits")), control.map((m) => delta(m, "deposits")), {confidence});
    const didWealth = diffInDifferences(treated.map((m) => delta(m, "wealth")), control.map((m) => delta(m, "wealth")), {confidence});
    const qualifiers = treated.filter((m) => m.qualified);
    const pointsMember = c.reward_points_member ?? 0;
    const pointsReferrer = c.reward_points_referrer ?? 0;
    const roi = grossVersusIncremental({
      incrementalAum: {deposits: didDeposits.incrementalAum.total ?? 0, wealth: didWealth.incrementalAum.total ?? 0},
      grossAum: {
        deposits: qualifiers.reduce((s, m) => s + delta(m, "deposits"), 0),
        wealth: qualifiers.reduce((s, m) => s + delta(m, "wealth"), 0),
      },
      marginBps,
      horizonYears,
      rewards: {
        qualifyingMembers: qualifiers.length,
        pointsMember,
        qualifyingReferrals: qualifiers.filter((m) => m.referred).length,
        pointsReferrer,
        pointValue,
      },
      fixedCost: c.fixed_cost ?? 0,
    });
    const targets = await engine.all<{branch_id: string; target_clients: number; target_aum: number | null}>(
      `SELECT branch_id, target_clients, target_aum FROM x_campaign_targets WHERE campaign_id = ${literal(c.campaign_id)} ORDER BY branch_id`
    );
    const league = attainment(
      members.map((m) => ({branch: m.branch, qualified: m.qualified, aumGain: total(m), group: m.group})),
      targets.map((t) => ({branch_id: t.branch_id, target_clients: t.target_clients, target_aum: t.target_aum ?? undefined})),
      {rewardPerClient: pointsMember * pointValue + (c.kind === "referral" ? pointsReferrer * pointValue : 0)}
    );
    // Rates would give a suppressed count back (rate × group size).
    const threshold = config.privacy.suppressionThreshold;
    const small = (n: number) => n > 0 && n < threshold;
    const liftPublished = [lift.treatmentRate, lift.controlRate].every((r) => r !== undefined) &&
      !small(qualifiers.length) && !small(control.filter((m) => m.qualified).length)
      ? lift
      : {...lift, treatmentRate: null, controlRate: null, suppressed: true};
    results.push({
      ...base,
      measured: true,
      members: {treatment: treated.length, control: control.length},
      qualified: {treatment: qualifiers.length, control: control.filter((m) => m.qualified).length},
      lift: liftPublished,
      incrementalAum: {total: did, deposits: didDeposits, wealth: didWealth},
      roi,
      funnel: funnel(members, {by: (m) => m.list ?? "all"}),
      attainment: league,
    });
  }
  return {campaigns: results, settings: {pointValue, marginBps, horizonYears, confidence}};
}

// The planted truths, computed from the rounded values actually written (the
// AUM cents the balance writer reports), never from the plan.

import {quarterDays, quarterLabel} from "./calendar.js";
import {retailTier, thresholdMargin, valueClientLine, retailTierLadder} from "./thresholds.js";
import type {RetailClient} from "./retailPlan.js";
import type {DemoWindow} from "./window.js";
import type {CampaignPlan, CampaignGroup} from "./campaigns.js";

const minimumMargin = 0.01;
const tierLines = retailTierLadder.map((t) => t.min).filter((m) => m > 0);

export interface RetailQuarterTruth {
  /** Quarter average daily AUM in CNY, NaN when not a client that quarter. */
  averageDailyAum: Float64Array;
  /** AUM in the quarter's last month, CNY. */
  lastMonthAum: Float64Array;
}

/** Quarter average daily AUM = day-weighted mean of the monthly AUM sums. */
export function retailQuarterTruth(clients: readonly RetailClient[], window: DemoWindow, aumCents: Float64Array): RetailQuarterTruth {
  const n = clients.length;
  const averageDailyAum = new Float64Array(n * window.quarters).fill(NaN);
  const lastMonthAum = new Float64Array(n * window.quarters).fill(NaN);
  for (let q = 0; q < window.quarters; q++) {
    const days = quarterDays(window.firstQuarter + q);
    const totalDays = days[0] + days[1] + days[2];
    for (const c of clients) {
      if (q < c.firstQuarter || q > c.lastQuarter) continue;
      const base = c.index * window.months + 3 * q;
      const cents = days[0] * aumCents[base] + days[1] * aumCents[base + 1] + days[2] * aumCents[base + 2];
      const average = cents / totalDays / 100;
      const last = aumCents[base + 2] / 100;
      // The truths must not hang on a rounding: the plan keeps 1% clear of every line.
      if (thresholdMargin(average, tierLines) < minimumMargin || thresholdMargin(last, [valueClientLine]) < minimumMargin) {
        throw new Error(`invalid demo plan: ${c.clientId} ${quarterLabel(window.firstQuarter + q)} is within 1% of a threshold`);
      }
      averageDailyAum[c.index * window.quarters + q] = average;
      lastMonthAum[c.index * window.quarters + q] = last;
    }
  }
  return {averageDailyAum, lastMonthAum};
}

export function retailTierAt(truth: RetailQuarterTruth, quarters: number, client: number, q: number): string | null {
  const aum = truth.averageDailyAum[client * quarters + q];
  return Number.isNaN(aum) ? null : retailTier(aum);
}

export function valueClientAt(truth: RetailQuarterTruth, quarters: number, client: number, q: number): boolean | null {
  const last = truth.lastMonthAum[client * quarters + q];
  return Number.isNaN(last) ? null : last >= valueClientLine;
}

export interface TransitionCounts {
  from: string;
  to: string;
  /** from tier (or "new") → to tier (or "exited") → clients */
  counts: Record<string, Record<string, number>>;
}

/** Tier transitions between consecutive quarters, with entries and exits. */
export function transitions(tiers: readonly (readonly (string | null)[])[], quarterLabels: readonly string[]): TransitionCounts[] {
  const result: TransitionCounts[] = [];
  for (let q = 0; q + 1 < quarterLabels.length; q++) {
    const counts: Record<string, Record<string, number>> = {};
    for (const path of tiers) {
      const a = path[q];
      const b = path[q + 1];
      if (a === null && b === null) continue;
      const from = a ?? "new";
      const to = b ?? "exited";
      (counts[from] ??= {})[to] = (counts[from][to] ?? 0) + 1;
    }
    result.push({from: quarterLabels[q], to: quarterLabels[q + 1], counts});
  }
  return result;
}

export interface CampaignTruth {
  campaign_id: string;
  kind: string;
  quarter: string;
  members: Record<CampaignGroup, number>;
  qualified: Record<CampaignGroup, number>;
  byList?: Record<string, {members: Record<CampaignGroup, number>; qualified: Record<CampaignGroup, number>}>;
  controlRate: number;
  plantedLift: number;
  realisedLift: number;
  plantedIncrementalAumPerTreated: number;
  /** Mean change of quarter average daily AUM (quarter before → campaign quarter), CNY. */
  meanAumChange: Record<CampaignGroup, number>;
  realisedIncrementalAumPerTreated: number;
}

/** Qualifying = AUM ≥ 100,000 in campaign month 2 or 3, read from what was written. */
export function campaignTruth(campaign: CampaignPlan, window: DemoWindow, aumCents: Float64Array, truth: RetailQuarterTruth): CampaignTruth {
  const cq = window.campaignQuarter;
  const members = {treatment: 0, control: 0};
  const qualified = {treatment: 0, control: 0};
  const change = {treatment: 0, control: 0};
  const byList: NonNullable<CampaignTruth["byList"]> = {};
  for (const m of campaign.members) {
    const base = m.client.index * window.months + 3 * cq;
    const qualifies = Math.max(aumCents[base + 1], aumCents[base + 2]) >= valueClientLine * 100;
    if (qualifies !== m.qualifies) throw new Error(`invalid demo plan: campaign member ${m.client.clientId}`);
    members[m.group]++;
    if (qualifies) qualified[m.group]++;
    if (m.listName) {
      const list = (byList[m.listName] ??= {members: {treatment: 0, control: 0}, qualified: {treatment: 0, control: 0}});
      list.members[m.group]++;
      if (qualifies) list.qualified[m.group]++;
    }
    const at = (q: number) => {
      const v = truth.averageDailyAum[m.client.index * window.quarters + q];
      return Number.isNaN(v) ? 0 : v;
    };
    change[m.group] += at(cq) - at(cq - 1);
  }
  const rate = (g: CampaignGroup) => (members[g] ? qualified[g] / members[g] : 0);
  const meanChange = {treatment: members.treatment ? change.treatment / members.treatment : 0, control: members.control ? change.control / members.control : 0};
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    campaign_id: campaign.campaignId,
    kind: campaign.kind,
    quarter: quarterLabel(window.firstQuarter + cq),
    members,
    qualified,
    ...(Object.keys(byList).length ? {byList} : {}),
    controlRate: campaign.controlRate,
    plantedLift: campaign.plantedLift,
    realisedLift: round(rate("treatment") - rate("control"), 6),
    plantedIncrementalAumPerTreated: campaign.plantedIncrementalAum,
    meanAumChange: {treatment: round(meanChange.treatment, 2), control: round(meanChange.control, 2)},
    realisedIncrementalAumPerTreated: round(meanChange.treatment - meanChange.control, 2),
  };
}

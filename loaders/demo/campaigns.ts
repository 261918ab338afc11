// The two 2025Q1 campaigns of DOMAIN.md §4, with randomised treatment and
// control groups and an effect planted exactly in the sample: each group gets
// exactly round(p × n) qualifying members, and the treatment group's AUM change
// exceeds the control group's by a known amount per member.

import {createRandom, hashSeed, type Random} from "./random.js";
import {dateLabel, daysInMonth, quarterLabel} from "./calendar.js";
import {valueClientLine} from "./thresholds.js";
import {spreadWithinBounds} from "./spread.js";
import type {RetailClient} from "./retailPlan.js";
import type {DemoWindow} from "./window.js";

export type CampaignGroup = "treatment" | "control";

export interface CampaignMember {
  client: RetailClient;
  group: CampaignGroup;
  referrer?: RetailClient;
  listName?: "mortgage" | "lost_value";
  qualifies: boolean;
}

export interface CampaignPlan {
  campaignId: string;
  name: string;
  kind: "referral" | "value_uplift";
  startDate: string;
  endDate: string;
  budget: number;
  fixedCost: number;
  targetClients: number;
  targetAum: number;
  rewardPointsMember: number;
  rewardPointsReferrer: number | null;
  members: CampaignMember[];
  controlRate: number;
  plantedLift: number;
  /** Planted difference-in-differences of quarter average daily AUM per treated member, CNY. */
  plantedIncrementalAum: number;
}

// DOMAIN.md §4 targets are for a bank of 20,000 retail clients; smaller and
// larger demo banks scale them.
const referenceClients = 20_000;
const treatmentShare = 0.7;

// Quarter AUM ranges for planted members; chosen inside the safe zones of
// awayFromThresholds so that every month stays ≥ 1% from the value line.
const qualifyingRange: [number, number] = [1.06 * valueClientLine, 1.85 * valueClientLine];
const nonQualifyingRange: [number, number] = [1_000, 0.95 * valueClientLine];

export function planCampaigns(clients: RetailClient[], window: DemoWindow, seed: number): CampaignPlan[] {
  const cq = window.campaignQuarter;
  const quarterStart = window.firstMonth + 3 * cq;
  const startDate = dateLabel(quarterStart, 1);
  const endDate = dateLabel(quarterStart + 2, daysInMonth(quarterStart + 2));
  const scale = clients.length / referenceClients;
  const random = createRandom(hashSeed(seed, 3));
  const quarterName = quarterLabel(window.firstQuarter + cq);

  // Referral: every client opened in the campaign quarter, credited to an
  // existing client as referrer.
  const existing = clients.filter((c) => c.firstQuarter < cq && c.lastQuarter >= cq && !c.canary);
  const referred = clients.filter((c) => c.firstQuarter === cq && !c.canary);
  const referralMembers = assignGroups(referred, random).map((m) => ({...m, referrer: random.pick(existing)}));

  // Value uplift: two name lists drawn from the plan before the campaign.
  const isValue = (c: RetailClient, q: number) => c.levels[q] >= valueClientLine;
  const eligible = clients.filter((c) => !c.canary && c.firstQuarter <= cq - 1 && c.lastQuarter >= cq && !isValue(c, cq - 1));
  const lostValue = eligible.filter((c) => {
    for (let q = Math.max(c.firstQuarter, cq - 8); q <= cq - 2; q++) if (isValue(c, q)) return true;
    return false;
  });
  const lost = new Set(lostValue);
  const mortgage = eligible.filter((c) => !lost.has(c) && c.loans.some((l) => l.product === "mortgage"));
  const upliftCandidates = [...mortgage.map((client) => ({client, listName: "mortgage" as const})), ...lostValue.map((client) => ({client, listName: "lost_value" as const}))];
  const upliftMembers = assignGroups(upliftCandidates.map((c) => c.client), random);
  const listOf = new Map(upliftCandidates.map((c) => [c.client, c.listName]));

  const referral: CampaignPlan = {
    campaignId: `CMP${quarterName}-REF`,
    name: "转介新客户有礼",
    kind: "referral",
    startDate,
    endDate,
    budget: 50_000,
    fixedCost: 8_000,
    targetClients: Math.round(500 * scale),
    targetAum: Math.round(50_000_000 * scale),
    rewardPointsMember: 10,
    rewardPointsReferrer: 5,
    members: referralMembers,
    controlRate: 0.3,
    plantedLift: 0.15,
    plantedIncrementalAum: 20_000,
  };
  const uplift: CampaignPlan = {
    campaignId: `CMP${quarterName}-VAL`,
    name: "提升价值客户有礼",
    kind: "value_uplift",
    startDate,
    endDate,
    budget: 110_000,
    fixedCost: 15_000,
    targetClients: Math.round(1_800 * scale),
    targetAum: Math.round(180_000_000 * scale),
    rewardPointsMember: 10,
    rewardPointsReferrer: null,
    members: upliftMembers.map((m) => ({...m, listName: listOf.get(m.client)})),
    controlRate: 0.2,
    plantedLift: 0.12,
    plantedIncrementalAum: 15_000,
  };
  for (const campaign of [referral, uplift]) plantEffect(campaign, cq, random);
  return [referral, uplift];
}

function assignGroups(clients: RetailClient[], random: Random): CampaignMember[] {
  const shuffled = random.shuffled(clients);
  const treated = Math.round(treatmentShare * shuffled.length);
  return shuffled
    .map((client, i) => ({client, group: (i < treated ? "treatment" : "control") as CampaignGroup, qualifies: false}))
    .sort((a, b) => a.client.index - b.client.index);
}

// Sets each member's campaign-quarter AUM level: exactly round(p × n)
// qualifiers per group, then the treatment group's levels are nudged so that
// the planned difference-in-differences equals the planted amount.
function plantEffect(campaign: CampaignPlan, cq: number, random: Random): void {
  const groups: Record<CampaignGroup, CampaignMember[]> = {treatment: [], control: []};
  for (const m of campaign.members) groups[m.group].push(m);
  const rates: Record<CampaignGroup, number> = {control: campaign.controlRate, treatment: campaign.controlRate + campaign.plantedLift};
  const before = (m: CampaignMember) => (Number.isNaN(m.client.levels[cq - 1]) ? 0 : m.client.levels[cq - 1]);
  const levels: Record<CampaignGroup, Float64Array> = {treatment: new Float64Array(0), control: new Float64Array(0)};
  const lows: Record<CampaignGroup, Float64Array> = {...levels};
  const highs: Record<CampaignGroup, Float64Array> = {...levels};
  for (const group of ["treatment", "control"] as const) {
    const members = groups[group];
    const qualifying = new Set(random.shuffled(members).slice(0, Math.round(rates[group] * members.length)));
    levels[group] = new Float64Array(members.length);
    lows[group] = new Float64Array(members.length);
    highs[group] = new Float64Array(members.length);
    members.forEach((m, i) => {
      m.qualifies = qualifying.has(m);
      const [lo, hi] = m.qualifies ? qualifyingRange : nonQualifyingRange;
      lows[group][i] = lo;
      highs[group][i] = hi;
      const natural = m.qualifies
        ? random.logUniform(1.1 * valueClientLine, 1.6 * valueClientLine)
        : before(m) > 0
          ? before(m) * random.uniform(0.85, 1.15)
          : random.logUniform(3_000, 0.9 * valueClientLine);
      levels[group][i] = Math.min(hi, Math.max(lo, natural));
    });
  }
  const meanChange = (group: CampaignGroup) => {
    const members = groups[group];
    let sum = 0;
    members.forEach((m, i) => (sum += levels[group][i] - before(m)));
    return members.length ? sum / members.length : 0;
  };
  const nT = groups.treatment.length;
  const nC = groups.control.length;
  if (nT > 0 && nC > 0) {
    const gap = campaign.plantedIncrementalAum - (meanChange("treatment") - meanChange("control"));
    const left = spreadWithinBounds(levels.treatment, lows.treatment, highs.treatment, gap * nT);
    if (left !== 0) spreadWithinBounds(levels.control, lows.control, highs.control, (-left / nT) * nC);
  }
  for (const group of ["treatment", "control"] as const) groups[group].forEach((m, i) => (m.client.levels[cq] = levels[group][i]));
}

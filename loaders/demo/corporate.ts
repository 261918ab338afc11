// Corporate clients and their quarterly facts. Each client has a size class
// and, per quarter, an intended tier; the facts are drawn to satisfy the
// intended tier's rule (and miss the rules above it) with a 10% margin.

import {createRandom, hashSeed, type Random} from "./random.js";
import {dateLabel} from "./calendar.js";
import {subBranches, subBranchWeights, type SubBranch} from "./branches.js";
import {socialCreditCode} from "./idCard.js";
import {companyName, officeAddress, officePhone} from "./contacts.js";
import {enterpriseSize, industryIds, industrySizeBounds, type SizeBounds, type SizeClass, type SizeMetric} from "./industries.js";
import {corporateTier, type CorporateFacts, type CorporateTier} from "./corporateTier.js";
import type {DemoWindow} from "./window.js";

export interface CorporateClient {
  index: number;
  clientId: string;
  name: string;
  creditCode: string;
  phone: string;
  address: string;
  branch: SubBranch;
  openDate: string;
  industry: string;
  size: SizeClass;
  supportedSector: boolean;
  /** Size metrics before the small quarterly wobble. */
  scale: Record<SizeMetric, number>;
  /** Intended tier per relative quarter. */
  tiers: CorporateTier[];
  seed: number;
}

export interface CorporateQuarter extends CorporateFacts {
  employees: number;
  revenue: number;
  totalAssets: number;
}

export const corporateClientId = (index: number): string => `E${String(index + 1).padStart(7, "0")}`;

const industryWeights: Record<string, number> = {industry: 5, wholesale: 3, retail: 3, software: 2, construction: 2, real_estate: 1.5, transport: 1, catering: 1, leasing: 1, information_transmission: 0.6};
const sizeWeights: Record<SizeClass, number> = {large: 0.2, medium: 0.25, small: 0.3, micro: 0.25};
const sizes = Object.keys(sizeWeights) as SizeClass[];
const tierMoveChance = 0.1;

export function planCorporateClients(count: number, window: DemoWindow, seed: number): CorporateClient[] {
  const clients: CorporateClient[] = [];
  for (let index = 0; index < count; index++) {
    const random = createRandom(hashSeed(seed, 4, index));
    const industry = random.weighted(industryIds, industryIds.map((id) => industryWeights[id] ?? 0.3));
    const size = random.weighted(sizes, sizes.map((s) => sizeWeights[s]));
    const supportedSector = random.chance(size === "large" ? 0.7 : 0.6);
    const branch = random.weighted(subBranches, subBranchWeights);
    const allowed = allowedTiers(size, supportedSector);
    let tier = baseTier(size, supportedSector, random);
    const tiers: CorporateTier[] = [];
    for (let q = 0; q < window.quarters; q++) {
      if (q > 0 && random.chance(tierMoveChance)) {
        const moves = allowed.filter((t) => t !== tier && t !== "strategic");
        if (moves.length) tier = random.pick(moves);
      }
      tiers.push(tier);
    }
    clients.push({
      index,
      clientId: corporateClientId(index),
      name: companyName(random, branch, industry),
      creditCode: socialCreditCode(branch.areaCode, random.int(10_000_000, 99_999_999)),
      phone: officePhone(random, branch),
      address: officeAddress(random, branch),
      branch,
      openDate: dateLabel(window.firstMonth - random.int(6, 240), random.int(1, 28)),
      industry,
      size,
      supportedSector,
      scale: sizeMetrics(industry, size, random),
      tiers,
      seed: hashSeed(seed, 5, index),
    });
  }
  return clients;
}

function allowedTiers(size: SizeClass, supported: boolean): CorporateTier[] {
  return size === "large" && supported ? ["quality", "contributor", "potential"] : ["contributor", "potential"];
}

function baseTier(size: SizeClass, supported: boolean, random: Random): CorporateTier {
  if (random.chance(size === "large" ? 0.2 : size === "medium" ? 0.04 : 0)) return "strategic";
  if (size === "large" && supported && random.chance(0.45)) return "quality";
  return random.chance(0.35) ? "contributor" : "potential";
}

// Size metrics inside the class's range with a 10% margin from its bounds, so
// the ±2% quarterly wobble never changes the class.
function sizeMetrics(industry: string, size: SizeClass, random: Random): Record<SizeMetric, number> {
  const bounds = industrySizeBounds[industry];
  const c = sizes.indexOf(size);
  const unlisted: Record<SizeMetric, [number, number][]> = {
    employees: [[500, 5000], [100, 500], [10, 100], [2, 10]],
    revenue: [[30000, 300000], [2000, 30000], [200, 2000], [20, 200]],
    assets: [[40000, 400000], [3000, 40000], [300, 3000], [30, 300]],
  };
  const listed = Object.keys(bounds) as SizeMetric[];
  const below = size === "micro" ? random.pick(listed) : null;
  const metrics = {} as Record<SizeMetric, number>;
  for (const metric of ["employees", "revenue", "assets"] as SizeMetric[]) {
    const b: SizeBounds | undefined = bounds[metric];
    let range: [number, number];
    if (!b) range = unlisted[metric][c];
    else if (size === "large") range = [1.15 * b[0], 4 * b[0]];
    else if (size === "micro") range = metric === below ? [0.2 * b[2], 0.85 * b[2]] : [1.1 * b[2], 0.9 * b[1]];
    else range = [1.1 * b[c], 0.9 * b[c - 1]];
    metrics[metric] = random.logUniform(range[0], range[1]);
  }
  return metrics;
}

const lowDeposits: Record<SizeClass, [number, number]> = {micro: [20_000, 3_000_000], small: [200_000, 20_000_000], medium: [2_000_000, 60_000_000], large: [10_000_000, 70_000_000]};
const ratings = ["AAA", "AA", "A", "BBB", "BB", "B"];
const ratingWeights = [0.08, 0.2, 0.3, 0.25, 0.12, 0.05];

const money = (x: number) => Math.round(x * 100) / 100;

/** The facts of one client-quarter, drawn to land in the intended tier. */
export function corporateQuarter(client: CorporateClient, q: number): CorporateQuarter {
  const random = createRandom(hashSeed(client.seed, q));
  const tier = client.tiers[q];
  const employees = Math.max(1, Math.round(client.scale.employees * random.uniform(0.98, 1.02)));
  const facts: CorporateQuarter = {
    employees,
    revenue: money(client.scale.revenue * random.uniform(0.98, 1.02)),
    totalAssets: money(client.scale.assets * random.uniform(0.98, 1.02)),
    ...lowFacts(client, employees, random),
  };
  const largeSupported = client.size === "large" && client.supportedSector;
  if (tier === "strategic") {
    facts.strategicAgreement = true;
    facts.creditRating = random.pick(["AAA", "AA", "A"]);
    facts.adverseCredit = false;
    facts.settlementShare = random.uniform(0.66, 0.95);
    facts.stableLending = random.chance(0.8);
  } else {
    // Some non-strategic clients signed an agreement but miss the other conditions.
    facts.strategicAgreement = random.chance(0.15);
    facts.creditRating = facts.strategicAgreement ? random.pick(["BBB", "BB"]) : random.weighted(ratings, ratingWeights);
    facts.adverseCredit = tier === "potential" && random.chance(0.08);
    facts.settlementShare = facts.strategicAgreement ? random.uniform(0.2, 0.54) : random.uniform(0.05, 0.9);
  }
  if (tier === "quality") {
    facts.stableLending = random.chance(0.6);
    for (let i = random.int(1, 2); i > 0; i--) qualityTrigger(facts, employees, random);
  } else if (tier === "contributor") {
    facts.stableLending = true;
    for (let i = random.int(1, 2); i > 0; i--) contributorTrigger(facts, employees, random);
  } else if (tier === "potential") {
    facts.stableLending = random.chance(0.5);
  }
  if (largeSupported && tier !== "quality" && tier !== "strategic") facts.onlineBankingDaily = false;
  facts.supportedSector = client.supportedSector;
  facts.loanBalance = facts.stableLending ? money(random.logUniform(1_000_000, 300_000_000)) : random.chance(0.3) ? money(random.logUniform(100_000, 5_000_000)) : 0;
  facts.settlementShare = Math.round(facts.settlementShare * 10_000) / 10_000;

  const size = enterpriseSize(client.industry, {employees: facts.employees, revenue: facts.revenue, assets: facts.totalAssets});
  const planted = corporateTier(facts, size);
  if (size !== client.size || planted !== tier) throw new Error(`invalid demo corporate plan: ${client.clientId} ${q} ${size}/${client.size} ${planted}/${tier}`);
  return facts;
}

// Every trigger well below the sustained-contributor lines (and so below quality).
function lowFacts(client: CorporateClient, employees: number, random: Random): CorporateFacts {
  const deposits = money(random.logUniform(...lowDeposits[client.size]));
  const payroll = random.chance(0.7) ? Math.min(employees, random.int(1, 90)) : 0;
  return {
    avgDailyDeposits: deposits,
    periodEndDeposits: money(deposits * random.uniform(0.85, 1.3)),
    posSettlementMonthly: random.chance(0.4) ? 0 : money(random.logUniform(10_000, 4_400_000)),
    payrollHeadcount: payroll,
    payrollAmountMonthly: money(payroll * random.uniform(3_000, 4_800)),
    companyCards: random.int(0, 8),
    creditRating: "BBB",
    adverseCredit: false,
    loanBalance: 0,
    stableLending: false,
    strategicAgreement: false,
    settlementShare: 0,
    onlineBankingDaily: random.chance(0.5),
    supportedSector: client.supportedSector,
  };
}

// Above a contributor line but below every quality line.
function contributorTrigger(f: CorporateFacts, employees: number, random: Random): void {
  const kinds = employees >= 110 ? 5 : 4;
  switch (random.int(0, kinds - 1)) {
    case 0:
      f.avgDailyDeposits = money(random.uniform(88_000_000, 90_000_000));
      f.periodEndDeposits = money(f.avgDailyDeposits * random.uniform(0.9, 1.3));
      break;
    case 1:
      f.periodEndDeposits = money(random.uniform(165_000_000, 270_000_000));
      break;
    case 2:
      f.posSettlementMonthly = money(random.uniform(5_500_000, 7_200_000));
      break;
    case 3:
      f.companyCards = random.int(11, 18);
      break;
    default:
      f.payrollHeadcount = random.int(110, Math.min(135, employees));
      f.payrollAmountMonthly = money(random.uniform(550_000, 720_000));
  }
}

// At or above a quality line, with a 10% margin.
function qualityTrigger(f: CorporateFacts, employees: number, random: Random): void {
  const kinds = employees >= 165 ? 5 : 4;
  switch (random.int(0, kinds - 1)) {
    case 0:
      f.avgDailyDeposits = money(random.logUniform(110_000_000, 800_000_000));
      f.periodEndDeposits = money(f.avgDailyDeposits * random.uniform(1, 1.4));
      break;
    case 1:
      f.posSettlementMonthly = money(random.logUniform(8_800_000, 30_000_000));
      break;
    case 2:
      f.onlineBankingDaily = true;
      break;
    case 3:
      f.companyCards = random.int(22, 60);
      break;
    default: {
      const headcount = random.int(165, Math.min(employees, 3_000));
      f.payrollHeadcount = headcount;
      f.payrollAmountMonthly = money(headcount * random.uniform(5_500, 9_000));
    }
  }
}

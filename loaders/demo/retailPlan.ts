// Plans every retail client before a single row is written: identity, persona,
// products, life span and the planned quarter AUM level. Rows are then streamed
// from the plan one client at a time.

import {createRandom, hashSeed, type Random} from "./random.js";
import {dateLabel} from "./calendar.js";
import {subBranches, subBranchWeights, type SubBranch} from "./branches.js";
import {personName} from "./names.js";
import {residentIdNumber} from "./idCard.js";
import {employerName, homeAddress, mobilePhone} from "./contacts.js";
import {personas, personaById, type LoanProduct, type PersonaId} from "./personas.js";
import {awayFromThresholds, valueClientLine, type AumProduct} from "./thresholds.js";
import type {DemoWindow} from "./window.js";
import {canary, canaryClientId} from "./canary.js";

export interface RetailClient {
  index: number;
  clientId: string;
  persona: PersonaId;
  canary: boolean;
  name: string;
  idNumber: string;
  gender: "M" | "F";
  birthDate: string;
  occupation: string;
  /** Empty string = missing key contact field (a planted data-quality gap). */
  phone: string;
  address: string;
  employer: string;
  branch: SubBranch;
  openMonth: number;
  openDay: number;
  closeMonth: number | null;
  closeDay: number;
  /** Relative quarters in which the client exists (inclusive). */
  firstQuarter: number;
  lastQuarter: number;
  holdings: {product: AumProduct; share: number}[];
  loans: {product: LoanProduct; balance: number}[];
  /** Planned quarter average daily AUM per relative quarter; NaN when not a client. */
  levels: Float64Array;
  /** Seed of this client's own balance and transaction streams. */
  seed: number;
}

export const retailClientId = (index: number): string => `C${String(index + 1).padStart(8, "0")}`;

// Shares of retail clients whose life starts or ends inside the window.
const newClientShare = 0.12;
const referralWaveShare = 0.03;
const churnShare = 0.08;
const stepShare = 0.1;
const lostValueShare = 0.12;
const missingContactShare = 0.15;

export function planRetailClients(count: number, window: DemoWindow, seed: number): RetailClient[] {
  const canaryIndex = Math.min(7, count - 1);
  const clients: RetailClient[] = [];
  for (let index = 0; index < count; index++) {
    const random = createRandom(hashSeed(seed, 1, index));
    clients.push(index === canaryIndex ? planCanary(index, window, seed, random) : planClient(index, window, seed, random));
  }
  return clients;
}

function planClient(index: number, window: DemoWindow, seed: number, random: Random): RetailClient {
  const {quarters, campaignQuarter, firstMonth} = window;
  const u = random.next();
  const opensAt = u < referralWaveShare ? campaignQuarter : u < referralWaveShare + newClientShare ? random.int(1, quarters - 1) : null;
  const pool = opensAt === null ? personas : personas.filter((p) => p.newShare > 0);
  const persona = random.weighted(pool, pool.map((p) => (opensAt === null ? p.share : p.newShare)));

  // New clients open in the first month of a quarter and leavers close in the
  // last month of one, so every client-quarter has rows in all three months and
  // the quarter average does not depend on how missing months are treated.
  const firstQuarter = opensAt ?? 0;
  const openMonth = opensAt === null ? firstMonth - random.int(...persona.tenureMonths) : firstMonth + 3 * opensAt;
  const closes = random.chance(churnShare) && firstQuarter <= quarters - 2;
  const lastQuarter = closes ? random.int(firstQuarter, quarters - 2) : quarters - 1;

  const gender = random.chance(0.5) ? "M" : "F";
  const age = random.int(...persona.ageAtStart);
  const birthMonth = firstMonth - 12 * age - random.int(0, 11);
  const birthDate = dateLabel(birthMonth, random.int(1, 28));
  const branch = random.weighted(subBranches, subBranchWeights);
  const birthPlace = random.chance(0.75) ? branch : random.pick(subBranches);

  let phone = mobilePhone(random);
  let address = homeAddress(random, branch);
  let employer = employerName(random, branch);
  if (random.chance(missingContactShare)) {
    const gaps = random.chance(0.2) ? 2 : 1;
    const order = random.shuffled(["phone", "address", "employer"]);
    for (const field of order.slice(0, gaps)) {
      if (field === "phone") phone = "";
      else if (field === "address") address = "";
      else employer = "";
    }
  }

  return {
    index,
    clientId: retailClientId(index),
    persona: persona.id,
    canary: false,
    name: personName(random, gender),
    idNumber: residentIdNumber(birthPlace.areaCode, birthDate, random.int(0, 999), gender),
    gender,
    birthDate,
    occupation: random.pick(persona.occupations),
    phone,
    address,
    employer,
    branch,
    openMonth,
    openDay: random.int(1, 28),
    closeMonth: closes ? firstMonth + 3 * lastQuarter + 2 : null,
    closeDay: random.int(1, 28),
    firstQuarter,
    lastQuarter,
    holdings: planHoldings(persona.id, random),
    loans: planLoans(persona.id, random),
    levels: planLevels(persona.id, firstQuarter, lastQuarter, window, random),
    seed: hashSeed(seed, 2, index),
  };
}

function planCanary(index: number, window: DemoWindow, seed: number, random: Random): RetailClient {
  const branch = subBranches.find((b) => b.branchId === canary.branchId) ?? subBranches[0];
  const persona = "affluent_investor";
  return {
    index,
    clientId: canaryClientId,
    persona,
    canary: true,
    name: canary.name,
    idNumber: canary.idNumber,
    gender: canary.gender,
    birthDate: canary.birthDate,
    occupation: canary.occupation,
    phone: canary.phone,
    address: canary.address,
    employer: canary.employer,
    branch,
    openMonth: window.firstMonth - 100,
    openDay: 8,
    closeMonth: null,
    closeDay: 1,
    firstQuarter: 0,
    lastQuarter: window.quarters - 1,
    holdings: planHoldings(persona, random),
    loans: planLoans(persona, random),
    levels: planLevels(persona, 0, window.quarters - 1, window, random),
    seed: hashSeed(seed, 2, index),
  };
}

function planHoldings(personaId: PersonaId, random: Random): RetailClient["holdings"] {
  const persona = personaById.get(personaId)!;
  const held: {product: AumProduct; share: number}[] = [];
  for (const [product, {p, weight}] of Object.entries(persona.holdings) as [AumProduct, {p: number; weight: number}][]) {
    if (random.chance(p)) held.push({product, share: weight * random.uniform(0.6, 1.4)});
  }
  const total = held.reduce((s, h) => s + h.share, 0);
  return held.map((h) => ({product: h.product, share: h.share / total}));
}

function planLoans(personaId: PersonaId, random: Random): RetailClient["loans"] {
  const persona = personaById.get(personaId)!;
  const loans: RetailClient["loans"] = [];
  if (random.chance(persona.loans.mortgage ?? 0)) loans.push({product: "mortgage", balance: random.logUniform(300_000, 2_500_000)});
  // A mass-market transactor always borrows: the product count sets them apart.
  const mustBorrow = personaId === "mass_transactor" && loans.length === 0;
  if (mustBorrow || random.chance(persona.loans.consumer_loan ?? 0)) loans.push({product: "consumer_loan", balance: random.logUniform(10_000, 150_000)});
  return loans;
}

function planLevels(personaId: PersonaId, first: number, last: number, window: DemoWindow, random: Random): Float64Array {
  const persona = personaById.get(personaId)!;
  const levels = new Float64Array(window.quarters).fill(NaN);
  let level = random.logUniform(...persona.aum);
  // A planted upgrade or downgrade: a step of ×2–3 or ÷2–3 in one quarter.
  const stepAt = personaId !== "dormant_holder" && first < last && random.chance(stepShare) ? random.int(first + 1, last) : -1;
  const stepFactor = random.chance(0.5) ? random.uniform(2, 3) : 1 / random.uniform(2, 3);
  for (let q = first; q <= last; q++) {
    if (q > first) level *= Math.exp(persona.drift * random.normal());
    if (q === stepAt) level *= stepFactor;
    levels[q] = level;
  }
  // Value clients lost before the campaign: above the value line early in the
  // window, below it in the quarter before the campaign.
  const cq = window.campaignQuarter;
  if (personaId === "mass_transactor" && first <= cq - 2 && last >= cq && random.chance(lostValueShare)) {
    const lostAfter = random.int(Math.max(first, cq - 8), cq - 2);
    for (let q = first; q <= lostAfter; q++) levels[q] = random.logUniform(1.1 * valueClientLine, 1.85 * valueClientLine);
    for (let q = lostAfter + 1; q < cq; q++) levels[q] = random.logUniform(0.35 * valueClientLine, 0.9 * valueClientLine);
  }
  for (let q = first; q <= last; q++) levels[q] = awayFromThresholds(levels[q]);
  return levels;
}

export function openDate(client: Pick<RetailClient, "openMonth" | "openDay">): string {
  return dateLabel(client.openMonth, client.openDay);
}

export function closeDate(client: Pick<RetailClient, "closeMonth" | "closeDay">): string {
  return client.closeMonth === null ? "" : dateLabel(client.closeMonth, client.closeDay);
}

// Deposits placed (存入) by retail clients: a table of the bank's own, not of
// the extract contract, which data/config.default.yaml declares under
// extract.extraTables.deposits. The deposit-behaviour bands (DOMAIN.md §1:
// amount, term, frequency) read it.
//
// Each client's deposits come from their own stream (hashSeed(client.seed,
// depositStream)), so adding this table leaves every other table of the demo
// bank byte for byte as it was. The deposits are drawn from the persona's
// habits; they are not reconciled with the monthly balances (a synthetic bank:
// docs/demo-bank.md says so).
//
// Planted lines: a few clients get, in the year up to the last quarter,
// deposits that put their bands exactly on DOMAIN.md's lines (10 deposits a
// year, an average of exactly 100,000 or 10,000, terms of exactly 36 or 12
// months) or just past them; depositLines lists them with their bands.

import {createRandom, hashSeed, type Random} from "./random.js";
import {dateLabel, daysInMonth, quarterLabel} from "./calendar.js";
import {formatCents, type CsvWriter} from "./csvWriter.js";
import type {PersonaId} from "./personas.js";
import type {RetailClient} from "./retailPlan.js";
import type {DemoWindow} from "./window.js";

/** The file's columns, as extract.extraTables.deposits declares them (test/demo/deposits.test.ts holds the two equal). */
export const depositColumns = ["client_id", "deposit_id", "placed_on", "product", "amount", "term_months"] as const;

const depositStream = 13;

interface Habit {
  /** Demand deposits per quarter (Poisson mean) and their median amount. */
  demand: [perQuarter: number, median: number];
  /** Time deposits per year (Poisson mean), their median amount and the terms chosen from. */
  time: [perYear: number, median: number, terms: readonly number[]];
}

const habits: Record<PersonaId, Habit> = {
  young_saver: {demand: [1.5, 1_500], time: [0.3, 8_000, [3, 6, 12]]},
  affluent_investor: {demand: [0.5, 50_000], time: [2.5, 300_000, [12, 24, 36, 60]]},
  senior_depositor: {demand: [0.4, 5_000], time: [1.2, 60_000, [24, 36, 60]]},
  dormant_holder: {demand: [0, 0], time: [0, 0, []]},
  mass_transactor: {demand: [3, 8_000], time: [0.8, 30_000, [6, 12, 24]]},
};

export interface DepositLine {
  client_id: string;
  /** The quarter whose trailing year the planted deposits fill. */
  quarter: string;
  deposits: number;
  averageAmount: number;
  averageTermMonths: number | null;
  bands: {amount: "small" | "medium" | "large"; term: "short" | "medium" | "long" | "no_time_deposit"; frequency: "low" | "medium" | "high"};
}

// [deposits, amount of each, term of each (null: demand)], and the bands DOMAIN.md's lines give them.
const planted: readonly {deposits: number; amount: number; term: number | null; bands: DepositLine["bands"]}[] = [
  {deposits: 10, amount: 100_000, term: 36, bands: {amount: "medium", term: "medium", frequency: "medium"}},
  {deposits: 5, amount: 10_000, term: 12, bands: {amount: "medium", term: "short", frequency: "medium"}},
  {deposits: 11, amount: 100_000.01, term: 60, bands: {amount: "large", term: "long", frequency: "high"}},
  {deposits: 4, amount: 9_999.99, term: null, bands: {amount: "small", term: "no_time_deposit", frequency: "low"}},
  {deposits: 1, amount: 250_000, term: 24, bands: {amount: "large", term: "medium", frequency: "low"}},
];

/** Which clients carry the planted lines: the first eligible ones from a seeded start, a client for each line. */
export function planDepositLines(retail: readonly RetailClient[], window: DemoWindow, seed: number): Map<number, number> {
  const random = createRandom(hashSeed(seed, depositStream));
  const lastQuarter = window.quarters - 1;
  const chosen = new Map<number, number>();
  const start = random.int(0, Math.max(0, retail.length - 1));
  for (let k = 0; k < retail.length && chosen.size < planted.length; k++) {
    const client = retail[(start + k) % retail.length];
    // in the bank for the whole year up to the last quarter, and not the canary
    if (!client.canary && client.lastQuarter === lastQuarter && client.firstQuarter <= Math.max(0, lastQuarter - 3)) chosen.set(client.index, chosen.size);
  }
  return chosen;
}

/**
 * Writes one client's deposits; returns the planted line it carries, if any.
 * `line` is the index into the planted lines for this client (planDepositLines).
 */
export function writeClientDeposits(client: RetailClient, window: DemoWindow, out: CsvWriter, ids: {next(): string}, line?: number): DepositLine | undefined {
  const random = createRandom(hashSeed(client.seed, depositStream));
  const habit = habits[client.persona];
  const lastQuarter = window.quarters - 1;
  const plantedFrom = line === undefined ? Infinity : Math.max(0, lastQuarter - 3);
  const rows: {day: string; product: "demand" | "time"; cents: number; term: number | null}[] = [];
  for (let q = client.firstQuarter; q <= client.lastQuarter && q < plantedFrom; q++) {
    const day = () => randomDay(random, client, window, q);
    for (let i = random.poisson(habit.demand[0]); i > 0; i--) rows.push({day: day(), product: "demand", cents: amountCents(random, habit.demand[1]), term: null});
    for (let i = random.poisson(habit.time[0] / 4); i > 0; i--) rows.push({day: day(), product: "time", cents: amountCents(random, habit.time[1]), term: random.pick(habit.time[2])});
  }
  let result: DepositLine | undefined;
  if (line !== undefined) {
    const p = planted[line];
    // spread over the trailing year's quarters, a few days apart
    for (let i = 0; i < p.deposits; i++) {
      const q = plantedFrom + (i % (lastQuarter - plantedFrom + 1));
      rows.push({day: dateLabel(window.firstMonth + 3 * q + 1, 1 + Math.floor(i / 4)), product: p.term === null ? "demand" : "time", cents: Math.round(p.amount * 100), term: p.term});
    }
    result = {client_id: client.clientId, quarter: quarterLabel(window.firstQuarter + lastQuarter), deposits: p.deposits, averageAmount: p.amount, averageTermMonths: p.term, bands: p.bands};
  }
  rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const r of rows) out.line(`${client.clientId},${ids.next()},${r.day},${r.product},${formatCents(r.cents)},${r.term ?? ""}`);
  return result;
}

function amountCents(random: Random, median: number): number {
  // whole yuan, at least 100
  return Math.max(100, Math.round(median * Math.exp(0.6 * random.normal()))) * 100;
}

/** A day in relative quarter q on which the client has an account. */
function randomDay(random: Random, client: RetailClient, window: DemoWindow, q: number): string {
  const month = window.firstMonth + 3 * q + random.int(0, 2);
  const from = month === client.openMonth ? client.openDay : 1;
  const to = month === client.closeMonth ? client.closeDay : daysInMonth(month);
  return dateLabel(month, random.int(Math.min(from, to), to));
}

export const depositIds = () => {
  let n = 0;
  return {next: () => `D${String(++n).padStart(10, "0")}`};
};

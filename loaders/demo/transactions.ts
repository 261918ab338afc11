// Transactions for one retail client: client-initiated ones at the persona's
// pace and channels, plus automatic postings (quarterly interest, monthly loan
// repayments by standing order) flagged client_initiated = 0.

import {createRandom, hashSeed} from "./random.js";
import {dateLabel, quarterDays} from "./calendar.js";
import {formatCents, type CsvWriter} from "./csvWriter.js";
import {personaById, personas, type Channel} from "./personas.js";
import type {RetailClient} from "./retailPlan.js";
import type {DemoWindow} from "./window.js";

const transactionStream = 12;
// Share of the per-quarter budget that is client-initiated; automatic postings
// (about two per client-quarter) make up the rest.
const clientInitiatedShare = 0.78;
const interestDay = 21; // Chinese banks settle deposit interest on the 21st of the quarter's last month
const quarterlyInterestRate = 0.0035 / 4;

const meanActivity = personas.reduce((s, p) => s + p.share * p.activity, 0);

/** Mean client-initiated transactions per quarter for a persona. */
export function clientInitiatedRate(personaId: RetailClient["persona"], transactionsPerClientQuarter: number): number {
  const persona = personaById.get(personaId)!;
  return Math.max(1, (clientInitiatedShare * transactionsPerClientQuarter * persona.activity) / meanActivity);
}

export interface TransactionIds {
  next(): string;
}

export function transactionIds(): TransactionIds & {last: string} {
  let n = 0;
  const ids = {
    last: "",
    next() {
      n++;
      ids.last = `T${String(n).padStart(10, "0")}`;
      return ids.last;
    },
  };
  return ids;
}

export function writeClientTransactions(client: RetailClient, window: DemoWindow, transactionsPerClientQuarter: number, ids: TransactionIds, out: CsvWriter): void {
  const random = createRandom(hashSeed(client.seed, transactionStream));
  const persona = personaById.get(client.persona)!;
  const channels = Object.keys(persona.channels) as Channel[];
  const channelWeights = channels.map((c) => persona.channels[c]!);
  const rate = clientInitiatedRate(client.persona, transactionsPerClientQuarter);
  for (let q = client.firstQuarter; q <= client.lastQuarter; q++) {
    const quarterMonth = window.firstMonth + 3 * q;
    const days = quarterDays(window.firstQuarter + q);
    const offsetOf = (month: number, day: number) => (month > quarterMonth ? days[0] : 0) + (month > quarterMonth + 1 ? days[1] : 0) + day - 1;
    const first = client.openMonth >= quarterMonth ? offsetOf(client.openMonth, client.openDay) : 0;
    const last = client.closeMonth !== null && client.closeMonth <= quarterMonth + 2 ? offsetOf(client.closeMonth, client.closeDay) : days[0] + days[1] + days[2] - 1;
    const postings: {offset: number; text: string}[] = [];
    const post = (offset: number, cents: number, direction: "in" | "out", channel: Channel, initiated: 0 | 1) => {
      if (offset < first || offset > last) return;
      postings.push({offset, text: `${formatCents(Math.max(1, cents))},${direction},${channel},${initiated}`});
    };

    // A dormant holder last acted early in the window and never since.
    const count = client.persona === "dormant_holder" ? (q === 0 ? 1 : q === 1 && random.chance(0.5) ? 1 : 0) : 1 + random.poisson(rate - 1);
    for (let i = 0; i < count; i++) {
      const cents = Math.round(persona.ticket * Math.exp(0.7 * random.normal()) * 100);
      post(random.int(first, last), cents, random.chance(0.4) ? "in" : "out", random.weighted(channels, channelWeights), 1);
    }
    post(offsetOf(quarterMonth + 2, interestDay), Math.round(client.levels[q] * quarterlyInterestRate * random.uniform(0.9, 1.1) * 100), "in", "online", 0);
    for (const loan of client.loans) {
      const day = loan.product === "mortgage" ? 15 : 10;
      const share = loan.product === "mortgage" ? 0.006 : 0.03;
      for (let k = 0; k < 3; k++) post(offsetOf(quarterMonth + k, day), Math.round(loan.balance * share * 100), "out", "online", 0);
    }

    postings.sort((a, b) => a.offset - b.offset);
    for (const p of postings) out.line(`${ids.next()},${client.clientId},${offsetDate(quarterMonth, days, p.offset)},${p.text}`);
  }
}

function offsetDate(quarterMonth: number, days: [number, number, number], offset: number): string {
  if (offset < days[0]) return dateLabel(quarterMonth, offset + 1);
  if (offset < days[0] + days[1]) return dateLabel(quarterMonth + 1, offset - days[0] + 1);
  return dateLabel(quarterMonth + 2, offset - days[0] - days[1] + 1);
}

